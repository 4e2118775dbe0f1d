import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The product version from the workspace package.json (found by walking up from this file). */
export function appVersion(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 10; i += 1) {
    const file = path.join(dir, 'package.json');
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- package.json beside the running code, never a request
    if (existsSync(file)) {
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- package.json beside the running code, never a request
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'personal-assistant-tdah' && pkg.version) return (cached = pkg.version);
    }
    dir = path.dirname(dir);
  }
  return (cached = '0.0.0');
}
