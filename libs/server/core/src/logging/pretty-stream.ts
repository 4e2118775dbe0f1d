import type { DestinationStream } from 'pino';

const LEVELS: Record<number, [string, string]> = {
  10: ['TRACE', '90'],
  20: ['DEBUG', '36'],
  30: ['INFO ', '32'],
  40: ['WARN ', '33'],
  50: ['ERROR', '31'],
  60: ['FATAL', '35'],
};
// Fields every line has, shown in the header or not at all.
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name', 'v']);

function value(v: unknown): string {
  if (typeof v === 'string') return /[\s"]/.test(v) ? JSON.stringify(v) : v;
  return JSON.stringify(v) ?? String(v);
}

/**
 * One pino JSON line → one readable line: `12:03:04.567 INFO  [api] message key=value …`, with an
 * error's stack below it. Unparseable input passes through unchanged.
 */
export function formatLogLine(line: string, colour: boolean): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const paint = (code: string, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const time = typeof entry['time'] === 'string' ? entry['time'].slice(11, 23) : '';
  const [label, code] = LEVELS[Number(entry['level'])] ?? ['LOG  ', '0'];
  const name = typeof entry['name'] === 'string' ? paint('90', `[${entry['name']}] `) : '';
  const fields = Object.entries(entry)
    .filter(([k]) => !HIDDEN.has(k) && k !== 'err')
    .map(([k, v]) => `${paint('90', `${k}=`)}${value(v)}`);
  const err = entry['err'] as { message?: string; stack?: string } | undefined;
  const stack = err ? `\n    ${(err.stack ?? err.message ?? value(err)).replace(/\n/g, '\n    ')}` : '';
  const msg = typeof entry['msg'] === 'string' ? entry['msg'] : '';
  return `${paint('90', time)} ${paint(code, label)} ${name}${msg}${fields.length ? ` ${fields.join(' ')}` : ''}${stack}\n`;
}

/** A pino destination that writes readable lines to stdout (development; production keeps JSON). */
export function prettyStream(out: NodeJS.WriteStream = process.stdout): DestinationStream {
  const colour = out.isTTY === true && !process.env['NO_COLOR'];
  return { write: (line: string) => void out.write(formatLogLine(line, colour)) };
}
