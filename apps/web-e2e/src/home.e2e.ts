import { expect, test } from '@playwright/test';

test.describe('home page', () => {
  test('a visitor reads what this is, sees an example conversation and the ways in; no server status', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Personal Assistant TDAH' })).toBeVisible();
    const landing = page.getByTestId('welcome-guest');
    await expect(landing.getByRole('heading', { level: 2 })).toHaveText('A calm assistant for ADHD days.');
    await expect(landing.getByTestId('landing-example').getByRole('listitem')).toHaveCount(4);
    await expect(landing.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      '/register',
    );
    await expect(landing.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
    await expect(page.getByTestId('server-status')).toHaveCount(0);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Server status' }).click();
    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Server status' })).toBeVisible();
  });

  test('the status page shows database and Redis OK from the real API', async ({ page }) => {
    await page.goto('/status');
    await expect(page.getByRole('heading', { level: 1, name: 'Server status' })).toBeVisible();
    await expect(page.getByTestId('status-database')).toHaveText('OK');
    await expect(page.getByTestId('status-database-detail')).toHaveText(/^\d+ ms$/);
    await expect(page.getByTestId('status-redis')).toHaveText('OK');
    await expect(page.getByTestId('status-redis-detail')).not.toBeEmpty();
    await expect(page.getByTestId('status-version')).toHaveText(/\S/);
    await expect(page.getByTestId('status-environment')).toHaveText(/\S/);
    await expect(page.getByTestId('status-connection')).toContainText('Connected');
  });

  test('updates the heartbeat over the WebSocket subscription', async ({ page }) => {
    await page.goto('/status');
    const beatAt = page.getByTestId('heartbeat-at');
    await expect(beatAt).toBeVisible();
    await expect(page.getByTestId('heartbeat-instance')).toHaveText(/\S/);

    // Three distinct beat times = the line updated at least twice after the first beat.
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const at = await beatAt.getAttribute('datetime');
          if (at) seen.add(at);
          return seen.size;
        },
        { timeout: 10_000, intervals: [100] },
      )
      .toBeGreaterThanOrEqual(3);
    await expect(beatAt).not.toBeEmpty();
  });

  test('serves a real robots.txt, not the SPA fallback', async ({ request }) => {
    const response = await request.get('/robots.txt');
    expect(response.ok()).toBe(true);
    expect(await response.text()).toContain('User-agent:');
  });
});
