import type { BrainContext } from './brain.types';
import { replyTo } from './built-in-brain';
import { checkInPrompt } from './intents/checkin';
import { PHRASINGS } from './phrasings';
import { contextFor } from './phrasings/phrasing-check';
import { clip, fitLines, SHAMING_WORDS } from './replies';

const many = (n: number): BrainContext['openTasks'] =>
  Array.from({ length: n }, (_, i) => ({
    id: `t${i + 1}`,
    title: `Task number ${i + 1} with a longish title`,
    doneAt: null,
  }));

describe('reply length', () => {
  it.each([20, 40, 70, 160, 306])(
    'never exceeds a limit of %i characters, in either tone, for any phrasing',
    (max) => {
      for (const p of PHRASINGS) {
        for (const tone of ['gentle', 'direct'] as const) {
          const reply = replyTo(p.say, contextFor(p, tone, max));
          expect({ say: p.say, tone, length: reply.text.length <= max && reply.text.length > 0 }).toEqual({
            say: p.say,
            tone,
            length: true,
          });
        }
      }
    },
  );

  it('cuts a long list with "+N more" instead of dropping it silently', () => {
    const p = PHRASINGS.find((x) => x.say === 'list');
    if (!p) throw new Error('no list phrasing');
    const ctx = { ...contextFor(p), openTasks: many(30) };
    const reply = replyTo('list', ctx);
    expect(reply.text.length).toBeLessThanOrEqual(160);
    expect(reply.text).toMatch(/^Your list \(30\):\n1\. Task number 1/);
    const shown = reply.text.split('\n').filter((l) => /^\d+\. /.test(l)).length;
    expect(reply.text).toContain(`+${30 - shown} more`);
    expect(replyTo('list', { ...ctx, maxReplyChars: 612 }).text.split('\n').length).toBeGreaterThan(
      shown + 1,
    );
  });

  it('clips as a last resort at a word boundary with an ellipsis', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('the quick brown fox jumps over the lazy dog', 20)).toBe('the quick brown fox…');
    expect(clip('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghi…');
    expect(fitLines('Head:', ['one', 'two', 'three'], 17)).toBe('Head:\none\n+2 more');
    expect(fitLines('Head:', ['one', 'two', 'three'], 15)).toBe('Head:\n+3 more');
    expect(fitLines('Head:', ['one', 'two', 'three'], 40, 'Footer')).toBe('Head:\none\ntwo\nthree\nFooter');
  });

  it('fits an empty or whitespace message and a 10 kB message', () => {
    const ctx = contextFor(
      PHRASINGS[0] ?? { say: '', at: { now: '', zone: 'UTC', local: '' }, intent: 'help' },
    );
    for (const m of ['', '   ', 'x'.repeat(10_000), 'buy '.repeat(2_000)]) {
      const reply = replyTo(m, ctx);
      expect(reply.text.length).toBeGreaterThan(0);
      expect(reply.text.length).toBeLessThanOrEqual(160);
    }
  });
});

describe('tone', () => {
  const messages = [
    'done 2',
    'buy milk',
    'list',
    'focus 25',
    'remind me at 5pm to take my meds',
    'undo',
    'thanks',
    'hi',
  ];

  it("says less in 'direct' and adds encouragement in 'gentle'", () => {
    const p = PHRASINGS[0];
    if (!p) throw new Error('no phrasing');
    let shorter = 0;
    for (const m of messages) {
      const gentle = replyTo(m, contextFor(p, 'gentle'));
      const direct = replyTo(m, contextFor(p, 'direct'));
      expect(direct.actions).toEqual(gentle.actions);
      expect(direct.text.length).toBeLessThanOrEqual(gentle.text.length);
      if (direct.text.length < gentle.text.length) shorter++;
    }
    expect(shorter).toBeGreaterThanOrEqual(messages.length - 1);
    expect(replyTo('done 2', contextFor(p, 'gentle')).text).toMatch(/Nice work!/);
    expect(replyTo('done 2', contextFor(p, 'direct')).text).not.toMatch(/Nice/);
  });

  it('asks the check-in question warmly or briefly', () => {
    const gentle = checkInPrompt({ tone: 'gentle', maxReplyChars: 160, openTasks: many(4) });
    const direct = checkInPrompt({ tone: 'direct', maxReplyChars: 160, openTasks: many(4) });
    expect(gentle).toMatch(/top three/i);
    expect(gentle).toContain('4 open tasks');
    expect(direct).toBe('Morning. Top three for today?');
    expect(checkInPrompt({ tone: 'gentle', maxReplyChars: 30, openTasks: [] }).length).toBeLessThanOrEqual(
      30,
    );
  });
});

describe('no shaming', () => {
  it('never uses blaming words in any reply, in either tone', () => {
    const extra = [
      'done 9',
      'snooze',
      'undo',
      'delete 40',
      'cancel the yoga reminder',
      'done',
      'remind me at 5',
    ];
    for (const p of PHRASINGS) {
      for (const tone of ['gentle', 'direct'] as const) {
        for (const say of [p.say, ...extra]) {
          // The person's own words, quoted back, are theirs to use; only ours are checked.
          const text = replyTo(say, contextFor(p, tone))
            .text.toLowerCase()
            .replace(/"[^"]*"/g, '""');
          for (const w of SHAMING_WORDS)
            expect({ say, text, w, found: text.includes(w) }).toMatchObject({ found: false });
        }
      }
    }
  });
});
