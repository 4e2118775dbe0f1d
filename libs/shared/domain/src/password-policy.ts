import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

/** The password rules, shared by the registration form and the API. */
export const PASSWORD_POLICY = {
  minLength: 8,
  maxLength: 128,
  /** zxcvbn score (0–4) a password must reach: 3 = "safely unguessable" against online attacks. */
  minScore: 3,
} as const;

export type PasswordProblem =
  'TOO_SHORT' | 'TOO_LONG' | 'TOO_WEAK' | 'COMMON_PASSWORD' | 'CONTAINS_PERSONAL_INFO';

export interface PasswordCheck {
  ok: boolean;
  /** 0 (very guessable) … 4 (very unguessable). */
  score: number;
  problems: PasswordProblem[];
  /** Friendly hints for the person typing (English). */
  suggestions: string[];
}

let factory: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
    useLevenshteinDistance: true,
  }));

const PERSONAL = 'userInputs';

/**
 * Checks a password against the policy. `personal` holds what an attacker would try first (email,
 * name): a password built on them is refused.
 */
export function checkPassword(password: string, personal: string[] = []): PasswordCheck {
  const problems: PasswordProblem[] = [];
  // Length counts characters as people see them (code points), not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_POLICY.minLength) problems.push('TOO_SHORT');
  if (length > PASSWORD_POLICY.maxLength) {
    problems.push('TOO_LONG');
    return { ok: false, score: 0, problems, suggestions: [] };
  }
  const inputs = personal.flatMap((p) => [p, ...p.split(/[@.\s_-]+/)]).filter((p) => p.length >= 3);
  const result: ZxcvbnResult = zxcvbn().check(password, inputs);
  const dictionaryNames = result.sequence.map((m) => ('dictionaryName' in m ? String(m.dictionaryName) : ''));
  const wholeMatch = result.sequence.length === 1 ? dictionaryNames[0] : undefined;
  const common = (name: string | undefined) => !!name && name.startsWith('passwords');
  if (common(wholeMatch) || (result.score < 2 && dictionaryNames.some(common)))
    problems.push('COMMON_PASSWORD');
  if (dictionaryNames.includes(PERSONAL)) problems.push('CONTAINS_PERSONAL_INFO');
  if (result.score < PASSWORD_POLICY.minScore && !problems.includes('TOO_SHORT')) problems.push('TOO_WEAK');
  const suggestions = [result.feedback.warning, ...result.feedback.suggestions].filter(
    (s): s is string => !!s,
  );
  return { ok: problems.length === 0, score: result.score, problems, suggestions };
}

/** A short, kind sentence per problem, for forms and API errors alike. */
export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: `Use at least ${PASSWORD_POLICY.minLength} characters.`,
  TOO_LONG: `Use at most ${PASSWORD_POLICY.maxLength} characters.`,
  TOO_WEAK: 'This password would be easy to guess. A few unrelated words together work well.',
  COMMON_PASSWORD: 'This is one of the most common passwords. Please pick another.',
  CONTAINS_PERSONAL_INFO: 'Avoid your name or email address in your password.',
};
