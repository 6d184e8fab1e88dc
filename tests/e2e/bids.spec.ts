import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startBridge, tempDatabase } from '../support/web-bridge';
import { expect, test } from './fixtures';
import { expectNoAccessibilityViolations } from './axe';

const APPENDIX_A = path.resolve('tests/fixtures/appendix-a-2013.csv');

const roundTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'This round' }).getByRole('link', { name, exact: true });

function cli(db: string, ...args: string[]) {
  return execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', db, ...args],
    { encoding: 'utf8' },
  );
}

test('an officer imports the 2013 schedule through the wizard and sees the round over-subscribed', async ({
  page,
  bridge,
}) => {
  cli(
    bridge.db,
    'rounds',
    'create',
    '--fund',
    'Invest to Save',
    '--name',
    '2013-14 tranche 2',
    '--budget',
    '£350,000',
    '--committed',
    '£30,000',
  );
  await page.goto(bridge.url);
  await page.getByRole('link', { name: '2013-14 tranche 2', exact: true }).click();
  await roundTab(page, 'Import a schedule').click();
  await page.getByLabel('Schedule file').setInputFiles(APPENDIX_A);

  await expect(
    page.getByText('13 bids from 6 partnerships: £509,260 requested, £479,260 with every offered reduction.'),
  ).toBeVisible();
  await expect(page.getByLabel('Read column Amount Requested as')).toHaveValue('requested');
  await expect(page.getByLabel('Read column 1 as')).toHaveValue('ref');
  await expectNoAccessibilityViolations(page);

  await page.getByRole('button', { name: 'Import 13 bids' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Imported 13 bids from 6 partnerships: £509,260 requested',
  );
  await expect(page.getByText('13 bids, £509,260 requested')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await roundTab(page, 'Overview').click();
  await expect(page.getByText('£189,260 over')).toBeVisible();
  await expect(page.getByText('£159,260 over')).toBeVisible();
  await expect(page.getByText('No bids from:')).toHaveCount(0);
});

test('a schedule with a bad amount is refused with the row named, and nothing is imported', async ({
  page,
  bridge,
}) => {
  cli(bridge.db, 'rounds', 'create', '--fund', 'Invest to Save', '--name', 'Typos', '--budget', '£350,000');
  await page.goto(bridge.url);
  await page.getByRole('link', { name: 'Typos', exact: true }).click();
  await roundTab(page, 'Import a schedule').click();
  await page.getByLabel('Schedule file').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Ref,Partnership,Project,Amount Requested\nS1,Safer Solihull Partnership,Violent ' +
        'crime,£50,000\nC1,Coventry,Safeguarding Hub,"£12,5OO"\n',
    ),
  });
  await expect(page.getByRole('alert')).toContainText(
    'Row 3, Amount Requested: "£12,5OO" is not an amount of money',
  );
  await expect(page.getByRole('button', { name: /Import/ })).toBeDisabled();
  await roundTab(page, 'Bids').click();
  await expect(page.getByText('No bids in this round yet.')).toBeVisible();
});

test('the demonstration data loads from the first screen, is labelled, and shows C2 and SS3 with both figures', async ({
  page,
  bridge,
}) => {
  await page.goto(bridge.url);
  await page.getByRole('button', { name: 'Load the demonstration data' }).click();
  // Loading makes every demonstration person's key (scrypt, on purpose slow): about five seconds on
  // a loaded two-core machine, longer than an ordinary expectation waits.
  await expect(page.getByRole('status')).toContainText('demonstration', { timeout: 30_000 });
  await expect(page.getByRole('row', { name: /2013-14 tranche 2/ })).toContainText('Demonstration');

  await page
    .getByLabel('Round', { exact: true })
    .selectOption({ label: 'Invest to Save — 2013-14 tranche 2' });
  await expect(page.getByRole('note', { name: 'Demonstration data' })).toBeVisible();
  await page.getByRole('link', { name: '2 bids have figures that do not add up' }).click();
  await expect(page.getByText('2 of 13 bids')).toBeVisible();
  await page.getByRole('link', { name: 'C2', exact: true }).click();
  await expect(
    page.getByText('Cost lines add up to £37,960, but the stated total is £38,000 (£40 short)'),
  ).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('Search bids and business cases').fill('Polish');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('link', { name: /SS3/ }).click();
  await expect(page.getByText(/6 × £104 is £624, but the line says £652/)).toBeVisible();
  await expect(
    page.getByText('Cost lines add up to £1,360, but the stated total is £1,500 (£140 short)'),
  ).toBeVisible();
});

