import { expect, test } from '@playwright/test';
import { expectNoBlockingAxeViolations, graphql, registerPerson } from './support/people';

// Your data (Settings): a copy of one's data, and deleting the account with its grace period and undo,
// against the real API and worker. Each test signs up its own person through `page.request`.

test.describe('settings: your data', () => {
  test('asks for a copy with the password, sees it made, and downloads the ZIP', async ({ page }) => {
    const person = await registerPerson(page.request, 'export');
    await page.goto('/settings/privacy');
    await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeFocused();
    const form = page.getByRole('form', { name: 'Ask for a copy of my data' });
    await form.getByLabel('Your password').fill('not my password');
    await form.getByRole('button', { name: 'Ask for a copy of my data' }).click();
    await expect(form.getByRole('alert')).toContainText(/do not match/);
    await form.getByLabel('Your password').fill(person.password);
    await form.getByRole('button', { name: 'Ask for a copy of my data' }).click();
    await expect(page.getByTestId('export-status')).toContainText(/ready/, { timeout: 20_000 });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the ZIP' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.zip$/);
    await expectNoBlockingAxeViolations(page);
  });

  test('deleting the account shows what goes and the date; Keep my account undoes it', async ({ page }) => {
    const person = await registerPerson(page.request, 'erase');
    await page.goto('/settings/privacy');
    const form = page.getByRole('form', { name: 'Delete my account' });
    await expect(form).toContainText('your conversations, tasks, reminders and check-ins');
    await form.getByLabel('Your password').fill(person.password);
    await form.getByRole('button', { name: /Delete my account in 7 days/ }).click();
    await expect(page.getByTestId('deletion-pending')).toContainText('Your account will be deleted on');
    const pending = await graphql<{ accountDeletion: { dueAt: string } | null }>(
      page.request,
      '{ accountDeletion { dueAt } }',
      {},
      person.token,
    );
    const due = new Date(pending.data?.accountDeletion?.dueAt ?? 0).getTime();
    expect(Math.round((due - Date.now()) / 86_400_000)).toBe(7);
    await page.reload();
    await page.getByRole('button', { name: 'Keep my account' }).click();
    await expect(page.getByRole('form', { name: 'Delete my account' })).toBeVisible();
    const kept = await graphql(page.request, '{ accountDeletion { dueAt } }', {}, person.token);
    expect(kept.data).toEqual({ accountDeletion: null });
  });
});
