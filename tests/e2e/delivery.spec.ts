import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/handlers/dispatch';
import { recordDiligence, signedRound } from '../support/grants';
import { tempDir, testContext } from '../support/temp-db';
import { atBothSizes } from './both-sizes';
import { beMe, expect, test } from './fixtures';

// The board's delivery page: a signed round's grants with what was paid and what is overdue, and
// the same by partnership with paid drawn over awarded; readable by keyboard and screen reader,
// and with no sideways scroll on a small laptop.

test('a board member reads what was awarded, paid and is overdue, per grant and per partnership', async ({
  page,
  bridge,
}) => {
  test.setTimeout(120_000);
  // Signed on 1 May 2026: the first returns fell due on 1 August and 1 November 2026.
  const office = await signedRound('2026-05-01', bridge.db);
  await recordDiligence(office);
  await office.call('grants:signAgreement', {
    roundId: 1,
    bidRef: 'S1',
    party: 'recipient',
    signatory: 'Jo',
  });
  await office.call('grants:signAgreement', { roundId: 1, bidRef: 'S1', party: 'office' });
  office.setDay('2026-07-10');
  const claim = await office.call(
    'claims:add',
    { roundId: 1, bidRef: 'S1', amountPence: 1_250_000, period: '2026-27-Q1' },
    office.officer,
  );
  await office.call('claims:approve', { roundId: 1, claimId: claim.id });
  office.connection.close();

  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Frances Doyle');
  await page.goto(`${bridge.origin}/#/rounds/1`);
  await page.getByRole('navigation', { name: 'This round' }).getByRole('link', { name: 'Delivery' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delivery' })).toBeVisible();
  const byGrant = page.getByRole('table', { name: 'By grant' });
  const s1 = byGrant.getByRole('row', { name: /S1 Project to Address Violent Crime/ });
  await expect(s1).toContainText('In delivery');
  await expect(s1).toContainText('£12,500');
  await expect(s1).toContainText('£37,500');
  await expect(s1).toContainText('Return due 1 August 2026');
  await expect(byGrant.getByRole('row', { name: /D1/ })).toContainText('Due diligence not complete');
  const byPartnership = page.getByRole('table', { name: 'By partnership' });
  await expect(byPartnership.getByRole('row', { name: /Safer Solihull Partnership/ })).toContainText(
    '£12,500',
  );

  await atBothSizes(page, 'delivery');
});

test('a lead officer sends the grants to a monitoring officer and receives what they recorded', async ({
  page,
  bridge,
}) => {
  test.setTimeout(120_000);
  const office = await signedRound('2026-05-01', bridge.db);
  office.connection.close();
  const dir = tempDir();
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/delivery`);
  const packs = page.getByRole('region', { name: 'Packs for other laptops' });
  await expect(packs).toContainText('if any is refused, none is');
  // By keyboard: choose the officer, then send.
  await packs.getByLabel('Officer').focus();
  await packs.getByLabel('Officer').selectOption('Asha Patel');
  await page.keyboard.press('Tab');
  await expect(packs.getByRole('button', { name: 'Send to officer' })).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const packFile = path.join(dir, (await download).suggestedFilename());
  await (await download).saveAs(packFile);
  const code = (await page
    .getByRole('region', { name: 'Enrolment code for Asha Patel' })
    .locator('code')
    .textContent())!;

  // Asha's laptop: due diligence and a claim on her copy, signed and returned.
  const { ctx: laptop } = testContext();
  laptop.now = () => new Date().toISOString();
  const opened = await dispatch(
    'packs:open',
    {
      bytesBase64: readFileSync(packFile).toString('base64'),
      enrolmentCode: code,
      newPassphrase: 'asha on visits',
    },
    laptop,
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const roundId = opened.value.roundId;
  for (const [channel, input] of [
    [
      'grants:diligence',
      {
        roundId,
        bidRef: 'S1',
        bankConfirmed: true,
        accountableBody: 'Solihull Council',
        fraudRisk: 'low',
        reason: 'Seen',
      },
    ],
    ['claims:add', { roundId, bidRef: 'S1', amountPence: 750_000, period: '2026-27-Q1' }],
  ] as const) {
    const done = await dispatch(channel, input, laptop);
    if (!done.ok) throw new Error(done.error.message);
  }
  const back = await dispatch('packs:return', { roundId }, laptop);
  if (!back.ok) throw new Error(back.error.message);
  const returned = path.join(dir, back.value.fileName);
  writeFileSync(returned, Buffer.from(back.value.bytesBase64, 'base64'));

  await packs.getByLabel('Pack file returned to you').setInputFiles(returned);
  await packs.getByRole('button', { name: 'Receive a pack' }).click();
  const brought = page.getByRole('table', { name: 'The pack received' });
  await expect(brought.getByRole('row', { name: /Asha Patel/ })).toContainText('2');
  // S1's due diligence, recorded on the visit, now counts at the office.
  const s1 = page.getByRole('table', { name: 'By grant' }).getByRole('row', { name: /S1/ });
  await expect(s1).not.toContainText('Due diligence not complete');
  await atBothSizes(page, 'delivery-packs');
});
