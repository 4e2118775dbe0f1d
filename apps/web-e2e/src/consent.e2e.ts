import { expect, test } from '@playwright/test';
import { onDatabase } from './support/database';
import { expectNoBlockingAxeViolations, graphql, registerPerson } from './support/people';

// Consents, end to end: a new version of the terms and privacy notice is asked for after sign-in
// (a friendly screen that blocks until accepted), and texts from the assistant are turned off and on
// in Settings → Your data, with the effect stated. Real API, database and Chromium.

const dataDirOf = (info: { config: { metadata: Record<string, unknown> } }) =>
  String(info.config.metadata['dataDir']);

test.describe('consents', () => {
  test('a new version of the terms is accepted on a friendly screen before going on, once', async ({
    page,
  }, testInfo) => {
    const person = await registerPerson(page.request, 'consent-bump');
    // What a version bump looks like for this person: what they accepted is an older text.
    await onDatabase(dataDirOf(testInfo), `UPDATE consents SET version = '2026-01-01' WHERE user_id = $1`, [
      person.id,
    ]);

    await page.goto('/today');
    const gate = page.getByTestId('consent-gate');
    await expect(gate).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'We updated our terms of use and the privacy notice',
    );
    await expect(gate.getByRole('link', { name: 'Terms of use' })).toHaveAttribute('href', '/legal/terms');
    await expectNoBlockingAxeViolations(page);
    // The documents stay readable without accepting.
    await page.goto('/legal/privacy');
    await expect(page.getByTestId('legal-privacy')).toContainText('What we keep');

    await page.goto('/today');
    await page.getByRole('button', { name: 'I accept' }).click();
    await expect(gate).toBeHidden();
    await expect(page.getByTestId('consent-gate')).toHaveCount(0);
    const after = await graphql<{ pendingConsents: unknown[] }>(
      page.request,
      '{ pendingConsents { kind } }',
      {},
      person.token,
    );
    expect(after.data?.pendingConsents).toEqual([]);
    // Remembered: the next visit goes straight on.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/We updated/);
    await expect(page.getByTestId('consent-gate')).toHaveCount(0);
  });

  test('texts from the assistant are turned off in Settings with the effect stated, and back on', async ({
    page,
  }) => {
    const person = await registerPerson(page.request, 'consent-sms');
    await page.goto('/settings/privacy');
    const status = page.getByTestId('sms-consent-status');
    await expect(status).toContainText('Off: the assistant does not text you');
    await expect(page.getByTestId('consent-terms')).toContainText('accepted on');
    await expect(page.getByTestId('consent-terms')).toContainText('when you signed up');

    await page.getByRole('button', { name: 'Let the assistant text me' }).click();
    await expect(status).toContainText('On since');
    await expect(page.getByTestId('consents')).toContainText(
      'The assistant stops texting you: no reminders, check-ins or answers by SMS.',
    );
    await expectNoBlockingAxeViolations(page);

    await page.getByRole('button', { name: 'Stop texts from the assistant' }).click();
    await expect(status).toContainText('Off: the assistant does not text you');
    const stored = await graphql<{ me: { consents: { kind: string; withdrawnAt: string | null }[] } }>(
      page.request,
      '{ me { consents { kind withdrawnAt } } }',
      {},
      person.token,
    );
    const sms = stored.data?.me.consents.filter((c) => c.kind === 'SMS') ?? [];
    expect(sms).toHaveLength(1);
    expect(sms[0]?.withdrawnAt).not.toBeNull();
    await page.getByText('History of your consents').click();
    await expect(page.getByTestId('consent-history')).toContainText(/sms version .*withdrawn/);
  });
});
