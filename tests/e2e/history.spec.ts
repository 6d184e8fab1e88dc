import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { startBridge } from '../support/web-bridge';
import { beMe, expect, test } from './fixtures';

const tranche = (db: string, ...args: string[]) =>
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', db, ...args],
    {
      encoding: 'utf8',
    },
  );

test("a lead officer reads the round's history, sorted by keyboard", async ({ page, bridge }) => {
  tranche(bridge.db, 'demo');
  tranche(
    bridge.db,
    '--as',
    'Dan Hughes',
    'allocate',
    '--round',
    '1',
    '--bid',
    'B1',
    '--reduced',
    '--reason',
    'Chosen by the panel',
  );
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1`);
  await page.getByRole('navigation', { name: 'This round' }).getByRole('link', { name: 'History' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  const table = page.getByRole('table', { name: "The round's history, newest first" });
  await expect(table.getByRole('row').nth(1)).toContainText('Set an allocation: B1, reduced');
  await expect(table.getByRole('row').nth(1)).toContainText('Dan Hughes');

  const who = table.getByRole('columnheader', { name: 'Who' });
  await who.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(who).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.getByRole('row').nth(1)).toContainText('Dan Hughes');
  await page.keyboard.press('Enter');
  await expect(who).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('No profile');

  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('a record changed outside Tranche is reported on every page at start', async ({ page, bridge }) => {
  tranche(bridge.db, 'demo');
  tranche(
    bridge.db,
    '--as',
    'Dan Hughes',
    'allocate',
    '--round',
    '1',
    '--bid',
    'B1',
    '--reduced',
    '--reason',
    'Chosen by the panel',
  );
  await bridge.stop();
  const raw = new Database(bridge.db);
  raw.exec('UPDATE allocation_items SET amount_pence = amount_pence + 100000');
  raw.close();
  const restarted = await startBridge(bridge.db);
  try {
    await page.goto(restarted.url);
    const alert = page.getByRole('alert').filter({ hasText: 'The record does not verify' });
    await expect(alert).toContainText(
      /allocation_items row \(bid_id \d+, round_id 1\) does not match audit entry/,
    );
    await page.goto(`${restarted.origin}/#/reports`);
    await expect(alert).toBeVisible();
  } finally {
    await restarted.stop();
  }
});
