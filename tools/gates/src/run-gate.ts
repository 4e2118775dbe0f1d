// Runs a gate script the way `npm run verify` does, for the specs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './cli';

export interface GateRun {
  status: number | null;
  output: string;
}

/** Runs tools/gates/src/<script> with node + jiti and returns its exit status and output. */
export function runGate(script: string, args: string[], env: Record<string, string> = {}): GateRun {
  const run = spawnSync(
    process.execPath,
    ['--import', 'jiti/register', path.join(ROOT, 'tools/gates/src', script), ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}
