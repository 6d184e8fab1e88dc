import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { beMe, expect, test } from './fixtures';
import { EVERY_PAGE as PAGES } from './pages';

// At 1024×700, a small laptop or a half-width window, no page scrolls sideways: tables reflow
// instead. Measured on every page with the demonstration data, as the lead officer (who sees the
// most controls). Screenshots of the busiest pages at both sizes go to SHOTS (outside the repo)
// when it is set, for checking by eye.

const SHOTS = process.env.SHOTS;
const SHOT_PAGES = ['/#/rounds/1', '/#/rounds/1/ranking', '/#/rounds/1/allocation', '/#/rounds/1/notice'];

test('no page scrolls sideways at 1024×700', async ({ page, bridge }) => {
  test.setTimeout(120_000);
  const cli = (...args: string[]) =>
    execFileSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, ...args],
      {
        encoding: 'utf8',
      },
    );
  cli('demo');
  // A drafted notice and a suggestion on screen, so those pages show what they hold at their fullest.
  cli('--as', 'Dan Hughes', 'suggest', '--round', '1', '--apply');
  cli('--as', 'Dan Hughes', 'stage', '--round', '1', '--to', 'decision');
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/notice`);
  await page.getByRole('button', { name: 'Draft the notice' }).click();
  await expect(page.getByText('Notice drafted.')).toBeVisible();

  const overflowing: string[] = [];
  for (const [width, height] of [
    [1024, 700],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const [path, heading] of PAGES) {
      await page.goto(`${bridge.origin}${path}`);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.waitForLoadState('networkidle');
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      if (scrollWidth > clientWidth) {
        // Name the outermost elements that stick out, so a failure says where to look.
        const culprits = await page.evaluate(() => {
          const limit = document.documentElement.clientWidth;
          return [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > limit + 1)
            .filter((el) => !(el.parentElement && el.parentElement.getBoundingClientRect().right > limit + 1))
            .slice(0, 3)
            .map(
              (el) =>
                `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)})`,
            );
        });
        overflowing.push(`${path} at ${width}: ${scrollWidth} > ${clientWidth}: ${culprits.join(', ')}`);
      }
      if (SHOTS && (SHOT_PAGES as readonly string[]).includes(path)) {
        await page.waitForTimeout(500);
        mkdirSync(SHOTS, { recursive: true });
        const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
        await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
      }
    }
  }
  expect(overflowing).toEqual([]);
});

test('after a page change Tab reaches the skip link and the header; dates are entered day, month, year', async ({
  page,
  bridge,
}) => {
  await page.goto(bridge.url);
  await page.goto(`${bridge.origin}/#/rounds/new`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Tranche', exact: true })).toBeFocused();

  await page.getByLabel('Fund').fill('Invest to Save');
  await page.getByLabel('Round name').fill('2014-15 tranche 1');
  await page.getByLabel('Budget').fill('£100,000');
  const opens = page.getByRole('group', { name: 'Opens for bids (optional)' });
  await opens.getByLabel('Day').fill('5');
  await opens.getByLabel('Month').fill('11');
  await opens.getByLabel('Year').fill('2013');
  await page.getByRole('button', { name: /Create round|Save/ }).click();
  await expect(page.getByText('Round "2014-15 tranche 1" created.')).toBeVisible();
  const rounds = JSON.parse(
    execFileSync(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        'electron/cli/main.ts',
        '--db',
        bridge.db,
        'rounds',
        'list',
        '--json',
      ],
      { encoding: 'utf8' },
    ),
  ) as { name: string; opensOn: string | null }[];
  expect(rounds.find((r) => r.name === '2014-15 tranche 1')?.opensOn).toBe('2013-11-05');
});
