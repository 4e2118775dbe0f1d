import { expect, test, type Page } from '@playwright/test';
import { expectNoBlockingAxeViolations, graphql, phoneScreenshot, registerPerson } from './support/people';

// Settings: profile, preferences and account activity, against the real API. Each test signs up its
// own person through `page.request`, so the page shares that session.

/** A PNG of `size`×`size` pixels, drawn by the browser. */
async function pngOfSize(page: Page, size: number): Promise<Buffer> {
  const dataUrl = await page.evaluate((side) => {
    const canvas = document.createElement('canvas');
    canvas.width = side;
    canvas.height = side;
    const context = canvas.getContext('2d');
    if (context) {
      context.fillStyle = '#0f766e';
      context.fillRect(0, 0, side, side);
      context.fillStyle = '#ffffff';
      context.fillRect(side / 4, side / 4, side / 2, side / 2);
    }
    return canvas.toDataURL('image/png');
  }, size);
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

test.describe('settings', () => {
  test('preferences: the time zone and quiet hours persist over a reload; refused values are explained beside their fields', async ({
    page,
  }) => {
    const person = await registerPerson(page.request, 'prefs');
    await page.goto('/settings/preferences');
    await expect(page.getByRole('heading', { level: 1, name: 'Preferences' })).toBeFocused();
    await expect(page.getByRole('navigation', { name: 'Settings' })).toBeVisible();

    const timeZone = page.getByLabel('Time zone');
    await expect(timeZone).toHaveValue('Europe/Paris');
    await timeZone.selectOption('Asia/Tokyo');
    // New accounts start with quiet hours on (shared defaults).
    const quiet = page.getByLabel('No reminders or check-ins during quiet hours');
    await expect(quiet).toBeChecked();
    await page.getByLabel('From', { exact: true }).fill('21:30');
    await page.getByLabel('Until', { exact: true }).fill('07:15');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByTestId('preferences-saved')).toHaveText(/Saved/);

    await page.reload();
    await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('21:30');
    await expect(page.getByLabel('Until', { exact: true })).toHaveValue('07:15');
    // The API has them too, and the account's time zone followed.
    const saved = await graphql<{
      preferences: { timeZone: string; quietHoursStart: string; quietHoursEnd: string };
      me: { timeZone: string };
    }>(
      page.request,
      '{ preferences { timeZone quietHoursStart quietHoursEnd } me { timeZone } }',
      {},
      person.token,
    );
    expect(saved.data).toEqual({
      preferences: { timeZone: 'Asia/Tokyo', quietHoursStart: '21:30', quietHoursEnd: '07:15' },
      me: { timeZone: 'Asia/Tokyo' },
    });

    // Two values the API refuses at once: quiet hours ending when they start, and SMS without a phone.
    await page.getByLabel('Until', { exact: true }).fill('21:30');
    await page.getByRole('checkbox', { name: 'Text message (SMS)' }).check();
    await page.getByLabel('Time zone').selectOption('America/New_York');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    const until = page.getByLabel('Until', { exact: true });
    await expect(page.getByTestId('pref-quiet-end-error')).toContainText('different time');
    await expect(until).toHaveAttribute('aria-invalid', 'true');
    await expect(until).toBeFocused();
    expect((await until.getAttribute('aria-describedby')) ?? '').toContain('pref-quiet-end-error');
    await expect(page.getByTestId('pref-channels-error')).toContainText('phone');
    await expect(page.getByTestId('preferences-error')).toContainText('need another look');
    await expect(page.getByTestId('preferences-saved')).toBeEmpty();
    // Nothing typed was lost.
    await expect(page.getByLabel('Time zone')).toHaveValue('America/New_York');
    await expect(page.getByLabel('From', { exact: true })).toHaveValue('21:30');
    await expect(page.getByRole('checkbox', { name: 'Text message (SMS)' })).toBeChecked();

    // All or nothing: the refused save changed nothing.
    await page.reload();
    await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Tokyo');
    await expect(page.getByLabel('Until', { exact: true })).toHaveValue('07:15');

    // Quiet hours off, and a daily check-in: saved as null and a time.
    await page.getByLabel('No reminders or check-ins during quiet hours').uncheck();
    await expect(page.getByLabel('From', { exact: true })).toHaveCount(0);
    await page.getByRole('radio', { name: 'Direct' }).check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByTestId('preferences-saved')).toHaveText(/Saved/);
    const off = await graphql<{ preferences: Record<string, unknown> }>(
      page.request,
      '{ preferences { quietHoursStart quietHoursEnd assistantTone } }',
      {},
      person.token,
    );
    expect(off.data?.preferences).toEqual({
      quietHoursStart: null,
      quietHoursEnd: null,
      assistantTone: 'DIRECT',
    });
  });

  test('profile: name, colour and picture, with a live preview; the header follows; a too-small picture is refused before sending', async ({
    page,
  }) => {
    await registerPerson(page.request, 'profile', 'Robin Test');
    await page.goto('/settings/profile');
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeFocused();

    await page.getByLabel('Display name').fill('Robin Hood');
    const preview = page.getByTestId('avatar-preview');
    await expect(preview.getByRole('img')).toHaveText('RH');
    await page.getByRole('radio', { name: 'Teal' }).check();
    await expect(preview.getByRole('img')).toHaveCSS('background-color', 'rgb(15, 118, 110)');

    // The shared limits are checked in the browser: nothing is sent for a 16-pixel picture.
    const picture = page.getByLabel('Picture');
    await picture.setInputFiles({
      name: 'tiny.png',
      mimeType: 'image/png',
      buffer: await pngOfSize(page, 16),
    });
    await expect(page.getByTestId('profile-picture-error')).toContainText('between 32 and 512 pixels');
    await expect(picture).toHaveAttribute('aria-invalid', 'true');
    await picture.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: await pngOfSize(page, 64) });
    await expect(page.getByTestId('profile-picture-error')).toHaveCount(0);
    await expect(page.getByTestId('profile-picture-status')).toContainText('New picture chosen: me.png');
    await expect(preview.getByRole('img')).toHaveAttribute('data-kind', 'image');

    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByTestId('profile-saved')).toHaveText(/Saved/);
    // The header shows the new name and picture at once.
    await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Robin Hood');
    const menu = page.getByTestId('account-menu');
    await expect(menu.locator('.account-identity .avatar')).toHaveAttribute('data-kind', 'image');

    // Remove the picture: the initials on teal come back, and stay after a reload.
    await page.getByRole('button', { name: 'Remove picture' }).click();
    await expect(page.getByTestId('profile-picture-status')).toContainText('removed when you save');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByTestId('profile-saved')).toHaveText(/Saved/);
    await page.reload();
    await expect(page.getByLabel('Display name')).toHaveValue('Robin Hood');
    await expect(page.getByRole('radio', { name: 'Teal' })).toBeChecked();
    await expect(menu.locator('.account-identity .avatar')).toHaveText('RH');
    await expect(page.getByRole('button', { name: 'Remove picture' })).toHaveCount(0);

    // An empty name is caught before sending, beside the field.
    await page.getByLabel('Display name').fill('   ');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByTestId('profile-name-error')).toContainText('what to call you');
    await expect(page.getByLabel('Display name')).toBeFocused();
  });

  test('account activity lists what happened, newest first, a page at a time', async ({ page }) => {
    const person = await registerPerson(page.request, 'activity');
    // 21 audited changes plus the registration: more than one page of 20.
    for (let i = 0; i < 21; i += 1) {
      const answer = await graphql(
        page.request,
        'mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { updatedAt } }',
        { input: { assistantTone: i % 2 ? 'GENTLE' : 'DIRECT' } },
        person.token,
      );
      expect(answer.errors).toBeUndefined();
    }
    await page.goto('/settings');
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Account activity' })
      .click();
    const entries = page.getByTestId('activity-entry');
    await expect(entries).toHaveCount(20);
    await expect(entries.first().getByTestId('activity-action')).toHaveText('Preferences changed');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(22);
    await expect(page.getByTestId('activity-action').getByText('Account created')).toHaveCount(1);
    // Keyboard users continue from the first new entry.
    await expect(entries.nth(20)).toBeFocused();
  });

  test('settings pages have no serious or critical axe violations (light and dark)', async ({ page }) => {
    test.slow();
    await registerPerson(page.request, 'axe-settings');
    await page.goto('/settings/profile');
    await expect(page.getByTestId('avatar-preview')).toBeVisible();
    await expectNoBlockingAxeViolations(page);

    await page.goto('/settings/preferences');
    await expect(page.getByLabel('Time zone')).toBeVisible();
    // With the API's notes showing, so they are checked too.
    await page
      .getByLabel('Until', { exact: true })
      .fill(await page.getByLabel('From', { exact: true }).inputValue());
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await expect(page.getByTestId('pref-quiet-end-error')).toBeVisible();
    await expectNoBlockingAxeViolations(page);

    await page.goto('/settings/activity');
    await expect(page.getByTestId('activity-entry').first()).toBeVisible();
    await expectNoBlockingAxeViolations(page);
  });

  test('settings at phone size (360×740): no sideways scrolling, bottom navigation, folded profile menu', async ({
    page,
  }, testInfo) => {
    const screenshotDir = String(testInfo.config.metadata['screenshotDir']);
    await page.setViewportSize({ width: 360, height: 740 });
    await registerPerson(page.request, 'phone-settings', 'Sam Phone');
    await page.goto('/settings/profile');
    await expect(page.getByTestId('avatar-preview')).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeVisible();
    const box = await nav.boundingBox();
    expect(box && box.y + box.height).toBeGreaterThan(700);
    await phoneScreenshot(page, screenshotDir, 'settings-profile-phone');

    await page.goto('/settings/preferences');
    await expect(page.getByLabel('Time zone')).toBeVisible();
    await phoneScreenshot(page, screenshotDir, 'settings-preferences-phone');

    // The profile menu folds behind the avatar: it opens, and Escape closes it back to the button.
    const toggle = page.getByRole('button', { name: 'Account menu for Sam Phone' });
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await phoneScreenshot(page, screenshotDir, 'settings-menu-phone');
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toBeFocused();
  });
});
