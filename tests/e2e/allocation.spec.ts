import { execFileSync } from 'node:child_process';
import { beMe, expect, test } from './fixtures';
import { expectNoAccessibilityViolations } from './axe';

test('the lead builds a scenario, compares it with the suggestion, and adopts it', async ({
  page,
  bridge,
}) => {
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, 'demo'],
    { encoding: 'utf8' },
  );
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/allocation`);
  await expect(page.getByRole('heading', { level: 1, name: 'Allocation' })).toBeVisible();
  // The reduced amount B2 offers, in its own column before anything is allocated.
  const b2 = page.getByRole('row').filter({ has: page.getByLabel('Allocation for B2') });
  await expect(b2.locator('td').nth(4)).toHaveText('£75,000');

  await page.getByLabel('Allocation for B2').selectOption('reduced');
  await page.getByRole('button', { name: 'Save allocation for B2' }).click();
  await expect(page.getByRole('row').filter({ has: page.getByLabel('Allocation for B2') })).toContainText(
    '£75,000',
    { timeout: 5000 },
  );
  await page.getByLabel('Allocation for SS4').selectOption('full');
  await page.getByRole('button', { name: 'Save allocation for SS4' }).click();
  await page.getByLabel('Allocation for B1').selectOption('full');
  await page.getByRole('button', { name: 'Save allocation for B1' }).click();
  await expect(page.getByRole('row').filter({ has: page.getByLabel('Allocation for B1') })).toContainText(
    '£100,000',
  );
  await page.getByLabel('Allocation for S1').selectOption('custom');
  await page.getByLabel('Custom amount for S1').fill('£60k');
  await page.getByRole('button', { name: 'Save allocation for S1' }).click();
  await expect(page.getByRole('alert')).toContainText('£60,000 is more than the £50,000 S1 requested');
  // C2, ranked 6th, passes over C1 and SS1: refused until a reason is given.
  await page.getByLabel('Allocation for C2').selectOption('full');
  await page.getByRole('button', { name: 'Save allocation for C2' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'C2 (ranked 6th)' })).toContainText('Give a reason');
  await page.getByLabel("Reason for C2's award").fill('Coventry has had nothing from this fund since 2011');
  await page.getByRole('button', { name: 'Allocate with this reason' }).click();
  await expect(page.getByText('Reason recorded: Coventry has had nothing')).toBeVisible();
  await expect(page.getByText('£251,000').first()).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('Scenario name').fill('Birmingham first');
  await page.getByRole('button', { name: 'Save the current allocation' }).click();
  await expect(page.getByRole('status')).toContainText('Scenario "Birmingham first" saved');

  await page.getByRole('button', { name: 'Suggest an allocation' }).click();
  await expect(page.getByText('Left out, and why')).toBeVisible();
  await expect(page.getByText(/SS5.*below the quality threshold/)).toBeVisible();
  await page.getByLabel('Scenario name').fill('Suggested');
  await page.getByRole('button', { name: 'Save the suggestion' }).click();

  await page.getByLabel('Compare this').selectOption({ label: 'Birmingham first' });
  await page.getByLabel('Compare with').selectOption({ label: 'Suggested' });
  await expect(page.getByRole('table', { name: 'Bids that change' })).toContainText('B2');
  await expect(page.getByRole('table', { name: 'By partnership', exact: true })).toContainText(
    'Birmingham Community Safety Partnership',
  );

  await page.getByLabel('Reason for departing from the ranking').fill('As agreed at the board');
  await page.getByRole('button', { name: 'Adopt Birmingham first' }).click();
  await expect(page.getByRole('status')).toContainText('"Birmingham first" adopted');
  await expect(
    page.getByRole('table', { name: 'Saved scenarios' }).getByRole('row', { name: /Birmingham first/ }),
  ).toContainText('Adopted');
  const allocation = JSON.parse(
    execFileSync(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'electron/cli/main.ts',
        '--db',
        bridge.db,
        'allocation',
        '--round',
        '1',
        '--json',
      ],
      { encoding: 'utf8' },
    ),
  ) as { allocatedPence: number; items: { ref: string }[] };
  expect(allocation.allocatedPence).toBe(25_100_000);
  expect(allocation.items.map((i) => i.ref).sort()).toEqual(['B1', 'B2', 'C2', 'SS4']);
});

test('a board member records views in meeting mode, and they stay on the round\u2019s record', async ({
  page,
  bridge,
}) => {
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, 'demo'],
    { encoding: 'utf8' },
  );
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Frances Doyle');
  await page.goto(`${bridge.origin}/#/rounds/1/board`);
  await expect(page.getByRole('heading', { level: 1, name: 'Board review' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  const meeting = page.getByRole('region', { name: 'Meeting mode' });
  await expect(meeting.getByRole('heading', { level: 1 })).toContainText('B2');
  await expect(meeting).toContainText('Bid 1 of 10');
  await expectNoAccessibilityViolations(page);
  await meeting.getByLabel('Support with conditions').check();
  await meeting.getByLabel('Comments').fill('Fund the reduced amount; report on the A&E pilot.');
  await meeting.getByRole('button', { name: /Record view/ }).click();
  await expect(meeting).toContainText('Frances Doyle: Support with conditions Fund the reduced amount');
  await meeting.getByRole('button', { name: 'Next bid' }).click();
  await expect(meeting.getByRole('heading', { level: 1 })).toContainText('SS4');
  await meeting.getByRole('button', { name: 'Leave meeting mode' }).click();

  const record = JSON.parse(
    execFileSync(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'electron/cli/main.ts',
        '--db',
        bridge.db,
        '--as',
        'Dan Hughes',
        'rank',
        '--round',
        '1',
        '--json',
      ],
      { encoding: 'utf8' },
    ),
  ) as unknown[];
  expect(record).toHaveLength(13);
  await page.reload();
  await expect(
    page
      .getByRole('table', { name: 'Shortlisted bids for the board' })
      .getByRole('row')
      .filter({ hasText: 'B2' })
      .filter({ hasText: 'Domestic Abuse' }),
  ).toContainText('Frances Doyle: Support with conditions');
});
