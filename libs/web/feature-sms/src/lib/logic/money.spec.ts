import { decimalForDrawing, formatMoney, isDecimal, roundDecimal } from './money';

describe('roundDecimal', () => {
  it('rounds Twilio prices to the cent, half away from zero', () => {
    expect(roundDecimal('0.01580')).toBe('0.02');
    expect(roundDecimal('0.00790')).toBe('0.01');
    expect(roundDecimal('0.00490')).toBe('0.00');
    expect(roundDecimal('0.005')).toBe('0.01');
    expect(roundDecimal('-0.005')).toBe('-0.01');
    expect(roundDecimal('1.995')).toBe('2.00');
    expect(roundDecimal('9.999')).toBe('10.00');
  });

  it('keeps whole numbers and short fractions exact', () => {
    expect(roundDecimal('0')).toBe('0.00');
    expect(roundDecimal('12')).toBe('12.00');
    expect(roundDecimal('3.1')).toBe('3.10');
    expect(roundDecimal('1.15')).toBe('1.15');
  });

  it('is exact where floats are not', () => {
    // 1.005 is 1.00499999… as a double: float rounding gives 1.00.
    expect(roundDecimal('1.005')).toBe('1.01');
    expect(roundDecimal('123456789012345678.125')).toBe('123456789012345678.13');
  });

  it('drops the sign of an amount that rounds to zero', () => {
    expect(roundDecimal('-0.00100')).toBe('0.00');
  });

  it('refuses what is not a decimal string', () => {
    expect(roundDecimal('')).toBeNull();
    expect(roundDecimal('abc')).toBeNull();
    expect(roundDecimal('1e3')).toBeNull();
    expect(roundDecimal('0.1.2')).toBeNull();
    expect(isDecimal('0.01580')).toBe(true);
    expect(isDecimal('NaN')).toBe(false);
  });

  it('rounds to other precisions', () => {
    expect(roundDecimal('0.01580', 3)).toBe('0.016');
    expect(roundDecimal('2.5', 0)).toBe('3');
  });
});

describe('formatMoney', () => {
  it('shows the rounded amount with its currency', () => {
    expect(formatMoney('0.01580', 'USD', 'en-US')).toBe('$0.02');
    expect(formatMoney('1.15000', 'USD', 'en-US')).toBe('$1.15');
    expect(formatMoney('1234.5', 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney('0.00790', 'EUR', 'fr-FR')).toMatch(/^0,01\s€$/);
  });

  it('formats the string exactly, even past what a double holds', () => {
    expect(formatMoney('90071992547409.935', 'USD', 'en-US')).toBe('$90,071,992,547,409.94');
  });

  it('falls back to plain text for an unknown currency or amount', () => {
    expect(formatMoney('0.01580', 'X1', 'en-US')).toBe('0.02 X1');
    expect(formatMoney('n/a', 'USD', 'en-US')).toBe('n/a USD');
  });
});

describe('decimalForDrawing', () => {
  it('reads a decimal for bar lengths, 0 when unreadable', () => {
    expect(decimalForDrawing('0.01580')).toBeCloseTo(0.0158);
    expect(decimalForDrawing('oops')).toBe(0);
  });
});
