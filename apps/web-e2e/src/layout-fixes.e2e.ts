import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoBlockingAxeViolations, registerPerson, signInAsAdmin } from './support/people';

// Issue #19, points 4 and 7: headings focused on arrival show no ring, the phone tab bar and the
// settings' sections never wrap a label, the administration is no wider than its header, and the
// person's day (start, lunch, end of work, evening, appointment lead) is set in Preferences.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** How many lines a link's text takes (the boxes of its text alone, an icon left out, by distinct top). */
const linesOf = (link: Locator) =>
  link.evaluate((el) => {
    const tops = new Set<number>();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    }
    return tops.size;
  });

const outlineOf = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName} ${getComputedStyle(el).outlineStyle}` : 'none';
  });

test.describe('layout', () => {
  test.beforeEach(() => {
    test.setTimeout(120_000);
  });

  test('phone: the tab bar keeps "My number" on one line; a page heading takes focus with no ring', async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    await registerPerson(page.request, 'layout-phone');
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const number = nav.getByRole('link', { name: 'My number' });
    await expect(number).toBeVisible({ timeout: 15_000 });
    for (const link of await nav.getByRole('link').all()) expect(await linesOf(link)).toBe(1);

    await nav.getByRole('link', { name: 'Today' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Today' });
    await expect(heading).toBeFocused();
    expect(await outlineOf(page)).toBe('H1 none');
    // Reached by the keyboard, a control still shows its ring.
    await page.keyboard.press('Tab');
    expect(await outlineOf(page)).not.toMatch(/ none$/);
  });

  test('desktop: the settings sections sit beside the page, each on one line; the day is saved', async ({
    page,
  }) => {
    await page.setViewportSize(DESKTOP);
    await registerPerson(page.request, 'layout-day');
    await page.goto('/settings/preferences');
    const sections = page.getByRole('navigation', { name: 'Settings' }).getByRole('link');
    await expect(sections.first()).toBeVisible({ timeout: 15_000 });
    const lefts = new Set<number>();
    for (const link of await sections.all()) {
      expect(await linesOf(link)).toBe(1);
      lefts.add(Math.round((await link.boundingBox())?.x ?? -1));
    }
    expect(lefts.size, 'one column of sections').toBe(1);

    const day = page.getByTestId('day-preferences');
    await expect(day.getByLabel('My day starts at')).toHaveValue('09:00', { timeout: 15_000 });
    await day.getByLabel('My day starts at').fill('07:30');
    await day.getByLabel('Remind me before an appointment (minutes)').fill('45');
    await day.getByRole('button', { name: 'Save my day' }).click();
    await expect(day.getByTestId('day-saved')).toContainText('Saved');
    await page.reload();
    await expect(day.getByLabel('My day starts at')).toHaveValue('07:30', { timeout: 15_000 });
    await expect(day.getByLabel('Remind me before an appointment (minutes)')).toHaveValue('45');

    // The API checks the order and names the field.
    await day.getByLabel('Lunch is at').fill('06:00');
    await day.getByRole('button', { name: 'Save my day' }).click();
    await expect(day.getByText(/after the start of your day/)).toBeVisible();
    await expectNoBlockingAxeViolations(page);
  });

  test('desktop: the administration is no wider than the header above it', async ({ page, request }) => {
    await page.setViewportSize(DESKTOP);
    await signInAsAdmin(page, request);
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 15_000 });
    const header = await page.locator('.site-header').boundingBox();
    const main = await page.locator('#main').boundingBox();
    expect(main?.width ?? Infinity).toBeLessThanOrEqual((header?.width ?? 0) + 1);
  });
});
