import type { ChildProcess } from 'node:child_process';

/** Resolves once a child's stdout has printed `pattern`; rejects on time-out or exit, with what it printed. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const done = (err?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) done();
    };
    const onExit = (code: number | null) => done(new Error(`exited (${code}) before ${pattern}:\n${out}`));
    const timer = setTimeout(
      () => done(new Error(`no ${pattern} within ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}
