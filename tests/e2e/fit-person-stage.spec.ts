import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { beMe, expect, test } from './fixtures';
import { expectNoAccessibilityViolations } from './axe';

// Issue 21's smaller points, at 1366 and 1024 pixels wide: the first screen stops saying "Nobody is
// set up" once the demonstration is loaded; the profile form's error summary lists every bad field,
// each linked; the framework page opens read-only with an explicit Edit; "Import a schedule" is
// offered only while the round takes bids; meeting mode does not carry one bid's message to the next.

const cli = (db: string, ...args: string[]) =>
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', db, ...args],
    {
      encoding: 'utf8',
    },
  );

const roundTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'This round' }).getByRole('link', { name, exact: true });

/** Nothing on the page scrolls sideways; a screenshot of it to look at. */
async function fits(page: Page, name: string, width: number) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `test-results/${name}-${width}.png`, fullPage: true });
}

for (const [width, height] of [
  [1366, 768],
  [1024, 700],
] as const)
  test.describe(`at ${width} pixels`, () => {
    test.beforeEach(async ({ page }) => page.setViewportSize({ width, height }));

    test('after loading the demonstration the first screen no longer says nobody is set up', async ({
      page,
      bridge,
    }) => {
      await page.goto(bridge.url);
      const banner = page.getByRole('region', { name: 'Profile' });
      await expect(banner).toContainText('Nobody is set up on this Tranche yet');
      await page.getByRole('button', { name: 'Load the demonstration data' }).click();
      await expect(page.getByRole('status')).toContainText('demonstration', { timeout: 30_000 });
      await expect(banner).toContainText('Tranche does not know who you are yet');
      await expect(page.getByText('Nobody is set up')).toHaveCount(0);
      await fits(page, 'demo-loaded', width);
    });

    test("the profile form's error summary lists every bad field, each linked to it", async ({
      page,
      bridge,
    }) => {
      await page.goto(`${bridge.url}#/profile`);
      await page.getByRole('button', { name: 'Create my profile' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await expect(summary.getByRole('link')).toHaveText([
        'Enter your name',
        /A passphrase needs at least \d+ characters/,
      ]);
      await summary.getByRole('link', { name: /A passphrase needs/ }).click();
      await expect(page.getByLabel('Choose your passphrase')).toBeFocused();
      await page.getByLabel('Your name').fill('Dan Hughes');
      await page.getByLabel('Choose your passphrase').fill('correct horse battery staple');
      await page.getByLabel('Type it again').fill('correct horse battery stable');
      await page.getByRole('button', { name: 'Create my profile' }).click();
      await expect(summary.getByRole('link')).toHaveText(['The two passphrases are not the same']);
      await summary.getByRole('link').click();
      await expect(page.getByLabel('Type it again')).toBeFocused();
      await expectNoAccessibilityViolations(page);
      await fits(page, 'profile-errors', width);
    });

    test('the framework page opens read-only, with Edit offered only while the framework may change', async ({
      page,
      bridge,
    }) => {
      cli(bridge.db, 'demo');
      await page.goto(bridge.url);
      await beMe(page, bridge.origin, 'Dan Hughes');
      await page.goto(`${bridge.origin}/#/rounds/1/framework`);
      await expect(page.getByRole('heading', { level: 1, name: 'Scoring framework' })).toBeVisible();
      await expect(page.getByText(/only at the setting up, open for bids or assessment stage/)).toBeVisible();
      await expect(page.getByRole('button', { name: 'Edit the framework' })).toHaveCount(0);

      cli(
        bridge.db,
        '--as',
        'Dan Hughes',
        'stage',
        '--round',
        '1',
        '--to',
        'assessment',
        '--reason',
        'Rescore C1',
      );
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Scoring framework' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Criteria' })).toContainText('Strategic fit');
      await expect(page.getByLabel('Criterion 2: weight %')).toHaveCount(0);
      await fits(page, 'framework-read', width);
      await page.getByRole('button', { name: 'Edit the framework' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Edit the scoring framework' })).toBeVisible();
      await page.getByLabel('Criterion 2: weight %').fill('30');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Scoring framework' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Criteria' })).toContainText('25%');
    });

    test('"Import a schedule" is offered only while the round takes bids', async ({ page, bridge }) => {
      cli(bridge.db, 'demo');
      const lead = ['--as', 'Dan Hughes'];
      const made = JSON.parse(
        cli(
          bridge.db,
          ...lead,
          'rounds',
          'create',
          '--fund',
          'Community Safety Fund',
          '--name',
          'New',
          '--budget',
          '£50k',
          '--json',
        ),
      ) as { id: number };
      await page.goto(bridge.url);
      await beMe(page, bridge.origin, 'Dan Hughes');
      await page.goto(`${bridge.origin}/#/rounds/${made.id}`);
      await expect(roundTab(page, 'Import a schedule')).toBeVisible();
      // The demonstration round is at board review: bids are closed, so neither tab nor form is offered.
      await page.goto(`${bridge.origin}/#/rounds/1`);
      await expect(roundTab(page, 'Overview')).toBeVisible();
      await expect(roundTab(page, 'Import a schedule')).toHaveCount(0);
      await page.goto(`${bridge.origin}/#/rounds/1/import`);
      await expect(
        page.getByText('You can import bids only at the setting up or open for bids stage'),
      ).toBeVisible();
      await expect(page.getByLabel('Schedule file')).toHaveCount(0);
      await fits(page, 'import-closed', width);
    });

    test("meeting mode does not carry one bid's confirmation to the next", async ({ page, bridge }) => {
      cli(bridge.db, 'demo');
      await page.goto(bridge.url);
      await beMe(page, bridge.origin, 'Frances Doyle');
      await page.goto(`${bridge.origin}/#/rounds/1/board`);
      await page.getByRole('button', { name: 'Start meeting mode' }).click();
      const meeting = page.getByRole('region', { name: 'Meeting mode' });
      const first = (await meeting.getByRole('heading', { level: 1 }).textContent())?.split(':')[0] ?? '';
      await meeting.getByLabel('Support', { exact: true }).check();
      await meeting.getByRole('button', { name: /Record view/ }).click();
      await expect(meeting.getByRole('status')).toHaveText(`View on ${first} recorded.`);
      await fits(page, 'meeting-recorded', width);
      await meeting.getByRole('button', { name: 'Next bid' }).click();
      await expect(meeting.getByRole('heading', { level: 1 })).not.toContainText(first);
      await expect(meeting.getByRole('status')).toHaveCount(0);
      await expect(meeting.getByText(`View on ${first} recorded.`)).toHaveCount(0);
    });
  });
