/**
 * The `token` of an emailed link (`…#token=abc`). Links carry it in the fragment, which browsers never
 * send to a server, so it stays out of logs and Referer headers.
 */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token')?.trim();
  return token ? token : null;
}
