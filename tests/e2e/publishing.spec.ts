import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/handlers/dispatch';
import { signedRound } from '../support/grants';
import { actingAs, tempDir, testContext } from '../support/temp-db';
import { atBothSizes } from './both-sizes';
import { beMe, expect, test } from './fixtures';

// The pages for what an office publishes and writes in its own words: its partnerships, the
// notice's summary, background and board meeting, the reason a grant will reduce crime, and the
// register and 360Giving downloads; by keyboard and screen reader, at a small laptop's width.

test('a lead officer adds a partnership; a board member sees the list but not the form', async ({
  page,
  bridge,
}) => {
  const { ctx, connection } = testContext(bridge.db);
  await dispatch('demo:load', {}, ctx);
  connection.close();
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/partnerships`);
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships' })).toBeVisible();
  await page.getByRole('button', { name: 'Add partnership' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('Enter the name');
  await summary.getByRole('link', { name: 'Enter the name' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByLabel('Name', { exact: true }).fill('Safer Stourbridge Partnership');
  await page.getByLabel('Area (optional)').fill('Stourbridge');
  await page.getByRole('button', { name: 'Add partnership' }).click();
  await expect(page.getByRole('status')).toContainText(
    "Safer Stourbridge Partnership is one of the office's partnerships.",
  );
  const row = page.getByRole('row', { name: /Safer Stourbridge Partnership/ });
  await expect(row).toContainText('Stourbridge');
  await expect(row).toContainText('Yes');
  await atBothSizes(page, 'partnerships');

  await beMe(page, bridge.origin, 'Frances Doyle');
  await page.goto(`${bridge.origin}/#/partnerships`);
  await expect(page.getByRole('row', { name: /Safer Stourbridge Partnership/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add partnership' })).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(
    "Only a lead officer can add one of the office's partnerships.",
  );
});

test("the notice in the office's words, and why a grant will reduce crime, reach the notice", async ({
  page,
  bridge,
}) => {
  test.slow();
  const { ctx, connection } = testContext(bridge.db);
  await dispatch('demo:load', {}, ctx);
  const lead = actingAs(ctx, 'Dan Hughes');
  await dispatch('allocation:set', { roundId: 1, bidRef: 'B2', option: 'full' }, lead);
  connection.close();
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');

  await page.goto(`${bridge.origin}/#/rounds/1/allocation`);
  await page
    .getByLabel('Why B2 will reduce crime and disorder')
    .fill('Fewer repeat victims of domestic abuse');
  await page.getByRole('button', { name: 'Save conditions for B2 and why it will reduce crime' }).click();
  await expect(page.getByRole('status')).toContainText('Saved: why it will reduce crime for B2.');
  await page.reload();
  await expect(page.getByLabel('Why B2 will reduce crime and disorder')).toHaveValue(
    'Fewer repeat victims of domestic abuse',
  );

  const again = testContext(bridge.db);
  const stage = await dispatch(
    'rounds:setStage',
    { roundId: 1, to: 'decision' },
    actingAs(again.ctx, 'Dan Hughes'),
  );
  expect(stage.ok, stage.ok ? '' : stage.error.message).toBe(true);
  await dispatch('notices:create', { roundId: 1 }, actingAs(again.ctx, 'Dan Hughes'));
  again.connection.close();

  await page.goto(`${bridge.origin}/#/rounds/1/notice`);
  await page
    .getByLabel('Executive summary')
    .fill('The Commissioner passported £6,969,000 to the partnerships.');
  await page.getByLabel('Board that reviewed the shortlist').fill('Strategic Policing and Crime Board');
  const date = page.getByRole('group', { name: 'Date of its meeting' });
  await date.getByLabel('Day').fill('5');
  await date.getByLabel('Month').fill('11');
  await date.getByLabel('Year').fill('2013');
  await page.getByRole('button', { name: "Save the notice's words" }).click();
  await expect(page.getByRole('status')).toContainText("The notice's words are saved");
  const preview = page.getByRole('article', { name: 'Notice of Decision preview' });
  await expect(preview).toContainText('The Commissioner passported £6,969,000 to the partnerships.');
  await expect(preview).toContainText('Strategic Policing and Crime Board');
  await expect(preview).toContainText('5 November 2013');
  await expect(preview).toContainText('Fewer repeat victims of domestic abuse');

  await date.getByLabel('Month').fill('13');
  await page.getByRole('button', { name: "Save the notice's words" }).click();
  await expect(page.getByRole('alert')).toContainText('The board date must be a real date');
  await atBothSizes(page, 'notice-words');
});

test('anyone downloads the register for a period and 360Giving data for a signed round', async ({
  page,
  bridge,
}) => {
  test.setTimeout(120_000);
  const office = await signedRound('2026-05-01', bridge.db);
  office.connection.close();
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Frances Doyle');
  await page.goto(`${bridge.origin}/#/publishing`);
  await expect(page.getByRole('heading', { level: 1, name: 'Publishing' })).toBeVisible();

  const from = page.getByRole('group', { name: 'Signed from' });
  await from.getByLabel('Day').fill('1');
  await from.getByLabel('Month').fill('5');
  await from.getByLabel('Year').fill('2026');
  const to = page.getByRole('group', { name: 'Signed to' });
  await to.getByLabel('Day').fill('31');
  await to.getByLabel('Month').fill('5');
  await to.getByLabel('Year').fill('2026');
  await page.getByLabel('CSV (.csv), for the website').check();
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the register' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('Grants register 2026-05-01 to 2026-05-31.csv');
  const csvFile = path.join(tempDir(), 'register.csv');
  await csv.saveAs(csvFile);
  expect(readFileSync(csvFile, 'utf8')).toContain('Safer Solihull Partnership');

  await page.getByRole('button', { name: 'Download 360Giving JSON' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a signed round');
  await page
    .getByLabel('Signed round', { exact: true })
    .selectOption({ label: 'Invest to Save: 2013-14 tranche 2' });
  await page.getByLabel("The office's org-id").fill('West Midlands');
  await page.getByRole('button', { name: 'Download 360Giving JSON' }).click();
  await expect(page.getByRole('alert')).toContainText('The org-id must be an org-id.guide identifier');
  await page.getByLabel("The office's org-id").fill('GB-CHC-1234567');
  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download 360Giving JSON' }).click();
  const json = await jsonDownload;
  const jsonFile = path.join(tempDir(), 'grants.json');
  await json.saveAs(jsonFile);
  const data = JSON.parse(readFileSync(jsonFile, 'utf8')) as { grants: { id: string }[] };
  expect(data.grants.length).toBeGreaterThan(0);
  expect(data.grants[0]?.id).toMatch(/^360G-GB-CHC-1234567-/);
  await atBothSizes(page, 'publishing');
});

test("an officer drafts a letter's feedback and a lead officer approves it", async ({ page, bridge }) => {
  const { ctx, connection } = testContext(bridge.db);
  await dispatch('demo:load', {}, ctx);
  connection.close();
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Asha Patel');
  await page.goto(`${bridge.origin}/#/rounds/1/feedback`);
  await expect(page.getByRole('heading', { level: 1, name: 'Feedback for letters' })).toBeVisible();
  await page.getByLabel('Bid', { exact: true }).selectOption('B1');
  await page.getByLabel('C2 Evidence of need').fill('Strong local evidence of need.');
  await page.getByRole('button', { name: 'Save feedback on C2' }).click();
  await expect(page.getByRole('status')).toContainText(
    "Saved: B1 C2 waits for a lead officer's approval before its letter prints it.",
  );
  await expect(page.getByText('Awaiting a lead officer (Asha Patel wrote it)')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Approve/ })).toHaveCount(0);

  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/feedback`);
  await page.getByLabel('Bid', { exact: true }).selectOption('B1');
  await page.getByRole('button', { name: "Approve B1's feedback" }).click();
  await expect(page.getByRole('status')).toContainText('Approved 1 summary on B1: its letter prints them.');
  await expect(page.getByText('Approved by Dan Hughes')).toBeVisible();
  await atBothSizes(page, 'feedback');
});

test("the office's org-id is kept under About and data and fills the 360Giving form", async ({
  page,
  bridge,
}) => {
  const { ctx, connection } = testContext(bridge.db);
  await dispatch('demo:load', {}, ctx);
  connection.close();
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/about`);
  const orgId = page.getByLabel("The office's 360Giving org-id (optional)");
  await orgId.fill('West Midlands');
  await page.getByRole('button', { name: 'Save office details' }).click();
  await expect(page.getByText('The org-id must be an org-id.guide identifier')).toBeVisible();
  await orgId.fill('GB-CHC-1234567');
  await page.getByRole('button', { name: 'Save office details' }).click();
  await expect(page.getByRole('status')).toContainText('Office details saved');
  await atBothSizes(page, 'about');

  await page.goto(`${bridge.origin}/#/publishing`);
  await expect(page.getByLabel("The office's org-id")).toHaveValue('GB-CHC-1234567');
});
