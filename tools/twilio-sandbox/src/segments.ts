// How many SMS segments a body takes, as carriers count them: GSM 03.38 (7-bit) when every
// character is in the GSM alphabet, UCS-2 otherwise (no Twilio "smart encoding").

/** The GSM 03.38 basic character set (one septet each); ESC (0x1B) is not a character. */
const GSM_BASIC = new Set(
  [
    '@£$¥èéùìòÇ\nØø\rÅå',
    'Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ',
    ' !"#¤%&\'()*+,-./0123456789:;<=>?',
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§',
    '¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ].join(''),
);

/** The GSM 03.38 extension table: an escape plus the character, two septets each. */
const GSM_EXTENDED = new Set(['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f']);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the body needs. */
  units: number;
  segments: number;
}

const LIMITS: Record<SmsEncoding, { single: number; multipart: number }> = {
  // A concatenated message loses 7 septets / 3 UCS-2 characters per part to the UDH header.
  'GSM-7': { single: 160, multipart: 153 },
  'UCS-2': { single: 70, multipart: 67 },
};

/** Each character's cost in units; a character never straddles two segments. */
function costs(body: string): { encoding: SmsEncoding; costs: number[] } {
  const chars = [...body];
  const gsm = chars.every((c) => GSM_BASIC.has(c) || GSM_EXTENDED.has(c));
  if (gsm) return { encoding: 'GSM-7', costs: chars.map((c) => (GSM_EXTENDED.has(c) ? 2 : 1)) };
  // A code point outside the BMP is a surrogate pair: two UCS-2 units, kept together.
  return { encoding: 'UCS-2', costs: chars.map((c) => c.length) };
}

/** The encoding and number of segments an SMS body is sent as (an empty body still is one message). */
export function countSegments(body: string): SegmentCount {
  const { encoding, costs: each } = costs(body);
  const units = each.reduce((sum, c) => sum + c, 0);
  const { single, multipart } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of each) {
    if (used + cost > multipart) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}
