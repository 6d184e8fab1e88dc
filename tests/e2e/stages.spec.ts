import { execFileSync } from 'node:child_process';
import { beMe, expect, test } from './fixtures';

// Issue 21 in the app, at 1366 and 1024 pixels wide: a stage move is confirmed after seeing what is
// unfinished, a lead officer can take the round back with a reason the history keeps, the round's
// footer names its stage, bids with equal scores share a rank ("=1"), and the bids filter matches
// words in any order.

const cli = (db: string, ...args: string[]) =>
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', db, ...args],
    {
      encoding: 'utf8',
    },
  );

for (const [width, height] of [
  [1366, 768],
  [1024, 700],
] as const)
  test.describe(`at ${width} pixels`, () => {
    test.beforeEach(async ({ page }) => page.setViewportSize({ width, height }));

    test('a stage move asks first, listing what is unfinished; a step back needs a reason, kept in history', async ({
      page,
      bridge,
    }) => {
      cli(bridge.db, 'demo');
      await page.goto(bridge.url);
      await beMe(page, bridge.origin, 'Dan Hughes');
      await page.goto(`${bridge.origin}/#/rounds/1`);
      const stages = page.getByRole('region', { name: 'Stage of the round' });
      await expect(stages.locator('[aria-current="step"]')).toHaveText('Board review');
      // The footer names the stage, not "Open for bids".
      await expect(page.getByText('Board review: closed to new bids.')).toBeVisible();
      await expect(page.getByText('Open for bids.')).toHaveCount(0);

      await stages.getByRole('button', { name: 'Move to decision' }).click();
      const confirm = stages.getByRole('group', { name: /Move .* to decision\?/ });
      await expect(confirm).toContainText('Still unfinished at the board review stage:');
      await expect(confirm.getByRole('listitem').first()).toBeVisible();
      await page.screenshot({ path: `test-results/stage-confirm-${width}.png`, fullPage: true });
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await expect(stages.locator('[aria-current="step"]')).toHaveText('Board review');

      await stages.getByText('Take the round back to an earlier stage').click();
      await stages.getByLabel('Stage').selectOption('assessment');
      await stages.getByRole('button', { name: 'Take the round back to assessment' }).click();
      await expect(stages.getByText('Say why the round goes back')).toBeVisible();
      await stages.getByLabel(/^Reason/).fill('SS5 was scored against the wrong criteria');
      await stages.getByRole('button', { name: 'Take the round back to assessment' }).click();
      await expect(stages.locator('[aria-current="step"]')).toHaveText('Assessment');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await page.goto(`${bridge.origin}/#/rounds/1/history`);
      await expect(
        page.getByText('Moved the round: to assessment, reason: SS5 was scored against the wrong criteria'),
      ).toBeVisible();
    });

    test('equal scores share a rank on the ranking page, and the bids filter takes words in any order', async ({
      page,
      bridge,
    }) => {
      cli(bridge.db, 'demo');
      await page.goto(bridge.url);
      await beMe(page, bridge.origin, 'Dan Hughes');
      await page.goto(`${bridge.origin}/#/rounds/1/ranking`);
      await expect(
        page.getByRole('row').filter({ hasText: 'B2' }).first().getByRole('cell').first(),
      ).toHaveText('=1');
      await expect(
        page.getByRole('row').filter({ hasText: 'SS4' }).first().getByRole('cell').first(),
      ).toHaveText('=1');
      await expect(
        page.getByRole('row').filter({ hasText: 'B1' }).first().getByRole('cell').first(),
      ).toHaveText('3');
      await page.screenshot({ path: `test-results/ranking-ties-${width}.png` });

      await page.goto(`${bridge.origin}/#/rounds/1/bids`);
      // "walsall safer" is in no bid as typed: the partnership is "Safer Walsall Partnership".
      await page.locator('#bid-filter-text').fill('walsall safer');
      await expect(page.getByRole('row').filter({ hasText: 'W1' })).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: 'W2' })).toBeVisible();
      await expect(page.getByRole('row').filter({ hasText: 'Safer Solihull' })).toHaveCount(0);
    });
  });

