import { expect, test, type Page } from '@playwright/test';
import {
  ADMIN_EMAIL,
  expectNoBlockingAxeViolations,
  graphql,
  phoneScreenshot,
  registerPerson,
  signInAsAdmin,
  uniqueEmail,
} from './support/people';

// The administration area, against the real API: who may reach it (the UI guard and the API's own
// refusal), and what an administrator changes (role, account on/off, deletion, the audit trail).

/** The GraphQL operations the page sends, by name. */
function recordOperations(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { operationName?: string } | null;
    if (body?.operationName) names.push(body.operationName);
  });
  return names;
}

/** Searches the people list for one email and returns that person's row. */
async function findRow(page: Page, email: string) {
  await page.getByLabel('Name or email').fill(email);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const rows = page.getByTestId('user-row');
  await expect(rows).toHaveCount(1);
  return rows.first();
}

test.describe('administration', () => {
  test('a regular user gets no admin link, a clear refusal at /admin (nothing fetched), and FORBIDDEN from the API', async ({
    page,
  }) => {
    const operations = recordOperations(page);
    const person = await registerPerson(page.request, 'regular');
    await page.goto('/');
    await expect(page.getByTestId('welcome')).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);

    for (const path of ['/admin', '/admin/users', `/admin/users/${person.id}`, '/admin/audit']) {
      await page.goto(path);
      await expect(
        page.getByRole('heading', { level: 1, name: 'You do not have access to this area' }),
      ).toBeVisible();
    }
    expect(operations.filter((name) => /^(AdminUsers|AdminUser|AuditLog)$/.test(name))).toEqual([]);
    expect(operations).toContain('RefreshSession');

    // The API refuses on its own, whatever the page shows.
    for (const query of [
      '{ users(first: 5) { edges { node { id email } } } }',
      '{ auditLog(first: 5) { edges { node { id } } } }',
    ]) {
      const answer = await graphql(page.request, query, {}, person.token);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const role = await graphql(
      page.request,
      'mutation($input: SetUserRoleInput!) { setUserRole(input: $input) { role } }',
      { input: { userId: person.id, role: 'ADMINISTRATOR' } },
      person.token,
    );
    expect(role.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('an administrator changes a role and turns an account off and on; the table, the person’s next request and the audit log show it', async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(90_000);
    // The person, signed in on their own device.
    const theirs = await browser.newContext();
    const theirPage = await theirs.newPage();
    const target = await registerPerson(theirPage.request, 'target', 'Terry Target');
    await theirPage.goto('/');
    await expect(theirPage.getByTestId('welcome')).toBeVisible();
    await expect(theirPage.getByRole('link', { name: 'Admin' })).toHaveCount(0);

    await signInAsAdmin(page, request);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    let row = await findRow(page, target.email);
    await expect(row.getByTestId('user-role')).toHaveText('User');
    await expect(row.getByTestId('user-status')).toHaveText('Active');

    // Role: pick, confirm in the dialog; the new role shows at once.
    await row.getByRole('link', { name: 'Terry Target' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Terry Target' })).toBeVisible();
    await page.getByLabel('New role').selectOption('PREMIUM');
    await page.getByRole('button', { name: 'Change role…' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Make Terry Target Premium?' });
    await expect(roleDialog).toBeVisible();
    await roleDialog.getByRole('button', { name: 'Yes, make them Premium' }).click();
    await expect(roleDialog).toBeHidden();
    await expect(page.getByTestId('role-changed')).toContainText('Terry Target is now Premium');
    await expect(page.getByTestId('detail-role')).toHaveText('Premium');

    // Back to the list: the row shows the new role (from the cache, then confirmed).
    await page.getByRole('link', { name: 'All people' }).click();
    row = await findRow(page, target.email);
    await expect(row.getByTestId('user-role')).toHaveText('Premium');
    // Their next request already carries it.
    const me = await graphql<{ me: { role: string } }>(request, '{ me { role } }', {}, target.token);
    expect(me.data?.me.role).toBe('PREMIUM');

    // Administrator: their open page shows the admin area at once (live), so does a reload, and the
    // API lets them in.
    await row.getByRole('link', { name: 'Terry Target' }).click();
    await page.getByLabel('New role').selectOption('ADMINISTRATOR');
    await page.getByRole('button', { name: 'Change role…' }).click();
    await page.getByRole('button', { name: 'Yes, make them Administrator' }).click();
    await expect(page.getByTestId('detail-role')).toHaveText('Administrator');
    const theirAdminLink = theirPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' });
    await expect(theirAdminLink).toBeVisible();
    await theirPage.reload();
    await expect(theirAdminLink).toBeVisible();
    const users = await graphql(request, '{ users(first: 1) { edges { node { id } } } }', {}, target.token);
    expect(users.errors).toBeUndefined();
    // And back to a plain user: the link goes away at once, and the area refuses them again.
    await page.getByLabel('New role').selectOption('USER');
    await page.getByRole('button', { name: 'Change role…' }).click();
    await page.getByRole('button', { name: 'Yes, make them User' }).click();
    await expect(page.getByTestId('detail-role')).toHaveText('User');
    await expect(theirAdminLink).toHaveCount(0);
    await theirPage.goto('/admin/users');
    await expect(
      theirPage.getByRole('heading', { level: 1, name: 'You do not have access to this area' }),
    ).toBeVisible();

    // Turn the account off, with a reason: Disabled here and in the list, and their session is over.
    await page.getByRole('button', { name: 'Turn off account…' }).click();
    const offDialog = page.getByRole('dialog', { name: "Turn off Terry Target's account?" });
    await offDialog.getByLabel('Reason (optional)').fill('Asked to pause the account');
    await offDialog.getByRole('button', { name: 'Yes, turn it off' }).click();
    await expect(page.getByTestId('detail-status')).toHaveText('Disabled');
    await page.getByRole('link', { name: 'All people' }).click();
    await page.getByLabel('Status').selectOption('DISABLED');
    row = await findRow(page, target.email);
    await expect(row.getByTestId('user-status')).toHaveText('Disabled');
    const after = await graphql(request, '{ me { id } }', {}, target.token);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // And back on.
    await row.getByRole('link', { name: 'Terry Target' }).click();
    await page.getByRole('button', { name: 'Turn account back on…' }).click();
    await page.getByRole('button', { name: 'Yes, turn it on' }).click();
    await expect(page.getByTestId('detail-status')).toHaveText('Active');

    // The audit trail about them: the role changes and the account switches, who did them, and why.
    await page.getByRole('link', { name: 'Audit trail about Terry Target' }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/audit\\?subject=${target.id}$`));
    await page.getByLabel('Action').fill('role_change');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const audit = page.getByTestId('audit-row');
    await expect(audit).toHaveCount(3);
    await expect(audit.first()).toContainText(ADMIN_EMAIL);
    await expect(audit.first().getByTestId('audit-outcome')).toHaveText('Success');
    await page.getByLabel('Action').fill('user_disable');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(audit).toHaveCount(1);
    await expect(audit.first().getByTestId('audit-action')).toHaveText('user_disable');
    await theirs.close();
  });

  test('the audit log filters by actor, outcome and dates, pages forward and back, and explains a bad filter', async ({
    page,
    request,
  }) => {
    const person = await registerPerson(request, 'audited');
    // 30 audited changes by one person: more than one page of 25.
    for (let i = 0; i < 30; i += 1) {
      const answer = await graphql(
        request,
        'mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { updatedAt } }',
        { input: { smsReplyLength: i % 2 ? 'SHORT' : 'LONG' } },
        person.token,
      );
      expect(answer.errors).toBeUndefined();
    }
    // A refusal by the same person, to filter on (audited as a denied permission check).
    await graphql(request, '{ users(first: 1) { edges { cursor } } }', {}, person.token);

    await signInAsAdmin(page, request);
    await page.goto('/admin/audit');
    await page.getByLabel('Actor id').fill('not-an-id');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByTestId('audit-actor-error')).toContainText('account id');
    await expect(page.getByLabel('Actor id')).toBeFocused();

    await page.getByLabel('Actor id').fill(person.id);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await page.getByLabel('From').fill(day);
    await page.getByLabel('To (included)').fill(day);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const rows = page.getByTestId('audit-row');
    await expect(rows).toHaveCount(25);
    const pages = page.getByRole('navigation', { name: 'Audit log pages' });
    await expect(pages.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await pages.getByRole('button', { name: 'Next' }).click();
    // Their 32 entries (sign-up, 30 changes, 1 refusal): 7 left, none repeated from the first page.
    await expect(rows).toHaveCount(7);
    await expect(pages.getByRole('button', { name: 'Next' })).toBeDisabled();
    await expect(rows.first()).toContainText(person.email);
    await pages.getByRole('button', { name: 'Previous' }).click();
    await expect(rows).toHaveCount(25);
    await expect(pages.getByRole('button', { name: 'Previous' })).toBeDisabled();

    await page.getByLabel('Outcome').selectOption('DENIED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByTestId('audit-action')).toHaveText('permission_check');
    await expect(rows.first()).toContainText('user:read:any');
  });

  test('an administrator cannot act on their own account here, and deletes an account once its email is typed', async ({
    page,
    request,
  }) => {
    const doomed = await registerPerson(request, 'doomed', 'Dana Doomed', uniqueEmail('doomed'));
    await signInAsAdmin(page, request);

    // Their own page: the actions are off, with the reason.
    await page.goto('/admin/users');
    const own = await findRow(page, ADMIN_EMAIL);
    await own.getByRole('link').click();
    await expect(page.getByRole('button', { name: 'Change role…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Turn off account…' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Delete account…' })).toBeDisabled();
    await expect(page.getByText('This is your own account').first()).toBeVisible();

    await page.goto('/admin/users');
    const row = await findRow(page, doomed.email);
    await row.getByRole('link', { name: 'Dana Doomed' }).click();
    await page.getByRole('button', { name: 'Delete account…' }).click();
    const dialog = page.getByRole('dialog', { name: "Delete Dana Doomed's account?" });
    const confirm = dialog.getByRole('button', { name: 'Delete for good' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${doomed.email} to confirm`).fill(doomed.email);
    await confirm.click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByTestId('users-notice')).toContainText("Dana Doomed's account");
    await page.getByLabel('Name or email').fill(doomed.email);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByTestId('users-empty')).toBeVisible();
    const gone = await graphql(request, '{ me { id } }', {}, doomed.token);
    expect(gone.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('administration pages have no serious or critical axe violations, and fit a phone (360×740)', async ({
    page,
    request,
  }, testInfo) => {
    test.slow();
    const screenshotDir = String(testInfo.config.metadata['screenshotDir']);
    const someone = await registerPerson(request, 'axe-admin', 'Alex Axe');
    await signInAsAdmin(page, request);

    await page.goto('/admin/users');
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    await expectNoBlockingAxeViolations(page);

    await page.goto(`/admin/users/${someone.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Alex Axe' })).toBeVisible();
    await expectNoBlockingAxeViolations(page);
    await page.getByRole('button', { name: 'Turn off account…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoBlockingAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Turn off account…' })).toBeFocused();

    await page.goto('/admin/audit');
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await expectNoBlockingAxeViolations(page);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/admin/users');
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    await phoneScreenshot(page, screenshotDir, 'admin-users-phone');
    await page.goto(`/admin/users/${someone.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Alex Axe' })).toBeVisible();
    await phoneScreenshot(page, screenshotDir, 'admin-user-phone');
    await page.goto('/admin/audit');
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    await phoneScreenshot(page, screenshotDir, 'admin-audit-phone');
    await expectNoBlockingAxeViolations(page);
  });
});
