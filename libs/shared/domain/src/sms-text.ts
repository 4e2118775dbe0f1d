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

// Typographic characters the brain and templates use, as the GSM alphabet writes them: one stray
// "…" or "’" would turn a whole text into UCS-2 (70 characters a segment instead of 160).
const GSM_LOOKALIKES: [RegExp, string][] = [
  [/…/g, '...'],
  [/[‘’‚‛′]/g, "'"],
  [/[“”„‟″«»]/g, '"'],
  [/[‐‑‒–—―−]/g, '-'],
  [/[•·]/g, '-'],
  [/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' '],
  [/×/g, 'x'],
];
// Pictographs (⏰, 🎉…) with their joiners and variation selectors: decoration on a screen, a
// doubled price on a phone bill.
const PICTOGRAPHS =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Emoji_Modifier}|\u{fe0e}|\u{fe0f}|\u200d\p{Extended_Pictographic}?)*/gu;

/**
 * A text as it should go out by SMS: typographic punctuation replaced by its GSM look-alike,
 * pictographs dropped, spaces tidied. Letters (accents included) are never changed.
 */
export function toSmsText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of GSM_LOOKALIKES) out = out.replace(pattern, replacement);
  out = out.replace(PICTOGRAPHS, '');
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/** Segments one outgoing SMS part may take: longer texts are split into several messages. */
export const SMS_PART_SEGMENTS = 2;
/** At most this many messages for one text; anything beyond is cut (with "..."). */
export const SMS_MAX_PARTS = 5;

function fits(text: string): boolean {
  return countSegments(text).segments <= SMS_PART_SEGMENTS;
}

/** Breaks `text` into pieces that each fit, at sentence, then word, then character boundaries. */
function pack(text: string, fitsWith: (s: string) => boolean): string[] {
  const sentences = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== '');
  const pieces: string[] = [];
  let current = '';
  const push = (unit: string, sep: string) => {
    const candidate = current ? `${current}${sep}${unit}` : unit;
    if (fitsWith(candidate)) {
      current = candidate;
      return true;
    }
    if (current) pieces.push(current);
    current = '';
    if (fitsWith(unit)) {
      current = unit;
      return true;
    }
    return false;
  };
  for (const sentence of sentences) {
    if (push(sentence, ' ')) continue;
    // A sentence too long for one part: word by word, then (a very long "word") character by character.
    for (const word of sentence.split(/\s+/)) {
      if (push(word, ' ')) continue;
      for (const ch of word) {
        if (!push(ch, '')) throw new Error('one character does not fit in an SMS part');
      }
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * Splits a text into SMS messages of at most SMS_PART_SEGMENTS segments each, cutting between
 * sentences where it can (never inside a word unless the word alone is too long), numbered
 * "(1/3)" when there are several. An empty text gives no parts.
 */
export function splitSms(text: string): string[] {
  const clean = toSmsText(text);
  if (clean === '') return [];
  if (fits(clean)) return [clean];
  // Room for the " (n/m)" suffix (n and m are single digits: SMS_MAX_PARTS < 10).
  const parts = pack(clean, (s) => fits(`${s} (9/9)`));
  if (parts.length > SMS_MAX_PARTS) {
    parts.length = SMS_MAX_PARTS;
    const last = parts[SMS_MAX_PARTS - 1] ?? '';
    let cut = last;
    while (cut.length > 0 && !fits(`${cut}... (9/9)`))
      cut = cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length - 1);
    parts[SMS_MAX_PARTS - 1] = `${cut}...`;
  }
  return parts.map((p, i) => `${p} (${i + 1}/${parts.length})`);
}