for (const [width, height] of [
  [1366, 768],
  [1024, 700],
] as const)
  test(`at ${width} pixels, pages, tabs and buttons follow the rule book for the person and the stage`, async ({
    page,
    bridge,
  }) => {
    await page.setViewportSize({ width, height });
    cli(bridge.db, 'demo');
    await page.goto(bridge.url);
    await beMe(page, bridge.origin, 'Asha Patel');
    await page.goto(`${bridge.origin}/#/rounds/1/bids`);
    const tabs = page.getByRole('navigation', { name: 'This round' });
    await expect(tabs.getByRole('link', { name: 'Assessment' })).toBeVisible();
    for (const hidden of ['Ranking', 'Moderation', 'Board review', 'Allocation', 'History'])
      await expect(tabs.getByRole('link', { name: hidden, exact: true })).toHaveCount(0);
    // At board review no bid can be recorded: no button, and a sentence saying why.
    await expect(page.getByRole('link', { name: 'Record a bid' })).toHaveCount(0);
    await expect(
      page.getByText(
        'You can record bids only at the setting up or open for bids stage; this round is at board review.',
      ),
    ).toBeVisible();
    // A page she cannot see says who can, instead of failing to load.
    await page.goto(`${bridge.origin}/#/rounds/1/ranking`);
    await expect(
      page.getByText('Only a lead officer, board member or commissioner can see the ranking.'),
    ).toBeVisible();
    await expect(page.getByText('Tranche could not load this page')).toHaveCount(0);
    await page.screenshot({ path: `test-results/not-for-you-${width}.png` });

    await beMe(page, bridge.origin, 'Dan Hughes');
    await page.goto(`${bridge.origin}/#/rounds/1/notice`);
    await expect(
      page.getByText(
        'You can draft a decision notice only at the decision stage; this round is at board review.',
      ),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Draft the notice' })).toHaveCount(0);
  });

for (const [width, height] of [
  [1366, 768],
  [1024, 700],
] as const)
  test(`at ${width} pixels, an allocation choice is written only with Save, and the page confirms it`, async ({
    page,
    bridge,
  }) => {
    await page.setViewportSize({ width, height });
    cli(bridge.db, 'demo');
    await page.goto(bridge.url);
    await beMe(page, bridge.origin, 'Dan Hughes');
    await page.goto(`${bridge.origin}/#/rounds/1/allocation`);
    // Moving through the options (as arrow keys do) writes nothing.
    const choice = page.getByLabel('Allocation for B2');
    await choice.selectOption('reduced');
    await choice.selectOption('full');
    await expect(page.getByRole('button', { name: 'Save allocation for B2' })).toBeVisible();
    const allocated = () =>
      (JSON.parse(cli(bridge.db, 'allocation', '--round', '1', '--json')) as { items: unknown[] }).items;
    expect(allocated()).toEqual([]);
    await page.getByRole('button', { name: 'Save allocation for B2' }).click();
    await expect(page.getByRole('status')).toContainText('Saved: B2 gets £95,000 (the full amount).');
    expect(allocated()).toEqual([{ ref: 'B2', amountPence: 9_500_000, option: 'full' }]);
    await expect(page.getByRole('button', { name: 'Save allocation for B2' })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: `test-results/allocation-save-${width}.png` });
  });

for (const [width, height] of [
  [1366, 768],
  [1024, 700],
] as const)
  test(`at ${width} pixels, a submitted scoring sheet is read-only and says how to change it`, async ({
    page,
    bridge,
  }) => {
    await page.setViewportSize({ width, height });
    cli(bridge.db, 'demo');
    await page.goto(bridge.url);
    await beMe(page, bridge.origin, 'Asha Patel');
    await page.goto(`${bridge.origin}/#/rounds/1/assessment`);
    await page.getByRole('table', { name: 'Your bids to score' }).getByRole('link').first().click();
    await expect(page.getByText('To change one, ask the lead officer to reopen your sheet.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit scores' })).toHaveCount(0);
    await expect(page.getByRole('radio').first()).toBeDisabled();
    await page.screenshot({ path: `test-results/scoring-read-only-${width}.png` });
  });
