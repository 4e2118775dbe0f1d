import { expect, test } from '@playwright/test';

test('GET /graphql in a browser renders GraphiQL without any request leaving 127.0.0.1', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  page.on('websocket', (socket) => urls.push(socket.url()));

  const response = await page.goto('/graphql');
  expect(response?.headers()['content-type']).toContain('text/html');
  await expect(page.locator('.graphiql-container').first()).toBeVisible({ timeout: 15_000 });
  // Let the editor finish loading its workers and fonts before judging the requests.
  await page.waitForLoadState('networkidle');

  const remote = urls
    .filter((url) => !url.startsWith('data:') && !url.startsWith('blob:'))
    .filter((url) => new URL(url).hostname !== '127.0.0.1');
  expect(remote).toEqual([]);
  expect(urls.length).toBeGreaterThan(0);
});
