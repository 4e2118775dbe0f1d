// The phrasing set of issue #18, by class and language: how people with ADHD actually write.
// Scored per class and language by phrasings-classes.spec.ts (each class must stay ≥ 95 %).
import type { Intent } from '../brain.types';
import type { Clock, ExpectedAction, Phrasing } from './phrasing.types';

export type PhrasingClass =
  | 'multi'
  | 'edit'
  | 'vague'
  | 'appointment'
  | 'question'
  | 'feeling'
  | 'title'
  | 'breakdown'
  | 'command'
  | 'step'
  | 'ambiguity';

export const PHRASING_CLASSES: readonly PhrasingClass[] = [
  'multi',
  'edit',
  'vague',
  'appointment',
  'question',
  'feeling',
  'title',
  'breakdown',
  'command',
  'step',
  'ambiguity',
];

export interface ClassPhrasing extends Phrasing {
  cls: PhrasingClass;
  lang: 'en' | 'fr';
}

type Extra = Pick<Phrasing, 'with' | 'replyIncludes'>;

/** A builder for one language: `p(cls, say, at, intent, actions, extra)`. */
export function builder(lang: 'en' | 'fr') {
  return (
    cls: PhrasingClass,
    say: string,
    at: Clock,
    intent: Intent,
    actions: ExpectedAction[],
    extra: Extra = {},
  ): ClassPhrasing => {
    const w = lang === 'fr' ? { locale: 'fr' as const, ...extra.with } : extra.with;
    const out: ClassPhrasing = { cls, lang, say, at, intent, actions };
    if (w) out.with = w;
    if (extra.replyIncludes) out.replyIncludes = extra.replyIncludes;
    return out;
  };
}
