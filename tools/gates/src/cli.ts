// Small helpers shared by the gate scripts (run with `node --import jiti/register`).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository root (two levels above tools/gates/src). */
export const ROOT = path.resolve(__dirname, '../../..');

/** `--name value` from argv, or the fallback. */
export function option(argv: string[], name: string): string | undefined;
export function option(argv: string[], name: string, fallback: string): string;
export function option(argv: string[], name: string, fallback?: string): string | undefined {
  const at = argv.indexOf(`--${name}`);
  return (at >= 0 ? argv[at + 1] : undefined) ?? fallback;
}

/** Parses a JSON file, naming the file when it is not JSON. */
export function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${path.relative(ROOT, file)}: ${(error as Error).message}`);
  }
}
