import {
  CONSENT_KINDS,
  CONSENT_PATHS,
  CONSENT_TITLES,
  CONSENT_VERSIONS,
  REQUIRED_CONSENTS,
  isConsentKind,
} from './consent';

describe('consent documents', () => {
  it('gives every kind a version, a title and its own page', () => {
    for (const kind of CONSENT_KINDS) {
      expect(CONSENT_VERSIONS[kind]).toMatch(/^\S{1,40}$/);
      expect(CONSENT_TITLES[kind].length).toBeGreaterThan(0);
      expect(CONSENT_PATHS[kind]).toBe(`/legal/${kind}`);
    }
  });

  it('requires the terms and the privacy notice, never texts', () => {
    expect([...REQUIRED_CONSENTS].sort()).toEqual(['privacy', 'terms']);
    expect(REQUIRED_CONSENTS).not.toContain('sms');
  });

  it('recognises only the known kinds', () => {
    expect(isConsentKind('sms')).toBe(true);
    expect(isConsentKind('SMS')).toBe(false);
    expect(isConsentKind('cookies')).toBe(false);
    expect(isConsentKind(undefined)).toBe(false);
  });
});
