import {
  cleanAreaCode,
  countryOfPhone,
  formatPhone,
  isAreaCode,
  nationalPhone,
  smsHref,
  telHref,
} from './phone';

describe('phone numbers for reading and dialling', () => {
  it('lays a number out the international way', () => {
    expect(formatPhone('+14155550100')).toBe('+1 415 555 0100');
    expect(formatPhone('+33639980012')).toBe('+33 6 39 98 00 12');
    expect(nationalPhone('+14155550100')).toBe('(415) 555-0100');
  });

  it('keeps what it cannot read as it is', () => {
    expect(formatPhone('not a number')).toBe('not a number');
    expect(nationalPhone('nope')).toBeNull();
  });

  it('makes tel: and sms: links with digits only', () => {
    expect(telHref('+1 415 555 0100')).toBe('tel:+14155550100');
    expect(smsHref('+14155550100')).toBe('sms:+14155550100');
  });

  it('reads an area code as typed', () => {
    expect(cleanAreaCode(' (415) ')).toBe('415');
    expect(isAreaCode('')).toBe(true);
    expect(isAreaCode('415')).toBe(true);
    expect(isAreaCode('4')).toBe(false);
    expect(isAreaCode('123456')).toBe(false);
  });
});

describe('countryOfPhone', () => {
  it('offers numbers in the country of the verified phone, even partly hidden', () => {
    expect(countryOfPhone('+33 •••• 78')).toBe('FR');
    expect(countryOfPhone('+33639980012')).toBe('FR');
    expect(countryOfPhone('+44 7700 900123')).toBe('GB');
    expect(countryOfPhone('+1 •••• 00')).toBe('US');
    expect(countryOfPhone('+16135550100')).toBe('CA');
  });

  it('has no answer without a phone or where no numbers are offered', () => {
    expect(countryOfPhone(null)).toBeNull();
    expect(countryOfPhone('+81 3 1234 5678')).toBeNull();
  });
});
