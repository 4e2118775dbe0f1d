import { ERASURE_GRACE_DAYS, RETENTION_DAYS, SMS_WITHDRAWAL_EFFECT } from '@pa/web-data-access';
import { strengthLabel, STRENGTH_LABELS } from '../logic/strength';
import { LEGAL_TEXTS } from './legalTexts';
import { versionLabel } from './versionLabel';

const text = (kind: keyof typeof LEGAL_TEXTS) =>
  [
    LEGAL_TEXTS[kind].summary,
    ...LEGAL_TEXTS[kind].sections.flatMap((s) => [s.heading, ...s.paragraphs]),
  ].join('\n');

describe('legal texts', () => {
  it('has a summary and headed, non-empty sections for every document people accept', () => {
    for (const kind of ['terms', 'privacy', 'sms'] as const) {
      const doc = LEGAL_TEXTS[kind];
      expect(doc.summary.trim()).not.toBe('');
      expect(doc.sections.length).toBeGreaterThan(0);
      for (const s of doc.sections) {
        expect(s.heading.trim()).not.toBe('');
        expect(s.paragraphs.every((p) => p.trim().length > 0)).toBe(true);
      }
    }
  });

  it('states the figures the product enforces, not other ones', async () => {
    // Loaded as the app loads it (the domain library is lazy in the web app).
    const { limitsOf } = await import('@pa/shared-domain/access');
    expect(text('terms')).toContain(`${limitsOf('user').historyDays} days`);
    expect(text('terms')).toContain(`${ERASURE_GRACE_DAYS} days`);
    expect(text('privacy')).toContain(`${RETENTION_DAYS.refusedTexts} days`);
    expect(text('sms')).toContain(SMS_WITHDRAWAL_EFFECT);
  });
});

describe('versionLabel', () => {
  it('reads a dated version as a date and keeps any other as it is', () => {
    expect(versionLabel('2026-12-01')).toMatch(/^Version of .*2026/);
    expect(versionLabel('v3')).toBe('Version v3');
  });
});

describe('strengthLabel', () => {
  it('names every score and clamps the ones out of range', () => {
    expect([0, 1, 2, 3, 4].map(strengthLabel)).toEqual([...STRENGTH_LABELS]);
    expect(strengthLabel(-3)).toBe(STRENGTH_LABELS[0]);
    expect(strengthLabel(9)).toBe(STRENGTH_LABELS[4]);
  });
});
