import { claimFirstQuarter, recordDiligence, signedRound } from '../support/grants';
import { atBothSizes } from './both-sizes';
import { beMe, expect, test } from './fixtures';

// What the command line alone could do before, now on a grant's page: a lead officer records both
// signatures on the agreement, varies the amount (told on the page when a change is above the
// office's threshold and needs a superseding notice), sets the payment schedule and closes the grant
// with money clawed back. Every refusal is in the error summary, linked to its field.

test('a lead officer signs, varies, schedules and closes a grant on its page', async ({ page, bridge }) => {
  test.setTimeout(180_000);
  const office = await signedRound('2026-05-01', bridge.db);
  // £12,500 claimed on S1 for its first quarter by an officer: paid once the agreement is signed.
  await recordDiligence(office);
  await claimFirstQuarter(office);
  office.connection.close();

  await page.goto(bridge.url);
  // An officer sees the grant but is offered none of the lead officer's forms.
  await beMe(page, bridge.origin, 'Asha Patel');
  await page.goto(`${bridge.origin}/#/rounds/1/delivery/S1`);
  await expect(page.getByRole('heading', { level: 1, name: /Grant S1/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Grant agreement' })).toContainText('Not yet');
  for (const form of ['Record a signature', 'Set the schedule', 'Vary the amount', 'Close the grant'])
    await expect(page.getByRole('form', { name: form })).toHaveCount(0);

  await page.goto(`${bridge.origin}/#/rounds/1/delivery`);
  await expect(page.getByRole('table', { name: 'By grant' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Variation threshold' })).toHaveCount(0);

  // The lead officer sets the office's variation threshold on the delivery page.
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/delivery`);
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  const done = page.getByRole('status');
  const threshold = page.getByRole('form', { name: 'Variation threshold' });
  await expect(threshold.getByLabel("The office's threshold")).toHaveValue('0');
  await threshold.getByLabel("The office's threshold").fill('five thousand');
  await threshold.getByRole('button', { name: 'Save the threshold' }).click();
  await expect(problem.getByRole('link')).toHaveCount(1);
  await problem.getByRole('link').click();
  await expect(threshold.getByLabel("The office's threshold")).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('5,000');
  await threshold.getByRole('button', { name: 'Save the threshold' }).click();
  await expect(done.filter({ hasText: "The office's variation threshold is £5,000." })).toBeVisible();
  await atBothSizes(page, 'delivery-threshold');

  await page.getByRole('table', { name: 'By grant' }).getByRole('link', { name: /S1/ }).click();

  // The agreement, drafted from the decision as Word.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the agreement (Word)' }).click();
  expect((await download).suggestedFilename()).toBe('S1 grant agreement.docx');

  // Its signing: the recipient's signatory must be named; then both parties' signatures.
  const signing = page.getByRole('form', { name: 'Record a signature' });
  await signing.getByLabel('The recipient').check();
  await signing.getByRole('button', { name: 'Record the signature' }).click();
  await expect(problem).toContainText("Name the recipient's signatory");
  await problem.getByRole('link').first().click();
  await expect(signing.getByLabel("The recipient's signatory")).toBeFocused();
  await page.keyboard.type('Jo Bloggs');
  await signing.getByLabel('Day').fill('3');
  await signing.getByLabel('Month').fill('5');
  await signing.getByLabel('Year').fill('2026');
  await signing.getByRole('button', { name: 'Record the signature' }).click();
  await expect(done.filter({ hasText: "The recipient's signature" })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Grant agreement' })).toContainText('Jo Bloggs, 3 May 2026');
  // Only the office's signature is left, so it is the one offered.
  await expect(signing.getByLabel(/The office/)).toBeChecked();
  await signing.getByRole('button', { name: 'Record the signature' }).click();
  await expect(done.filter({ hasText: 'signed by both parties' })).toBeVisible();
  await expect(signing).toHaveCount(0);
  await expect(page.getByText('Agreement signed.')).toBeVisible();
  // Signed, the claim can be paid, so closing can claw money back.
  await page
    .getByRole('table', { name: 'Claims on grant S1' })
    .getByRole('button', { name: /Approve claim/ })
    .click();
  await expect(done.filter({ hasText: /approved: it is paid/ })).toBeVisible();
  await expect(page.getByText('In delivery.')).toBeVisible();

  // The schedule: years that do not add up to the award are refused; then two years are set.
  const schedule = page.getByRole('form', { name: 'Set the schedule' });
  await expect(schedule.getByLabel('Financial year 1')).toHaveValue('2026-27');
  await schedule.getByLabel('Money in year 1').fill('30,000');
  await schedule.getByRole('button', { name: 'Add another year' }).click();
  await expect(schedule.getByLabel('Financial year 2')).toHaveValue('2027-28');
  await schedule.getByLabel('Money in year 2').fill('10,000');
  await schedule.getByRole('button', { name: 'Save the schedule' }).click();
  await expect(problem).toContainText('The years add up to £40,000 but the award is £50,000');
  await problem.getByRole('link').first().click();
  await expect(schedule.getByLabel('Money in year 1')).toBeFocused();
  await schedule.getByLabel('Money in year 2').fill('20,000');
  await schedule.getByRole('button', { name: 'Save the schedule' }).click();
  await expect(done.filter({ hasText: 'paid by the schedule' })).toBeVisible();
  const years = page.getByRole('table', { name: 'Payment schedule of grant S1' });
  await expect(years.getByRole('row', { name: /2026-27/ })).toContainText('£30,000');
  await expect(years.getByRole('row', { name: /2027-28/ })).toContainText('£20,000');

  // A variation: above the office's £5,000 threshold the page explains the superseding notice,
  // and the handler refuses it, linked to the amount.
  const vary = page.getByRole('form', { name: 'Vary the amount' });
  await expect(vary).toContainText('A change of up to £5,000');
  await vary.getByLabel('New amount of the grant').fill('60,000');
  const note = vary.getByRole('note', { name: 'A new decision is needed' });
  await expect(note).toContainText('A change of £10,000 is above the office');
  await expect(note).toContainText('notice supersede --round 1');
  await expect(note.getByRole('link', { name: 'decision page' })).toBeVisible();
  await vary.getByLabel('Reason for the variation').fill('More young people referred');
  await vary.getByRole('button', { name: 'Record the variation' }).click();
  await expect(problem).toContainText('it needs a new signed decision');
  await problem.getByRole('link').first().click();
  await expect(vary.getByLabel('New amount of the grant')).toBeFocused();
  await atBothSizes(page, 'grant-variation-refused');
  await vary.getByLabel('New amount of the grant').fill('47,000');
  await expect(note).toHaveCount(0);
  await vary.getByRole('button', { name: 'Record the variation' }).click();
  await expect(done.filter({ hasText: 'varied from £50,000 to £47,000' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Variations of grant S1' })).toContainText('£47,000');
  await expect(page.locator('.figure').filter({ hasText: 'Awarded' })).toContainText('£47,000');

  // The schedule set before still gives the years £50,000: the page says to set it again.
  await expect(page.getByRole('note', { name: 'The schedule no longer matches the award' })).toContainText(
    'The schedule adds up to £50,000 but the award is now £47,000',
  );
  await atBothSizes(page, 'grant-lead');
  await schedule.getByLabel('Money in year 2').fill('17,000');
  await schedule.getByRole('button', { name: 'Save the schedule' }).click();
  await expect(years.getByRole('row', { name: /2027-28/ })).toContainText('£17,000');
  await expect(page.getByRole('note', { name: 'The schedule no longer matches the award' })).toHaveCount(0);

  // Closing: the final report is required, and no more can be clawed back than was paid.
  const closing = page.getByRole('form', { name: 'Close the grant' });
  await closing.getByRole('button', { name: 'Close the grant' }).click();
  await expect(problem).toContainText(/final report/i);
  await problem.getByRole('link').first().click();
  await expect(closing.getByLabel('Final report')).toBeFocused();
  await page.keyboard.type('Forty young people reached; repeat offending down.');
  await closing.getByLabel('Money clawed back (optional)').fill('20,000');
  await closing.getByRole('button', { name: 'Close the grant' }).click();
  await expect(problem).toContainText('Only £12,500 has been paid on grant S1');
  await problem.getByRole('link').first().click();
  await expect(closing.getByLabel('Money clawed back (optional)')).toBeFocused();
  await closing.getByLabel('Money clawed back (optional)').fill('2,500');
  await closing.getByRole('button', { name: 'Close the grant' }).click();
  await expect(done.filter({ hasText: 'closed and £2,500 is clawed back' })).toBeVisible();
  const report = page.getByRole('region', { name: 'Final report' });
  await expect(report).toContainText('£2,500');
  await expect(report).toContainText('Forty young people reached');
  await expect(page.getByText(/^Clawed back\. Due diligence/)).toBeVisible();
  // A closed grant takes nothing more, so no form is offered on it.
  for (const form of ['Due diligence', 'Record a claim', 'Import a completed return', 'Set the schedule'])
    await expect(page.getByRole('form', { name: form })).toHaveCount(0);
  for (const form of ['Vary the amount', 'Close the grant'])
    await expect(page.getByRole('form', { name: form })).toHaveCount(0);
  await atBothSizes(page, 'grant-closed');
});
