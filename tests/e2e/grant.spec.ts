import path from 'node:path';
import ExcelJS from 'exceljs';
import { signedRound } from '../support/grants';
import { tempDir } from '../support/temp-db';
import { expectNoAccessibilityViolations } from './axe';
import { atBothSizes } from './both-sizes';
import { beMe, expect, test } from './fixtures';

// A grant's own page, reached from the delivery page: an officer records due diligence and a claim
// in the app; the person who recorded the claim is not offered its approval; another approves it.

test('an officer records due diligence and a claim, and someone else approves the payment', async ({
  page,
  bridge,
}) => {
  test.setTimeout(150_000);
  const office = await signedRound('2026-05-01', bridge.db);
  // The agreement is signed by both parties (not part of this page).
  await office.call('grants:signAgreement', {
    roundId: 1,
    bidRef: 'S1',
    party: 'recipient',
    signatory: 'Jo',
  });
  await office.call('grants:signAgreement', { roundId: 1, bidRef: 'S1', party: 'office' });
  office.connection.close();

  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/delivery`);
  await page.getByRole('table', { name: 'By grant' }).getByRole('link', { name: /S1/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Grant S1/ })).toBeVisible();
  await expect(page.getByText('Due diligence is not complete')).toBeVisible();

  // A claim before due diligence is refused, the refusal linked to the amount.
  const claimForm = page.getByRole('form', { name: 'Record a claim' });
  await claimForm.getByLabel('Amount claimed').fill('12,500');
  await claimForm.getByLabel('Period').fill('2026-27-Q1');
  await claimForm.getByRole('button', { name: 'Record the claim' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toContainText('Due diligence on grant S1 is not complete');
  await problem.getByRole('link').first().click();
  await expect(claimForm.getByLabel('Amount claimed')).toBeFocused();

  // Due diligence: a missing reason is named and linked, then it is recorded.
  const diligence = page.getByRole('form', { name: 'Due diligence' });
  await diligence.getByLabel("The recipient's bank details are confirmed").check();
  await diligence.getByLabel('Accountable body').fill('Solihull Council');
  await diligence.getByLabel('Fraud risk', { exact: true }).selectOption('low');
  await diligence.getByRole('button', { name: 'Record due diligence' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(/reason/i);
  await page
    .getByRole('alert')
    .getByRole('link', { name: /reason/i })
    .click();
  await expect(diligence.getByLabel('Reason for the fraud risk rating')).toBeFocused();
  await page.keyboard.type('Audited accounts seen');
  await diligence.getByRole('button', { name: 'Record due diligence' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Due diligence recorded' })).toBeVisible();
  await expect(page.getByText('Due diligence complete')).toBeVisible();

  // The claim, recorded by Dan; Dan is told why he cannot approve it, and no button is offered.
  await claimForm.getByRole('button', { name: 'Record the claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Claim \d+ for £12,500 recorded/ })).toBeVisible();
  const claims = page.getByRole('table', { name: 'Claims on grant S1' });
  await expect(claims.getByRole('row', { name: /2026-27-Q1/ })).toContainText(
    'You recorded this, so you cannot approve a payment on it',
  );
  await expect(claims.getByRole('button', { name: /Approve/ })).toHaveCount(0);
  await expectNoAccessibilityViolations(page);

  // The commissioner approves it, and it is paid.
  await beMe(page, bridge.origin, 'Pat Morgan');
  await page.goto(`${bridge.origin}/#/rounds/1/delivery/S1`);
  await claims.getByRole('button', { name: /Approve claim/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /approved: it is paid/ })).toBeVisible();
  await expect(claims.getByRole('row', { name: /2026-27-Q1/ })).toContainText('Paid: approved by Pat Morgan');
  await expect(page.locator('.figure').filter({ hasText: 'Paid' })).toContainText('£12,500');

  await atBothSizes(page, 'grant-approved');
});

/** The downloaded template filled in as a partnership would, with `spend`, `rag` and `narrative`. */
async function filledReturn(
  template: string,
  out: string,
  spend: number | string,
  rag: string,
  narrative: string,
) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(template);
  const sheet = book.worksheets[0]!;
  const values: Record<string, string | number> = {
    'Spend to date (£)': spend,
    Outputs: '40 young people reached',
    Risks: 'None new',
    Narrative: narrative,
    'RAG (green, amber or red)': rag,
  };
  let below = false;
  sheet.eachRow((row) => {
    const label = String(row.getCell(1).value ?? '');
    if (label in values) row.getCell(2).value = values[label]!;
    if (below) row.getCell(2).value = 'Fewer repeat offences';
    if (label === 'Priority') below = true;
  });
  await book.xlsx.writeFile(out);
}

test('an officer downloads a return template and imports it back, all or nothing', async ({
  page,
  bridge,
}) => {
  test.setTimeout(150_000);
  const office = await signedRound('2026-05-01', bridge.db);
  office.connection.close();
  const dir = tempDir();
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Asha Patel');
  await page.goto(`${bridge.origin}/#/rounds/1/delivery/S1`);
  const returns = page.getByRole('region', { name: 'Monitoring returns' });
  await expect(returns.getByRole('listitem').first()).toContainText('Due 1 August 2026');
  const download = page.waitForEvent('download');
  await returns.getByRole('button', { name: 'Download the return template' }).click();
  const template = path.join(dir, (await download).suggestedFilename());
  await (await download).saveAs(template);

  // Bad cells: every one named in the error summary, each linked to the file input; nothing kept.
  const bad = path.join(dir, 'bad.xlsx');
  await filledReturn(template, bad, 'lots', 'purple', '');
  await returns.getByLabel('Completed return (.xlsx)').setInputFiles(bad);
  await returns.getByRole('button', { name: 'Import the return' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem.getByRole('link')).toHaveCount(3);
  await expect(problem).toContainText('B6');
  await expect(problem).toContainText('B9');
  await expect(problem).toContainText('B10');
  // and beside the file field too, which they describe
  const fileField = returns.getByLabel('Completed return (.xlsx)');
  await expect(fileField).toHaveAccessibleDescription(/B6.*B9.*B10/);
  await expect(returns.locator('.error-message')).toContainText('B10');
  await problem.getByRole('link').first().click();
  await expect(returns.getByLabel('Completed return (.xlsx)')).toBeFocused();
  await expect(returns.getByRole('listitem').first()).toContainText('not received');
  await atBothSizes(page, 'grant-return-refused');

  const good = path.join(dir, 'good.xlsx');
  await filledReturn(template, good, 12_500, 'green', 'On track');
  await returns.getByLabel('Completed return (.xlsx)').setInputFiles(good);
  await returns.getByRole('button', { name: 'Import the return' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Return for grant S1 due .* imported/ }),
  ).toBeVisible();
  await expect(returns.getByRole('listitem').first()).toContainText('received');
  await atBothSizes(page, 'grant-officer');
});
