import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`home page and status page have no serious or critical axe violations (${colorScheme})`, async ({
    page,
  }) => {
    test.slow(); // axe on a loaded CI machine can take ~10 s.
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    await expect(page.getByTestId('landing-example')).toBeVisible();
    await expectNoBlocking(page);
    await page.goto('/status');
    await expect(page.getByTestId('status-database')).toHaveText('OK');
    await expect(page.getByTestId('heartbeat-at')).toBeVisible();
    await expectNoBlocking(page);
  });
}

async function expectNoBlocking(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  expect(blocking).toEqual([]);
}
