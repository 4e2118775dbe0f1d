import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SDK_VERSION } from './version';

describe('SDK version', () => {
  it('is package.json’s, the snapshot’s or newer, and has its CHANGELOG section', () => {
    const lib = path.join(__dirname, '..');
    const { version } = JSON.parse(readFileSync(path.join(lib, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(SDK_VERSION).toBe(version);
    expect(readFileSync(path.join(lib, 'CHANGELOG.md'), 'utf8')).toContain(`\n## ${version}\n`);
  });
});
