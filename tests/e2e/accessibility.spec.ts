import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { beMe, expect, test } from './fixtures';
import { EVERY_PAGE as PAGES } from './pages';

// Every page, with the demonstration data loaded, checked against WCAG 2.2 AA by axe, and reached
// with a visible main heading.

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
