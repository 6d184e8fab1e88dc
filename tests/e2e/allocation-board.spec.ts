import { execFileSync } from 'node:child_process';
import { beMe, expect, test } from './fixtures';
import { expectNoAccessibilityViolations } from './axe';

// Issue 21 on the allocation page, at 1366 and 1024 pixels wide: the board members' views sit
// beside each bid where its award is decided, and the conditions of grant get a box wide enough to
// write in, whose Save stays on the page and says what it saved.

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

    test("the board's views are beside each bid, and conditions are written in a box that fits", async ({
      page,
      bridge,
    }) => {
      cli(bridge.db, 'demo');
      cli(
        bridge.db,
        ...['--as', 'Frances Doyle', 'board', 'view', '--round', '1', '--bid', 'B2'],
        ...['--view', 'support_with_conditions', '--comment', 'Report on the A&E pilot quarterly'],
      );
      await page.goto(bridge.url);
      await beMe(page, bridge.origin, 'Dan Hughes');
      await page.goto(`${bridge.origin}/#/rounds/1/allocation`);
      await expect(page.getByRole('heading', { level: 1, name: 'Allocation' })).toBeVisible();

      const b2 = page.getByRole('row').filter({ has: page.getByLabel('Allocation for B2') });
      await expect(b2).toContainText("Board's views on B2 (1)");
      await expect(b2).toContainText(
        'Support with conditions (Frances Doyle): Report on the A&E pilot quarterly',
      );
      const b1 = page.getByRole('row').filter({ has: page.getByLabel('Allocation for B1') });
      await expect(b1).toContainText('No board view recorded on B1.');

      await page.getByLabel('Allocation for B2').selectOption('reduced');
      await page.getByRole('button', { name: 'Save allocation for B2' }).click();
      await expect(page.getByRole('status')).toContainText('Saved: B2 gets £75,000 (the reduced amount).');
      const box = page.getByLabel('Conditions of grant for B2');
      await box.fill('Quarterly reports on the A&E pilot to the office');
      const wide = await box.boundingBox();
      expect(wide?.width ?? 0).toBeGreaterThan(200);
      const save = page.getByRole('button', { name: 'Save conditions for B2' });
      const saveBox = await save.boundingBox();
      expect((saveBox?.x ?? Infinity) + (saveBox?.width ?? 0)).toBeLessThanOrEqual(width);
      await save.click();
      await expect(page.getByRole('status')).toContainText('Saved: the conditions of grant for B2.');
      // Nothing on the page scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await b2.screenshot({ path: `test-results/allocation-row-${width}.png` });
      await page.screenshot({ path: `test-results/allocation-${width}.png`, fullPage: true });
      await expectNoAccessibilityViolations(page);

      await page.reload();
      await expect(page.getByLabel('Conditions of grant for B2')).toHaveValue(
        'Quarterly reports on the A&E pilot to the office',
      );
    });
  });
