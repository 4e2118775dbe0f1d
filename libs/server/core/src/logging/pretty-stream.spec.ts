import { formatLogLine } from './pretty-stream';

describe('readable log lines (npm start)', () => {
  it('prints time, level, name, message and fields on one line, without colour when asked', () => {
    const line = JSON.stringify({
      level: 30,
      time: '2026-12-05T22:59:01.123Z',
      pid: 42,
      name: 'launcher',
      msg: 'worker ready',
      correlationId: 'req-12345678',
      queue: 'assistant.reply',
      note: 'two words',
    });
    expect(formatLogLine(line, false)).toBe(
      '22:59:01.123 INFO  [launcher] worker ready correlationId=req-12345678 queue=assistant.reply note="two words"\n',
    );
  });

  it('puts an error’s stack under the line and colours the level for a terminal', () => {
    const line = JSON.stringify({
      level: 50,
      time: '2026-12-05T22:59:01.123Z',
      msg: 'job failed',
      err: { message: 'boom', stack: 'Error: boom\n    at x' },
    });
    const out = formatLogLine(line, true);
    expect(out).toContain('\u001b[31mERROR\u001b[0m');
    expect(out).toContain('job failed\n    Error: boom\n        at x\n');
  });

  it('passes anything that is not JSON through unchanged', () => {
    expect(formatLogLine('plain text', false)).toBe('plain text\n');
  });
});
