import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Download } from '@playwright/test';
import { tempDir } from '../support/temp-db';
import { beMe, expect, test } from './fixtures';
import { expectNoAccessibilityViolations } from './axe';

// Packs in the app, with two installations side by side: the office (the demonstration data, a
// round at assessment with Asha Patel assigned) and Asha's new laptop (an empty database). The
// office sends her a pack and sees the enrolment code; her first-run screen opens it; her copy
// says where it came from and offers only her own work; a changed file is refused, named.

const ASHA_PASSPHRASE = 'asha scores on the train';

/** The command line over a bridge's database, for setting the scene the way an office would. */
const commandLine =
  (db: string) =>
  (...args: string[]) =>
    execFileSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', db, ...args],
      {
        encoding: 'utf8',
      },
    );

/** Saves a file the page hands to the user (its download) into `dir`, and returns its path. */
async function saved(download: Promise<Download>, dir: string): Promise<string> {
  const file = await download;
  const where = path.join(dir, file.suggestedFilename());
  await file.saveAs(where);
  return where;
}

test('the office sends an assessor pack, a new laptop opens it, and a changed pack is refused', async ({
  page,
  bridge,
  otherLaptop,
  browser,
}) => {
  // Eight command-line steps, each proving a passphrase (scrypt), and two bridges: allow for it.
  test.setTimeout(240_000);
  const dir = tempDir();
  const cli = commandLine(bridge.db);
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
      'Packs test',
      '--budget',
      '£50k',
      '--json',
    ),
  ) as { id: number };
  const id = String(round.id);
  writeFileSync(
    path.join(dir, 'bids.csv'),
    'Ref,Partnership,Project,Amount\nP1,Safer Walsall Partnership,Street lighting,£10k\n',
  );
  cli(...lead, 'import', 'bids', path.join(dir, 'bids.csv'), '--round', id);
  cli(...lead, 'framework', 'use', '--round', id, '--template', 'invest-to-save');
  cli(...lead, 'assign', '--round', id, '--assessor', 'Asha Patel', '--all');
  cli(...lead, 'stage', '--round', id, '--to', 'open');
  cli(...lead, 'stage', '--round', id, '--to', 'assessment');

  let packFile = '';
  let code = '';
  await test.step('(a) the office sends Asha a pack and sees her enrolment code once', async () => {
    await page.goto(bridge.url);
    await beMe(page, bridge.origin, 'Dan Hughes');
    await page.goto(`${bridge.origin}/#/rounds/${id}/assessment`);
    const packs = page.getByRole('region', { name: 'Packs for other laptops' });
    // Sending with nobody chosen names the field in the error summary.
    await packs.getByRole('button', { name: 'Send to assessor' }).click();
    await expect(page.getByRole('alert')).toContainText('Choose the assessor');
    await packs.getByLabel('Assessor').selectOption('Asha Patel');
    const download = page.waitForEvent('download');
    await packs.getByRole('button', { name: 'Send to assessor' }).click();
    packFile = await saved(download, dir);
    expect(packFile).toMatch(/\.tranche$/);
    const panel = page.getByRole('region', { name: 'Enrolment code for Asha Patel' });
    await expect(panel).toContainText(
      'Give this code to Asha Patel by phone or in person, not in the same email as the pack',
    );
    code = (await panel.locator('code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // Each assessor's last pack, from the packs log.
    await expect(packs.getByRole('table', { name: "Each person's last pack" })).toContainText('Asha Patel');
    await expectNoAccessibilityViolations(page);
  });

  await test.step('(c) a pack changed after signing is refused in an error summary, naming why', async () => {
    const envelope = JSON.parse(gunzipSync(readFileSync(packFile)).toString('utf8')) as {
      body: { header: { round: { name: string } } };
    };
    envelope.body.header.round.name = 'Packs test (changed)';
    const tampered = path.join(dir, 'tampered.tranche');
    writeFileSync(tampered, gzipSync(JSON.stringify(envelope)));
    const packs = page.getByRole('region', { name: 'Packs for other laptops' });
    await packs.getByLabel('Pack file returned to you').setInputFiles(tampered);
    await packs.getByRole('button', { name: 'Receive a pack' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    await expect(summary).toContainText('tampered.tranche was refused');
    await expect(summary).toContainText('signature');
    // The summary links to the file field.
    await summary.getByRole('link').click();
    await expect(packs.getByLabel('Pack file returned to you')).toBeFocused();
  });

  // Asha's laptop: another browser profile, since both bridges live on 127.0.0.1.
  const laptop = await browser.newContext();
  const asha = await laptop.newPage();
  let copyId = '';
  await test.step('(b) the first-run screen opens the pack with the code and a new passphrase', async () => {
    await asha.goto(otherLaptop.url);
    const firstRun = asha.getByRole('region', { name: 'This Tranche is new: how do you start?' });
    await expect(firstRun.getByRole('link', { name: 'Set up an office' })).toBeVisible();
    await firstRun.getByRole('link', { name: 'Open a pack from your office' }).click();
    await expect(asha.getByRole('heading', { level: 1, name: 'Open a pack from your office' })).toBeVisible();
    await expectNoAccessibilityViolations(asha);
    // Asked with nothing filled in: every missing answer in the summary, linked to its field.
    await asha.getByRole('button', { name: 'Open the pack' }).click();
    const summary = asha.getByRole('alert');
    await expect(summary).toContainText('Choose the pack file your office sent you');
    await expect(summary).toContainText('Enter the enrolment code your office gave you');
    await summary.getByRole('link', { name: 'Enter the enrolment code your office gave you' }).click();
    await expect(asha.getByLabel('Enrolment code')).toBeFocused();

    await asha.getByLabel('Pack file').setInputFiles(packFile);
    await asha.getByLabel('Enrolment code').fill(code);
    await asha.getByLabel('Choose your passphrase').fill(ASHA_PASSPHRASE);
    await asha.getByLabel('Type it again').fill(ASHA_PASSPHRASE);
    await asha.getByRole('button', { name: 'Open the pack' }).click();
    await asha.waitForURL(/#\/rounds\/\d+$/);
    copyId = /#\/rounds\/(\d+)$/.exec(asha.url())?.[1] ?? '';
    await expect(asha.getByRole('heading', { level: 1, name: 'Packs test' })).toBeVisible();
    await expect(asha.getByRole('region', { name: 'Round copy' })).toContainText(
      'This round is a copy from Dan Hughes\u2019s Tranche, received',
    );
    await expect(asha.getByRole('link', { name: /Asha Patel/ })).toBeVisible();
  });

  await test.step('(b) on the copy only her own declarations and scores are offered', async () => {
    const banner = asha.getByRole('region', { name: 'Round copy' });
    await expect(banner).toContainText('You can change only your own declarations and scores here');
    const tabs = asha.getByRole('navigation', { name: 'This round' });
    await expect(tabs.getByRole('link', { name: 'Assessment', exact: true })).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'Import a schedule' })).toHaveCount(0);
    await expect(asha.getByRole('link', { name: 'Edit round' })).toHaveCount(0);
    await expectNoAccessibilityViolations(asha);

    await tabs.getByRole('link', { name: 'Bids', exact: true }).click();
    await expect(asha.getByRole('heading', { level: 1, name: 'Bids' })).toBeVisible();
    await expect(asha.getByRole('region', { name: 'Round copy' })).toBeVisible();
    await expect(asha.getByRole('link', { name: 'Record a bid' })).toHaveCount(0);
    await asha.goto(`${otherLaptop.origin}/#/rounds/${copyId}/assessment`);
    await expect(asha.getByRole('heading', { level: 1, name: 'Assessment' })).toBeVisible();
    await expect(asha.getByRole('table', { name: 'Your bids to score' })).toContainText('P1');
    await expect(asha.getByRole('button', { name: 'Send to assessor' })).toHaveCount(0);
    await expect(asha.getByRole('button', { name: /Use the .* template/ })).toHaveCount(0);
    await asha.getByRole('link', { name: 'P1' }).click();
    await expect(asha.getByRole('heading', { level: 1 })).toContainText('P1');
    await expect(asha.getByRole('region', { name: 'Round copy' })).toBeVisible();
    // Her declaration is hers to make, here as at the office.
    await expect(asha.getByLabel('No, I have no conflict of interest')).toBeVisible();
  });

  await test.step('Return to office saves her return pack', async () => {
    const download = asha.waitForEvent('download');
    await asha
      .getByRole('region', { name: 'Round copy' })
      .getByRole('button', { name: 'Return to office' })
      .click();
    const returned = await saved(download, dir);
    expect(returned).toMatch(/\.tranche$/);
    await expect(asha.getByRole('region', { name: 'Round copy' }).getByRole('status')).toContainText(
      'send this file to Dan Hughes',
    );

    // The office receives it and sees what it brought.
    const packs = page.getByRole('region', { name: 'Packs for other laptops' });
    await packs.getByLabel('Pack file returned to you').setInputFiles(returned);
    await packs.getByRole('button', { name: 'Receive a pack' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Pack from Asha Patel received' })).toBeVisible();
    await expect(packs.getByRole('table', { name: 'The pack received' })).toContainText('Asha Patel');
    // Issue 21: the receipt counts bids and scores each on its own, apart from the records it added.
    for (const [width, height] of [
      [1024, 700],
      [1366, 768],
    ] as const) {
      await page.setViewportSize({ width, height });
      const receipt = packs.getByRole('table', { name: 'The pack received' });
      await expect(receipt.getByRole('columnheader', { name: 'What it held' })).toBeVisible();
      await expect(receipt.getByRole('columnheader', { name: 'New records' })).toBeVisible();
      await expect(receipt).toContainText(
        /\d+ bids?, \d+ declarations? of interest, \d+ scores? and \d+ submitted scoring sheets?/,
      );
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await packs.screenshot({ path: `test-results/pack-receipt-${width}.png` });
    }
  });
  await laptop.close();
});

test('the commissioner signs on their own laptop and the office receives the signed notice', async ({
  page,
  bridge,
  otherLaptop,
  browser,
}) => {
  test.setTimeout(240_000);
  const dir = tempDir();
  const cli = commandLine(bridge.db);
  cli('demo');
  cli('--as', 'Dan Hughes', 'suggest', '--round', '1', '--apply');
  cli('--as', 'Dan Hughes', 'stage', '--round', '1', '--to', 'decision');

  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/notice`);
  // No sign-off pack is offered before the notice awaits sign-off.
  await page.getByRole('button', { name: 'Draft the notice' }).click();
  await expect(page.getByText('Notice drafted.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send to the commissioner' })).toHaveCount(0);
  // The demonstration round has readiness warnings (no board views): the office says why it goes on.
  await page
    .getByLabel('Why the decision can go ahead as it stands')
    .fill('The board reviewed the bids at its meeting; its minutes record its views');
  await page.getByRole('button', { name: 'Send for sign-off' }).click();
  await expect(page.getByText('Sent to the commissioner for sign-off.')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Send to the commissioner' }).click();
  const packFile = await saved(download, dir);
  const panel = page.getByRole('region', { name: 'Enrolment code for Pat Morgan' });
  const code = (await panel.locator('code').textContent()) ?? '';
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  const laptop = await browser.newContext();
  const pat = await laptop.newPage();
  await pat.goto(`${otherLaptop.url}`);
  await pat.goto(`${otherLaptop.origin}/#/open-pack`);
  await pat.getByLabel('Pack file').setInputFiles(packFile);
  await pat.getByLabel('Enrolment code').fill(code);
  await pat.getByLabel('Choose your passphrase').fill('pat signs at home');
  await pat.getByLabel('Type it again').fill('pat signs at home');
  await pat.getByRole('button', { name: 'Open the pack' }).click();
  await pat.waitForURL(/#\/rounds\/\d+$/);
  const copyId = /#\/rounds\/(\d+)$/.exec(pat.url())?.[1] ?? '';
  await expect(pat.getByRole('region', { name: 'Round copy' })).toContainText(
    'You can only read and sign the notice here',
  );
  await pat.goto(`${otherLaptop.origin}/#/rounds/${copyId}/notice`);
  await expect(pat.getByRole('heading', { level: 1, name: 'Notice of Decision' })).toBeVisible();
  // The office's own steps are not offered on the copy: no allocation changes, no superseding.
  await expect(pat.getByRole('button', { name: 'Send to the commissioner' })).toHaveCount(0);
  // The copy holds the decision, not the assessment behind it: the commissioner reads why the office
  // went ahead and is asked for no reason of their own.
  await expect(pat.getByText(/went ahead because: The board reviewed the bids at its meeting/)).toBeVisible();
  await expect(pat.getByLabel('Why the decision can go ahead as it stands')).toHaveCount(0);
  await expectNoAccessibilityViolations(pat);
  await pat.getByLabel('Your passphrase, to sign').fill('pat signs at home');
  await pat.getByRole('button', { name: /^Sign decision/ }).click();
  await expect(pat.getByText('Decision signed.')).toBeVisible();
  const back = pat.waitForEvent('download');
  await pat
    .getByRole('region', { name: 'Round copy' })
    .getByRole('button', { name: 'Return to office' })
    .click();
  const returned = await saved(back, dir);
  await laptop.close();

  await page.getByLabel('Signed notice returned by the commissioner').setInputFiles(returned);
  await page.getByRole('button', { name: 'Receive the signed notice' }).click();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'The signed notice from Pat Morgan is received: the decision is signed.' }),
  ).toBeVisible();
  await expect(page.getByText(/signed by Pat Morgan/)).toBeVisible();
  // Signed, the notice awaits nothing: no sign-off pack is offered any more.
  await expect(page.getByRole('button', { name: 'Send to the commissioner' })).toHaveCount(0);
});

