// Amounts arrive as exact decimal strings ("0.01580"). They are rounded here in integer arithmetic on
// their digits and only then formatted: no float ever holds an amount, so no cent is lost or invented.

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Whether `value` is a plain decimal string (optional minus, digits, optional fraction). */
export function isDecimal(value: string): boolean {
  return DECIMAL.test(value.trim());
}

/**
 * `value` rounded to `places` decimals, half away from zero ("0.01580" → "0.02", "-0.005" → "-0.01"),
 * or null when it is not a decimal string. Exact at any size: BigInt on the digits.
 */
export function roundDecimal(value: string, places = 2): string | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const [, minus, whole = '0', fraction = ''] = match;
  const padded = fraction.padEnd(places + 1, '0');
  let units = BigInt(`${whole}${padded.slice(0, places)}`);
  if (Number(padded[places]) >= 5) units += 1n;
  const digits = units.toString().padStart(places + 1, '0');
  const intPart = digits.slice(0, digits.length - places);
  const fracPart = digits.slice(digits.length - places);
  const sign = minus && units !== 0n ? '-' : '';
  return places > 0 ? `${sign}${intPart}.${fracPart}` : `${sign}${intPart}`;
}

const formats = new Map<string, Intl.NumberFormat | null>();

function currencyFormat(currency: string, locale: string | undefined): Intl.NumberFormat | null {
  const key = `${locale ?? ''}|${currency}`;
  if (!formats.has(key)) {
    try {
      formats.set(
        key,
        new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }),
      );
    } catch {
      // An unknown currency code: shown as "0.02 XYZ" instead.
      formats.set(key, null);
    }
  }
  return formats.get(key) ?? null;
}

/**
 * An amount for people to read, to the cent with its currency ("$0.02", "0,02 €"). The string is
 * rounded first; Intl only lays out the already-rounded value (a string: formatted exactly).
 */
export function formatMoney(value: string, currency: string, locale?: string): string {
  const rounded = roundDecimal(value, 2);
  if (rounded === null) return `${value} ${currency}`.trim();
  const format = currencyFormat(currency.trim().toUpperCase(), locale);
  // Intl.NumberFormat reads a numeric string as an exact decimal (ES2023).
  return format ? format.format(rounded as `${number}`) : `${rounded} ${currency}`.trim();
}

/** A decimal string as a number, for drawing only (bar lengths): never for sums or display. */
export function decimalForDrawing(value: string): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}
