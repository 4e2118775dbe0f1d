import { isE164, toE164 } from './phone';

describe('toE164', () => {
  it('keeps a valid E.164 number as it is', () => {
    expect(toE164('+14155552671')).toBe('+14155552671');
    expect(toE164('+33612345678')).toBe('+33612345678');
  });

  it('strips the separators people type', () => {
    expect(toE164(' +1 (415) 555-2671 ')).toBe('+14155552671');
    expect(toE164('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(toE164('+44 7911.123.456')).toBe('+447911123456');
  });

  it('reads a national number in the default country', () => {
    expect(toE164('06 12 34 56 78', 'FR')).toBe('+33612345678');
    expect(toE164('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(toE164('07911 123456', 'GB')).toBe('+447911123456');
  });

  it('prefers an explicit country code over the default country', () => {
    expect(toE164('+14155552671', 'FR')).toBe('+14155552671');
  });

  it('refuses a national number when no default country is given', () => {
    expect(toE164('06 12 34 56 78')).toBeNull();
    expect(toE164('4155552671')).toBeNull();
  });

  it('refuses numbers that are not valid for their country', () => {
    expect(toE164('+123')).toBeNull();
    expect(toE164('+15550100')).toBeNull();
    // 555 is not an assigned North American area code.
    expect(toE164('+15555550100')).toBeNull();
    expect(toE164('+9999999999999')).toBeNull();
    expect(toE164('+336123456789012')).toBeNull();
  });

  it('refuses text, letters and empty input', () => {
    expect(toE164('')).toBeNull();
    expect(toE164('   ')).toBeNull();
    expect(toE164('phone')).toBeNull();
    expect(toE164('call +33 6 12 34 56 78 now')).toBeNull();
    expect(toE164('1-800-FLOWERS', 'US')).toBeNull();
    expect(toE164('+1415555267a')).toBeNull();
  });

  it('refuses an absurdly long input without parsing it', () => {
    expect(toE164(`+1415555267${' '.repeat(200)}1`)).toBeNull();
    expect(toE164('+'.concat('1'.repeat(1000)))).toBeNull();
  });
});

describe('isE164', () => {
  it('accepts only the canonical form', () => {
    expect(isE164('+14155552671')).toBe(true);
    expect(isE164('+1 415 555 2671')).toBe(false);
    expect(isE164('14155552671')).toBe(false);
    expect(isE164('+15555550100')).toBe(false);
  });
});