test('a board member records views on their own laptop and the office receives them', async ({
  page,
  bridge,
  otherLaptop,
  browser,
}) => {
  test.setTimeout(240_000);
  const dir = tempDir();
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, 'demo'],
    { encoding: 'utf8' },
  );
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/board`);
  const packs = page.getByRole('region', { name: 'Packs for other laptops' });
  await packs.getByLabel('Board member').selectOption('Frances Doyle');
  const download = page.waitForEvent('download');
  await packs.getByRole('button', { name: 'Send to board member' }).click();
  const packFile = await saved(download, dir);
  const code =
    (await page
      .getByRole('region', { name: 'Enrolment code for Frances Doyle' })
      .locator('code')
      .textContent()) ?? '';

  const laptop = await browser.newContext();
  const frances = await laptop.newPage();
  await frances.goto(otherLaptop.url);
  await frances.goto(`${otherLaptop.origin}/#/open-pack`);
  await frances.getByLabel('Pack file').setInputFiles(packFile);
  await frances.getByLabel('Enrolment code').fill(code);
  await frances.getByLabel('Choose your passphrase').fill('frances reads on sunday');
  await frances.getByLabel('Type it again').fill('frances reads on sunday');
  await frances.getByRole('button', { name: 'Open the pack' }).click();
  await frances.waitForURL(/#\/rounds\/\d+$/);
  const copyId = /#\/rounds\/(\d+)$/.exec(frances.url())?.[1] ?? '';
  await frances.goto(`${otherLaptop.origin}/#/rounds/${copyId}/board`);
  await expect(frances.getByRole('heading', { level: 1, name: 'Board review' })).toBeVisible();
  await expect(frances.getByRole('region', { name: 'Round copy' })).toContainText(
    'You can record only your own views and comments here',
  );
  // The shortlist is the office's to change, and packs go out only from the office.
  await expect(frances.getByRole('button', { name: 'Above the threshold' })).toHaveCount(0);
  await expect(frances.getByRole('button', { name: 'Send to board member' })).toHaveCount(0);
  const view = frances.getByRole('group', { name: /^Board's view of / }).first();
  await view.getByRole('radio').first().check();
  await frances
    .getByRole('button', { name: /^Record view/ })
    .first()
    .click();
  await expect(frances.getByText(/^View on .* recorded\.$/)).toBeVisible();
  const back = frances.waitForEvent('download');
  await frances
    .getByRole('region', { name: 'Round copy' })
    .getByRole('button', { name: 'Return to office' })
    .click();
  const returned = await saved(back, dir);
  await laptop.close();

  await packs.getByLabel('Pack file returned to you').setInputFiles(returned);
  await packs.getByRole('button', { name: 'Receive a pack' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Pack from Frances Doyle received' }),
  ).toBeVisible();
  await expect(packs.getByRole('table', { name: 'The pack received' })).toContainText('Frances Doyle');
});
