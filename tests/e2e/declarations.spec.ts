import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/temp-db';
import { beMe, expect, test } from './fixtures';
import { expectNoAccessibilityViolations } from './axe';

// Issue 21, at 1366 and 1024 pixels wide: an assessor declares interests in all their bids in one
// form and one write, instead of bid by bid; a ticked bid without its conflict described is named in
// the error summary, whose link takes the focus to that box.

for (const [width, height] of [
  [1366, 768],
  [1024, 700],
] as const)
  test.describe(`at ${width} pixels`, () => {
    test.beforeEach(async ({ page }) => page.setViewportSize({ width, height }));

    test('an assessor declares interests in all their bids at once', async ({ page, bridge }) => {
      test.setTimeout(120_000);
      const cli = (...args: string[]) =>
        execFileSync(
          process.execPath,
          ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, ...args],
          { encoding: 'utf8' },
        );
      const lead = ['--as', 'Dan Hughes'];
      cli('demo');
      const round = JSON.parse(
        cli(
          ...lead,
          'rounds',
          'create',
          '--fund',
          'Community Safety Fund',
          '--name',
          'Declarations',
          '--budget',
          '£100k',
          '--json',
        ),
      ) as { id: number };
      const id = String(round.id);
      const file = path.join(tempDir(), 'bids.csv');
      writeFileSync(
        file,
        'Ref,Partnership,Project,Amount\nX1,Safer Walsall Partnership,Street lighting,£10k\n' +
          'X2,Safe and Sound Dudley,Youth outreach,£20k\nX3,Safer Sandwell Partnership,Door locks,£5k\n',
      );
      cli(...lead, 'import', 'bids', file, '--round', id);
      cli(...lead, 'framework', 'use', '--round', id, '--template', 'invest-to-save');
      cli(...lead, 'assign', '--round', id, '--assessor', 'Asha Patel', '--all');
      cli(...lead, 'stage', '--round', id, '--to', 'open');
      cli(...lead, 'stage', '--round', id, '--to', 'assessment');

      await page.goto(bridge.url);
      await beMe(page, bridge.origin, 'Asha Patel');
      await page.goto(`${bridge.origin}/#/rounds/${id}/assessment`);
      const form = page.getByRole('region', { name: 'Declare your interests in all 3 of your bids' });
      await expect(form).toBeVisible();
      await form.getByLabel(/I have a conflict of interest in X2/).check();
      await form.getByRole('button', { name: 'Record my declarations' }).click();
      const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
      await summary.getByRole('link', { name: 'Say what the conflict of interest in X2 is' }).click();
      await expect(form.getByLabel('What is the conflict in X2?')).toBeFocused();
      await page.keyboard.type('My brother runs the youth outreach service');
      await page.screenshot({ path: `test-results/declarations-${width}.png`, fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAccessibilityViolations(page);
      await form.getByRole('button', { name: 'Record my declarations' }).click();

      await expect(page.getByRole('status')).toContainText(
        'Declared your interests in 3 bids: a conflict in X2, none in the rest.',
      );
      await expect(form).toHaveCount(0);
      const mine = page.getByRole('table', { name: 'Your bids to score' });
      await expect(mine.getByRole('row', { name: /X1/ })).toContainText('To score');
      await expect(mine.getByRole('row', { name: /X2/ })).toContainText('Conflict declared');
      await expect(mine.getByRole('row', { name: /X3/ })).toContainText('To score');
      // One write in the round's history for the three declarations.
      const history = JSON.parse(cli(...lead, 'audit', '--round', id, '--json')) as { operation: string }[];
      expect(history.filter((e) => e.operation === 'assessment:declare')).toHaveLength(1);
    });
  });