test('a bid recorded by hand gets its arithmetic checked, and bad money is refused beside the field', async ({
  page,
  bridge,
}) => {
  cli(bridge.db, 'rounds', 'create', '--fund', 'Invest to Save', '--name', 'By hand', '--budget', '£100,000');
  await page.goto(bridge.url);
  await page.getByRole('link', { name: 'By hand', exact: true }).click();
  await roundTab(page, 'Bids').click();
  await page.getByRole('link', { name: 'Record a bid', exact: true }).first().click();
  await page.getByLabel('Reference').fill('C2');
  await page.getByLabel('Partnership').fill('Coventry Local Police and Crime Board');
  await page.getByLabel('Project').fill('Safer Homes Initiative');
  await page.getByLabel('Amount requested').fill('£38,OOO');
  await page.getByRole('button', { name: 'Add a cost line' }).click();
  await page.getByLabel('Line 1: item').fill('Training');
  await page.getByLabel('Line 1: quantity').fill('20');
  await page.getByLabel('Line 1: unit cost').fill('£1,098');
  await page.getByRole('button', { name: 'Add a cost line' }).click();
  await page.getByLabel('Line 2: item').fill('Uniform');
  await page.getByLabel('Line 2: quantity').fill('20');
  await page.getByLabel('Line 2: unit cost').fill('£800');
  await expect(page.getByText('Cost lines add up to: £37,960')).toBeVisible();
  await page.getByRole('button', { name: 'Record bid' }).click();

  await expect(page.getByRole('alert')).toContainText(
    'Amount requested: "£38,OOO" is not an amount of money',
  );
  await expectNoAccessibilityViolations(page);
  await page.getByLabel('Amount requested').fill('£38,000');
  await page.getByRole('button', { name: 'Record bid' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'C2: Safer Homes Initiative' })).toBeVisible();
  await expect(
    page.getByText('Cost lines add up to £37,960, but the amount requested is £38,000 (£40 short)'),
  ).toBeVisible();
});

test('a round of 10,000 bids lists, filters and sorts while rendering only the rows in view', async ({
  page,
}) => {
  const db = tempDatabase();
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'build/bench/make-large-round.ts', db, '10000'],
    { encoding: 'utf8' },
  );
  const bridge = await startBridge(db);
  try {
    await page.goto(bridge.url);
    await page.getByRole('link', { name: 'Large round', exact: true }).click();
    await roundTab(page, 'Bids').click();
    await expect(page.getByText(/^10,?000 bids, /)).toBeVisible({ timeout: 20_000 });
    const rendered = await page.locator('.table-scroll tbody tr[aria-rowindex]').count();
    expect(rendered).toBeLessThan(80);
    await expect(page.locator('.table-scroll table')).toHaveAttribute('aria-rowcount', '10001');

    await page.getByLabel('Reference, project or partnership').fill('L09999');
    await expect(page.getByText(/^1 of 10,?000 bids/)).toBeVisible();
    await page.getByLabel('Reference, project or partnership').fill('');
    await page.getByRole('button', { name: /Requested/ }).click();
    await page.getByRole('button', { name: /Requested/ }).click();
    await expect(page.locator('.table-scroll tbody tr[aria-rowindex="2"]')).toContainText('£99,990');
  } finally {
    await bridge.stop();
  }
});

test('an officer adds a plan as an outline and scores a new round against it', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await page.getByRole('link', { name: 'Plans', exact: true }).click();
  await page.getByLabel('Title').fill('Police and Crime Plan 2025–2029');
  await page.getByLabel('Period').fill('2025–2029');
  await page.getByLabel('Priorities').fill('P1 Safer streets\n    P1.1 Too deep');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('alert')).toContainText('Line 2: indented further than the line above allows');
  await page
    .getByLabel('Priorities')
    .fill('P1 Safer streets\n  P1.1 Less anti-social behaviour\nP2 Support victims');
  await page.getByRole('button', { name: 'Save plan' }).click();
  await expect(page.getByRole('status')).toContainText('saved');
  await expect(page.getByText('P1.1 Less anti-social behaviour')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByRole('link', { name: 'Funding rounds' }).click();
  await page.getByRole('link', { name: 'Create a round' }).click();
  await page.getByLabel('Fund').fill('Community Safety Fund');
  await page.getByLabel('Round name').fill('2025-26');
  await page
    .getByLabel('Police and Crime Plan bids are scored against')
    .selectOption({ label: 'Police and Crime Plan 2025–2029 (2025–2029)' });
  await page.getByLabel('Budget').fill('£500k');
  await page.getByRole('button', { name: 'Create round' }).click();
  await page.getByRole('link', { name: '2025-26', exact: true }).click();
  await expect(page.getByText('Scored against Police and Crime Plan 2025–2029.')).toBeVisible();
});
