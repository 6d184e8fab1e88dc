import { execFileSync } from 'node:child_process';
import { beMe, expect, test } from './fixtures';
import { expectNoAccessibilityViolations } from './axe';
import { startBridge, tempDatabase, type RunningBridge } from '../support/web-bridge';

// Issue 19: the panel's pages stay usable at 10,000 bids. Each renders only the rows in view, tells
// assistive technology how many rows there are, and filters as the lead officer types.

const BIDS = 10_000;
const PASSPHRASE = 'bench passphrase';
let db = '';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(() => {
  db = tempDatabase();
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'build/bench/ranked-round.ts', db, String(BIDS)],
    {
      encoding: 'utf8',
    },
  );
});

let bridge: RunningBridge;
test.beforeEach(async () => {
  bridge = await startBridge(db);
});
test.afterEach(async () => {
  await bridge.stop();
});

test('the ranking of 10,000 bids renders only the rows in view and filters by reference', async ({
  page,
}) => {
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Lee Lead', PASSPHRASE);
  await page.goto(`${bridge.origin}/#/rounds/1/ranking`);
  await expect(page.getByText(/^10,000 bids, 1,000 not yet fully scored/)).toBeVisible({ timeout: 30_000 });
  const ranked = page.getByRole('table', { name: 'Bids in rank order' });
  await expect(ranked).toHaveAttribute('aria-rowcount', String(9_000 + 1));
  expect(await ranked.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(60);
  await expect(ranked.locator('tbody tr[aria-rowindex="2"] td').first()).toHaveText(/^=?1$/);
  await expectNoAccessibilityViolations(page);

  const filter = page.getByLabel('Reference, project or partnership');
  await filter.fill('L09999');
  await expect(page.getByText(/^1 of 10,000 bids, 1 not yet fully scored/)).toBeVisible();
  await expect(ranked).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Bids not yet fully scored' })).toContainText(
    'Not yet scored (2 of 3 assessors)',
  );

  // Words in any order; the breakdown opens from the keyboard and stays open while the list moves.
  await filter.fill('scheme l00004');
  await expect(page.getByText(/^1 of 10,000 bids$/)).toBeVisible();
  await page.getByText("How L00004's score was reached").focus();
  await page.keyboard.press('Enter');
  const breakdown = page.getByRole('table', { name: 'Breakdown for L00004' });
  await expect(breakdown.getByRole('row')).toHaveCount(1 + 8);
  await filter.fill('L0000');
  await expect(page.getByText(/^10 of 10,000 bids, 1 not yet fully scored/)).toBeVisible();
  await expect(breakdown).toBeVisible();

  await filter.fill('');
  await page.getByLabel('Show').selectOption({ label: 'Moderation open' });
  await expect(page.getByText(/^[\d,]+ of 10,000 bids/)).toBeVisible();
  const rows = ranked.locator('tbody tr[aria-rowindex]');
  for (const row of await rows.all()) await expect(row).toContainText('Moderation open');
});

test('board review of 10,000 bids renders only the rows in view, and one filter serves both lists', async ({
  page,
}) => {
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Lee Lead', PASSPHRASE);
  await page.goto(`${bridge.origin}/#/rounds/1/board`);
  const shortlist = page.getByRole('table', { name: 'Bids and whether they are shortlisted' });
  await expect(shortlist).toHaveAttribute('aria-rowcount', String(BIDS + 1), { timeout: 30_000 });
  expect(await shortlist.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(60);
  const board = page.getByRole('table', { name: 'Shortlisted bids for the board' });
  await expect(board.locator('tbody tr[aria-rowindex]').first()).toBeVisible();
  expect(await board.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(60);
  await expectNoAccessibilityViolations(page);

  // L09999 is not yet fully scored: in the shortlist's table, not shortlisted, and not before the board.
  await page.getByLabel('Reference, project or partnership').fill('L09999');
  await expect(page.getByText(/^1 of 10,000 bids, [\d,]+ shortlisted$/)).toBeVisible();
  await expect(shortlist).toContainText('Not shortlisted');
  await expect(page.getByText(/^0 of [\d,]+ bids shortlisted for the board$/)).toBeVisible();
  await expect(board).toHaveCount(0);

  await page.getByLabel('Reference, project or partnership').fill('');
  await page.getByLabel('Show').selectOption({ label: 'Not shortlisted' });
  await expect(shortlist.locator('tbody tr[aria-rowindex="2"]')).toContainText('Not shortlisted');
});

test('the allocation of 10,000 bids renders only the rows in view and finds a bid by its words', async ({
  page,
}) => {
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Lee Lead', PASSPHRASE);
  await page.goto(`${bridge.origin}/#/rounds/1/allocation`);
  const table = page.getByRole('table', { name: 'What each bid gets' });
  await expect(table).toHaveAttribute('aria-rowcount', String(BIDS + 1), { timeout: 30_000 });
  expect(await table.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(60);
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('Reference, project or partnership').fill('wolverhampton 9995');
  await expect(page.getByText(/^1 of 10,000 bids$/)).toBeVisible();
  await expect(table.locator('tbody tr[aria-rowindex]')).toHaveCount(1);
  await expect(page.getByLabel('Allocation for L09995')).toHaveValue('none');
});

test('moderation at 10,000 bids renders only the rows in view and filters by bid and by state', async ({
  page,
}) => {
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Lee Lead', PASSPHRASE);
  await page.goto(`${bridge.origin}/#/rounds/1/moderation`);
  const table = page.getByRole('table', { name: 'Divergent scores', exact: true });
  await expect(table.locator('tbody tr[aria-rowindex]').first()).toBeVisible({ timeout: 30_000 });
  const all = Number(await table.getAttribute('aria-rowcount')) - 1;
  expect(all).toBeGreaterThan(1_000);
  expect(await table.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(60);
  await expectNoAccessibilityViolations(page);

  // A row is drawn only while in view: what the lead officer typed into its form comes back with it.
  const firstScore = () => table.locator('tbody tr[aria-rowindex="2"]').getByLabel('Moderated score');
  await firstScore().fill('4');
  const filter = page.getByLabel('Bid, criterion or assessor');
  await filter.fill('L09998');
  await expect(page.getByText(/^\d of [\d,]+ divergent scores$/)).toBeVisible();
  for (const heading of await table.getByRole('heading', { level: 3 }).all())
    await expect(heading).toContainText('L09998');
  await filter.fill('');
  await expect(firstScore()).toHaveValue('4');
  await page.getByLabel('Show').selectOption({ label: 'Moderated' });
  await expect(page.getByText(/^0 of [\d,]+ divergent scores$/)).toBeVisible();
});
