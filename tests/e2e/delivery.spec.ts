import { signedRound } from '../support/grants';
import { expectNoAccessibilityViolations } from './axe';
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
  await office.call('grants:diligence', {
    roundId: 1,
    bidRef: 'S1',
    bankConfirmed: true,
    accountableBody: 'Solihull Council',
    fraudRisk: 'low',
    reason: 'Audited accounts',
  });
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

  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expectNoAccessibilityViolations(page);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `no sideways scroll at ${width}×${height}`).toBeLessThanOrEqual(clientWidth);
    if (process.env.SHOTS)
      await page.screenshot({ path: `${process.env.SHOTS}/delivery-${width}.png`, fullPage: true });
  }
});
