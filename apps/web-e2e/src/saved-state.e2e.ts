import { expect, test, type Page } from '@playwright/test';
import { createTaskAs, keptOffline } from './support/offline';
import { graphql, registerPerson } from './support/people';

// A value the server confirmed never shows an older state after a reload, on any page: the data kept
// in IndexedDB for offline use can be older than a save (written a moment later, or changed on another
// device), and an app opened online must not show it first. Each load records every state a page
// shows from its first frame, so even a flash of the old value fails. Run it many times:
//   npx nx run web-e2e:e2e --grep "saved state" --repeat-each=10

const ROUNDS = 4;
// A loaded machine can take seconds to open a page: waiting longer never hides an old value (every
// value shown is recorded).
const LOAD = { timeout: 20_000 };

type Probe = 'timeZone' | 'openTasks';

/** Records, on every frame and DOM change of every load from now on, what `probe` reads on the page. */
async function recordShown(page: Page, probe: Probe) {
  await page.addInitScript((which: Probe) => {
    const seen: string[] = [];
    (window as unknown as { __paSeen: string[] }).__paSeen = seen;
    const read = (): string | null => {
      if (which === 'openTasks')
        return document.querySelector('[data-testid="open-tasks"]')?.textContent ?? null;
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === 'Time zone');
      const control = label?.htmlFor ? document.getElementById(label.htmlFor) : null;
      return control instanceof HTMLSelectElement ? control.value : null;
    };
    const look = () => {
      const value = read();
      if (value !== null && seen[seen.length - 1] !== value) seen.push(value);
    };
    const frame = () => {
      look();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.addEventListener('DOMContentLoaded', () =>
      new MutationObserver(look).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      }),
    );
  }, probe);
}

const shown = (page: Page) => page.evaluate(() => (window as unknown as { __paSeen: string[] }).__paSeen);

/** Waits until the data kept for offline use holds `text` (so it is older than the next change). */
async function keptWith(page: Page, text: string) {
  await expect
    .poll(async () => (await keptOffline(page)).snapshot.includes(text), { timeout: 10_000 })
    .toBe(true);
}

test.describe('saved state over a reload', () => {
  test('preferences: a time zone saved here or on another device is what the page shows after a reload, from the first frame', async ({
    page,
  }) => {
    test.slow();
    const person = await registerPerson(page.request, 'saved-prefs');
    await recordShown(page, 'timeZone');
    await page.goto('/settings/preferences');
    const timeZone = page.getByLabel('Time zone');
    await expect(timeZone).toHaveValue('Europe/Paris', LOAD);

    let previous = 'Europe/Paris';
    for (let round = 0; round < ROUNDS; round += 1) {
      const next = round % 2 === 0 ? 'Asia/Tokyo' : 'America/New_York';
      await keptWith(page, `"timeZone":"${previous}"`);
      if (round % 4 < 2) {
        // Saved on this page, then reloaded at once.
        await timeZone.selectOption(next);
        await page.getByRole('button', { name: 'Save preferences' }).click();
        await expect(page.getByTestId('preferences-saved')).toHaveText(/Saved/, LOAD);
      } else {
        // Saved on another device: what this browser kept is older.
        const answer = await graphql(
          page.request,
          'mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { timeZone } }',
          { input: { timeZone: next } },
          person.token,
        );
        expect(answer.errors).toBeUndefined();
      }
      await page.reload();
      await expect(timeZone).toHaveValue(next, LOAD);
      // Settled: a late answer (the kept copy, say) does not bring the old value back either.
      await keptWith(page, `"timeZone":"${next}"`);
      await expect(timeZone).toHaveValue(next);
      expect(await shown(page), `round ${round}: every value shown after the reload`).not.toContain(previous);
      previous = next;
    }
  });

  test('Today: a task done here or on another device never shows as still to do after a reload', async ({
    page,
  }) => {
    test.slow();
    const person = await registerPerson(page.request, 'saved-today');
    await recordShown(page, 'openTasks');
    await page.goto('/today');
    await expect(page.getByTestId('tasks-empty')).toBeVisible(LOAD);
    const open = page.getByTestId('open-tasks').getByTestId('task');

    for (let round = 0; round < ROUNDS; round += 1) {
      const title = `water plant ${round + 1}`;
      const id = await createTaskAs(page.request, person.token, title);
      await page.reload();
      await expect(open.filter({ hasText: title })).toHaveCount(1, LOAD);
      await keptWith(page, title);
      if (round % 2 === 0) {
        await open
          .filter({ hasText: title })
          .getByRole('button', { name: `Done: ${title}` })
          .click();
        await expect(open.filter({ hasText: title })).toHaveCount(0);
      } else {
        const answer = await graphql(
          page.request,
          'mutation($id: ID!) { completeTask(id: $id) { id } }',
          { id },
          person.token,
        );
        expect(answer.errors).toBeUndefined();
      }
      await page.reload();
      await expect(
        page.getByTestId('done-tasks').getByTestId('done-task').filter({ hasText: title }),
      ).toHaveCount(1);
      await expect(open.filter({ hasText: title })).toHaveCount(0);
      const seen = (await shown(page)).filter((text) => text.includes(title));
      expect(seen, `round ${round}: "${title}" shown as to do after the reload`).toEqual([]);
    }
  });
});
