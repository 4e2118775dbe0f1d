// The keywords carriers and Twilio act on for a long code (Twilio's default opt-out handling), matched
// as Twilio does: the whole message, any case, surrounding spaces and punctuation ignored.

import { trimEndChars } from '@pa/shared-domain';

export type SmsKeyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<string, SmsKeyword> = {
  STOP: 'stop',
  STOPALL: 'stop',
  UNSUBSCRIBE: 'stop',
  CANCEL: 'stop',
  END: 'stop',
  QUIT: 'stop',
  OPTOUT: 'stop',
  REVOKE: 'stop',
  // French carriers' opt-out word (numbers in France).
  ARRET: 'stop',
  START: 'start',
  YES: 'start',
  UNSTOP: 'start',
  HELP: 'help',
  INFO: 'help',
  AIDE: 'help',
};

/** The keyword a text is, if it is one ("Stop.", " stop ", "ARRÊT" are; "stop the timer" is not). */
export function smsKeyword(body: string): SmsKeyword | undefined {
  const folded = body.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // Trailing spaces and punctuation by a scan from the end: `[\s\p{P}]+$` is quadratic on "! ! ! … x".
  const word = trimEndChars(folded, /[\s\p{P}]/u)
    .replace(/^[\s\p{P}]+/u, '')
    .toUpperCase();
  return KEYWORDS[word];
}

export const HELP_TEXT =
  'This is your personal assistant. Text me anything to remember, "list" for your tasks, "remind me ... at 5pm", "done 1". Text STOP to stop texts, START to resume. Manage everything in the app.';
export const START_TEXT =
  "You're back on: I will text you again from this number. Text HELP for help, STOP to stop.";
export const STOP_NOTE =
  'You texted STOP, so I will not text you from this number any more. Reminders still show here. Text START to the number to turn texts back on.';
export const REFUSAL_TEXT =
  "Sorry, this number is a personal assistant that only answers its owner's phone. Your message was not passed on.";

// The owner's replies to HELP / START and the note left for STOP, for a French-locale person.
const FRENCH = {
  help: 'Ton assistant : écris ce que tu veux retenir, « liste », « fait 1 », « rappelle-moi à 9h de … ». STOP : arrêter, START : reprendre.',
  start:
    'C’est reparti : je t’écris de nouveau depuis ce numéro. Envoie AIDE pour l’aide, STOP pour arrêter.',
  stop: 'Tu as envoyé STOP : je ne t’écrirai plus depuis ce numéro. Tes rappels restent visibles ici. Envoie START à ce numéro pour réactiver les SMS.',
} as const;

/** The owner's keyword text in their language (`fr`, else English). */
export function keywordText(kind: 'help' | 'start' | 'stop', locale: string | null | undefined): string {
  if (locale === 'fr') return FRENCH[kind];
  return kind === 'help' ? HELP_TEXT : kind === 'start' ? START_TEXT : STOP_NOTE;
}
