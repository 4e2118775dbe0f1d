/** "Version of 1 December 2026" for a dated version, else "Version <v>". */
export function versionLabel(version: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(version) ? new Date(`${version}T12:00:00Z`) : null;
  return date
    ? `Version of ${date.toLocaleDateString(undefined, { dateStyle: 'long' })}`
    : `Version ${version}`;
}
