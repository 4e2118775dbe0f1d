// Ticking the steps of the task being worked on: "I did the first one", "step 2 done", "j'ai fait
// la première", "deuxième étape finie" tick that step of BrainContext.currentTask and name the next.
// Without a task being worked on these are left to the router (where "done 1" ticks list item 1).
import type { BrainAction, BrainContext, BrainReply, CurrentTask, Locale } from '../brain.types';
import { clip, q } from '../replies';
import { done } from '../respond';
import { trimEndChars } from '@pa/shared-domain';
import { gu } from './say';

const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  sixth: 6,
  '6th': 6,
  premiere: 1,
  premier: 1,
  '1ere': 1,
  '1re': 1,
  '1er': 1,
  deuxieme: 2,
  seconde: 2,
  '2e': 2,
  '2eme': 2,
  '2nde': 2,
  troisieme: 3,
  '3e': 3,
  '3eme': 3,
  quatrieme: 4,
  '4e': 4,
  '4eme': 4,
  cinquieme: 5,
  '5e': 5,
  '5eme': 5,
  sixieme: 6,
  '6e': 6,
};
/** Words for "the step I'm on" (the first open one). */
const CURRENT = new Set([
  'next',
  'this',
  'that',
  'current',
  'suivante',
  'celle-ci',
  'celle-la',
  'celle la',
  'en cours',
]);
const LAST = new Set(['last', 'final', 'derniere', 'dernier']);

const ORD = String.raw`(?:${[...Object.keys(ORDINALS), 'next', 'this', 'that', 'current', 'last', 'final', 'suivante', 'celle-ci', 'celle-la', 'derniere', 'dernier'].join('|')})`;
const LEAD = String.raw`(?:(?:ok|okay|yay|yes|so|and|right|alright|woohoo|bon|voila|ouais|oui|youpi|hop) )?`;
const EN_DID = String.raw`(?:i )?(?:just )?(?:did|done|finished|completed|ticked off|ticked|got through|knocked out|crossed off)(?: with)?`;
const FR_DID = String.raw`(?:j'?ai |jai )?(?:deja )?(?:fait|fini|termine|coche|boucle)`;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
};
const STEP_N = String.raw`(?:step|etape|n°|no\.?) ?(\d{1,2}|one|two|three|four|five|six|une?|deux|trois|quatre|cinq)`;
const DONE_WORD = String.raw`(?:done|finished|complete|completed|ticked|ticked off|fait|faite|fini|finie|termine|terminee|cochee|bouclee|ok)`;

const PATTERNS: RegExp[] = [
  // "I did the first one", "done with the second step", "finished step 2", "did that one".
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constants
  new RegExp(
    String.raw`^${LEAD}${EN_DID} (?:the |that |this )?(?:(${ORD})(?: one| step| bit| part| thing)?|${STEP_N})(?: done| too)?$`,
  ),
  // "the first one is done", "step 2 done", "2nd step finished".
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constants
  new RegExp(
    String.raw`^${LEAD}(?:the |la |l'|le )?(?:(${ORD})(?: one| step| etape)?|${STEP_N}) (?:is |'s |est |c'?est )?${DONE_WORD}$`,
  ),
  // "j'ai fait la première", "j'ai fini l'étape 2", "fini la deuxième étape".
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constants
  new RegExp(String.raw`^${LEAD}${FR_DID} (?:la |l'|le )?(?:(${ORD})(?: etape)?|${STEP_N})$`),
  // "c'est fait pour la première".
  // eslint-disable-next-line security/detect-non-literal-regexp -- built from this module's constants
  new RegExp(
    String.raw`^${LEAD}(?:c'?est )?(?:fait|fini|bon) pour (?:la |l'|le )?(?:(${ORD})(?: etape)?|${STEP_N})$`,
  ),
];

/** Which step a message ticks: 1-based, 'current' or 'last'; null when it is not about a step. */
export function stepSaid(folded: string): number | 'current' | 'last' | null {
  const f = trimEndChars(folded.replace(/[,;:]/g, ' ').replace(/\s+/g, ' ').trim(), /[.!?\s]/).replace(
    /^(?:[!.]\s?)+/,
    '',
  );
  for (const re of PATTERNS) {
    const m = re.exec(f);
    if (!m) continue;
    const word = m[1];
    if (m[2]) return NUMBER_WORDS[m[2]] ?? Number(m[2]);
    if (!word) return null;
    if (CURRENT.has(word)) return 'current';
    if (LAST.has(word)) return 'last';
    return ORDINALS[word] ?? null;
  }
  return null;
}

function pick(task: CurrentTask, which: number | 'current' | 'last'): number {
  if (which === 'current') return task.steps.findIndex((s) => !s.doneAt);
  if (which === 'last') return task.steps.length - 1;
  return which - 1;
}

/** Ticks a step of the task being worked on and names the next; null when the message is not that. */
export function handleStep(folded: string, ctx: BrainContext, locale: Locale): BrainReply | null {
  const task = ctx.currentTask;
  if (!task || task.steps.length === 0) return null;
  const which = stepSaid(folded);
  if (which === null) return null;
  const fr = locale === 'fr';
  const index = pick(task, which);
  const step = task.steps[index];
  if (!step) {
    const text = fr
      ? `${gu(task.title)} n'a que ${task.steps.length} étapes. Laquelle as-tu faite ?`
      : `${q(task.title)} has ${task.steps.length} steps. Which one did you do?`;
    return done(ctx, 'done', clip(text, ctx.maxReplyChars));
  }
  const left = task.steps.filter((s, i) => i !== index && !s.doneAt);
  const next = task.steps.find((s, i) => i > index && !s.doneAt) ?? left[0];
  const actions: BrainAction[] = [];
  if (!step.doneAt) actions.push({ type: 'completeTasks', taskIds: [step.id] });
  // The last open step finishes the task itself.
  if (left.length === 0) actions.push({ type: 'completeTasks', taskIds: [task.id] });
  const ticked = step.doneAt
    ? fr
      ? `L'étape ${index + 1} était déjà cochée.`
      : `Step ${index + 1} was already ticked.`
    : fr
      ? `Bravo ! Étape ${index + 1} cochée : ${gu(step.title, 50)}.`
      : `Nice one! Step ${index + 1} ticked: ${q(step.title, 50)}.`;
  const then = next
    ? fr
      ? `Ensuite : ${gu(next.title, 70)}.`
      : `Next: ${q(next.title, 70)}.`
    : fr
      ? `C'était la dernière : ${gu(task.title)} est fini !`
      : `That was the last one: ${q(task.title)} is done!`;
  return done(ctx, 'done', clip(`${ticked} ${then}`, ctx.maxReplyChars), actions);
}
