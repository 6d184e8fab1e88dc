import { claimFirstQuarter, recordDiligence, signedRound } from '../support/grants';
import { atBothSizes } from './both-sizes';
import { beMe, expect, test } from './fixtures';

// While a superseding notice is drafted the round is back at the decision stage, and the rule book
// refuses every delivery write until it is signed. The grant's page offers none of those forms then:
// in each one's place it says, in one line, why.

test('a grant’s page offers no delivery form while a superseding notice is drafted, and says why', async ({
  page,
  bridge,
}) => {
  test.setTimeout(120_000);
  const office = await signedRound('2026-05-01', bridge.db);
  await recordDiligence(office);
  await claimFirstQuarter(office);
  await office.call('notices:supersede', { roundId: 1 });
  office.connection.close();

  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/delivery/S1`);
  await expect(page.getByRole('heading', { level: 1, name: /Grant S1/ })).toBeVisible();
  const stageLine = (action: string) =>
    page.getByText(`You can ${action} only at the signed stage; this round is at decision.`, { exact: true });
  await expect(stageLine("set a grant's payment schedule")).toBeVisible();
  const refused: [form: string, action: string][] = [
    ['Record a signature', 'record the signing of a grant agreement'],
    ['Due diligence', 'record due diligence on a grant'],
    ['Set the schedule', "set a grant's payment schedule"],
    ['Record a claim', 'record a claim'],
    ['Import a completed return', 'import monitoring returns'],
    ['Vary the amount', 'vary a grant'],
    ['Close the grant', 'close a grant'],
  ];
  for (const [form, action] of refused) {
    await expect(page.getByRole('form', { name: form })).toHaveCount(0);
    await expect(stageLine(action)).toHaveCount(1);
  }
  // The claim an officer recorded waits: approving it is refused at this stage too.
  const claims = page.getByRole('table', { name: 'Claims on grant S1' });
  await expect(claims).toContainText('Awaiting approval');
  await expect(claims.getByRole('button', { name: /Approve claim/ })).toHaveCount(0);
  await expect(stageLine('approve a payment')).toHaveCount(1);
  // What only reads the record stays: the agreement to download, the return template.
  await expect(page.getByRole('button', { name: 'Download the agreement (Word)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Download the return template' })).toBeVisible();
  await atBothSizes(page, 'grant-superseding');
});
