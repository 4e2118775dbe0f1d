import { expect, test } from '@playwright/test';
import path from 'node:path';

const viewports = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

for (const viewport of viewports) {
  test(`home page screenshot (${viewport.name} ${viewport.width}x${viewport.height})`, async ({
    page,
  }, testInfo) => {
    const screenshotDir = String(testInfo.config.metadata['screenshotDir']);
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    await page.goto('/');
    await expect(page.getByTestId('landing-example')).toBeVisible();

    // Nothing may overflow sideways on a phone.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await page.screenshot({
      path: path.join(screenshotDir, `home-${viewport.name}.png`),
      fullPage: true,
      animations: 'disabled',
    });
  });
}
