import { countSegments, splitSms, toSmsText, SMS_MAX_PARTS, SMS_PART_SEGMENTS } from './sms-text';

describe('countSegments', () => {
  it('sends plain text as GSM-7, 160 characters in one segment', () => {
    expect(countSegments('Your code is 123456')).toEqual({ encoding: 'GSM-7', units: 19, segments: 1 });
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
  });

  it('splits long GSM-7 text into parts of 153', () => {
    expect(countSegments('a'.repeat(161)).segments).toBe(2);
    expect(countSegments('a'.repeat(306)).segments).toBe(2);
    expect(countSegments('a'.repeat(307)).segments).toBe(3);
    expect(countSegments('a'.repeat(1600)).segments).toBe(11);
  });

  it('keeps accented letters of the GSM alphabet in GSM-7', () => {
    expect(countSegments('Ça été où? Ñandù Ä ß £ ¥ §').encoding).toBe('GSM-7');
    // ú and ç are not in it (only ù and Ç are).
    expect(countSegments('Ñandú').encoding).toBe('UCS-2');
    expect(countSegments('garçon').encoding).toBe('UCS-2');
  });

  it('counts extension characters (€ [ ] { } ^ ~ | \\) as two septets', () => {
    expect(countSegments('€')).toEqual({ encoding: 'GSM-7', units: 2, segments: 1 });
    expect(countSegments('€'.repeat(80)).segments).toBe(1);
    expect(countSegments(`${'€'.repeat(80)}a`).segments).toBe(2);
  });

  it('never splits an escape sequence across two segments', () => {
    // 152 septets then a two-septet character: it does not fit in the first part's 153, so the
    // second part starts with it. 306 septets would fit two parts of 153, but this body needs 3.
    const body = `${'a'.repeat(152)}€${'a'.repeat(152)}`;
    expect(countSegments(body)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
  });

  it('switches to UCS-2 for a character outside the GSM alphabet, 70 per segment', () => {
    expect(countSegments('Rendez-vous à 15h — merci')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(countSegments('д'.repeat(70))).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSegments('д'.repeat(71)).segments).toBe(2);
    expect(countSegments('д'.repeat(134)).segments).toBe(2);
    expect(countSegments('д'.repeat(135)).segments).toBe(3);
  });

  it('counts an emoji as two UCS-2 units and never splits it', () => {
    expect(countSegments('👍')).toEqual({ encoding: 'UCS-2', units: 2, segments: 1 });
    expect(countSegments('👍'.repeat(35)).segments).toBe(1);
    expect(countSegments('👍'.repeat(36)).segments).toBe(2);
    // 66 units then a surrogate pair: the pair moves to the second part.
    expect(countSegments(`${'д'.repeat(66)}👍${'д'.repeat(5)}`)).toEqual({
      encoding: 'UCS-2',
      units: 73,
      segments: 2,
    });
    const pairs = `${'д'.repeat(66)}👍${'д'.repeat(66)}👍`;
    expect(countSegments(pairs)).toEqual({ encoding: 'UCS-2', units: 136, segments: 3 });
  });
});

describe('toSmsText', () => {
  it('writes typographic punctuation as GSM and drops pictographs, so a text stays GSM-7', () => {
    const text = toSmsText('⏰ Reminder: call Léa… it’s “urgent” – really 👍🏽');
    expect(text).toBe('Reminder: call Léa... it\'s "urgent" - really');
    expect(countSegments(text).encoding).toBe('GSM-7');
  });

  it('keeps letters, accents included (a French text may need UCS-2, and says so)', () => {
    expect(toSmsText('Ça va être fait')).toBe('Ça va être fait');
    expect(countSegments(toSmsText('être')).encoding).toBe('UCS-2');
  });
});

describe('splitSms', () => {
  it('sends a text that fits in two segments as one message, unnumbered', () => {
    const text = 'a'.repeat(306);
    expect(splitSms(text)).toEqual([text]);
    expect(splitSms('   ')).toEqual([]);
  });

  it('splits longer texts between sentences, numbered, each at most two segments', () => {
    const sentences = Array.from(
      { length: 12 },
      (_, i) => `Sentence number ${i + 1} is here to fill some space.`,
    );
    const parts = splitSms(sentences.join(' '));
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(p.endsWith(` (${i + 1}/${parts.length})`)).toBe(true);
      expect(countSegments(p).segments).toBeLessThanOrEqual(SMS_PART_SEGMENTS);
      // Every part starts at a sentence start: nothing was cut mid-sentence.
      expect(p).toMatch(/^Sentence number \d+/);
    });
    const rejoined = parts.map((p) => p.replace(/ \(\d\/\d\)$/, '')).join(' ');
    expect(rejoined).toBe(sentences.join(' '));
  });

  it('cuts a sentence too long for one part between words, and a huge word where it must', () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const parts = splitSms(words);
    for (const p of parts) expect(p.replace(/ \(\d\/\d\)$/, '')).toMatch(/^(word\d+ ?)+$/);
    const long = splitSms('x'.repeat(700));
    expect(long.length).toBe(3);
    expect(long.map((p) => p.replace(/ \(\d\/\d\)$/, '')).join('')).toBe('x'.repeat(700));
  });

  it('never sends more than SMS_MAX_PARTS messages, and says it cut', () => {
    const parts = splitSms('y'.repeat(1600));
    expect(parts).toHaveLength(SMS_MAX_PARTS);
    expect(parts[SMS_MAX_PARTS - 1]).toMatch(/\.\.\. \(5\/5\)$/);
    for (const p of parts) expect(countSegments(p).segments).toBeLessThanOrEqual(SMS_PART_SEGMENTS);
  });
});
