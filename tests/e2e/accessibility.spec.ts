import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { beMe, expect, test } from './fixtures';

// Every page, with the demonstration data loaded, checked against WCAG 2.2 AA by axe, and reached
// with a visible main heading.
const PAGES = [
  ['/#/rounds', 'Funding rounds'],
  ['/#/rounds/1', '2013-14 tranche 2'],
  ['/#/rounds/1/bids', 'Bids'],
  ['/#/rounds/1/bids/4', 'C2: Coventry Safer Homes Initiative'],
  ['/#/rounds/1/assessment', 'Assessment'],
  ['/#/rounds/1/framework', 'Edit the scoring framework'],
  ['/#/rounds/1/ranking', 'Ranking'],
  ['/#/rounds/1/moderation', 'Moderation'],
  ['/#/rounds/1/board', 'Board review'],
  ['/#/rounds/1/allocation', 'Allocation'],
  ['/#/rounds/1/notice', 'Notice of Decision'],
  ['/#/rounds/1/import', 'Import a schedule of bids'],
  ['/#/rounds/1/edit', 'Edit round'],
  ['/#/plans', 'Police and Crime Plans'],
  ['/#/reports', "Where a fund's money went"],
  ['/#/about', 'About and data'],
  ['/#/profile', 'Your profile'],
  ['/#/search/polish', 'Search: polish'],
] as const;

test('every page passes axe\u2019s WCAG 2.2 AA checks', async ({ page, bridge }) => {
  test.setTimeout(120_000);
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, 'demo'],
    { encoding: 'utf8' },
  );
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  const failures: string[] = [];
  for (const [path, heading] of PAGES) {
    await page.goto(`${bridge.origin}${path}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    for (const v of results.violations)
      failures.push(`${path} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }
  expect(failures).toEqual([]);
});
