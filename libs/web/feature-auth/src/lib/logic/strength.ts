/** Words for the zxcvbn score (0–4): encouraging at every step. */
export const STRENGTH_LABELS = [
  'Very easy to guess',
  'Easy to guess',
  'Getting there',
  'Strong — good choice',
  'Very strong — great choice',
] as const;

/** The label for a score, clamped to 0–4. */
export function strengthLabel(score: number): string {
  const index = Math.min(4, Math.max(0, Math.round(score)));
  return STRENGTH_LABELS[index] ?? STRENGTH_LABELS[0];
}
