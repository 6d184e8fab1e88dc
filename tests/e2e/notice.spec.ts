import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { tempDir } from '../support/temp-db';
import { beMe, expect, test } from './fixtures';
import { expectNoAccessibilityViolations } from './axe';
import { DEMO_PASSPHRASE } from '../../shared/people';

const roundTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'This round' }).getByRole('link', { name, exact: true });

test('allocate, preview, sign as the commissioner, export', async ({ page, bridge }) => {
  // The whole decision, with the readiness list and two accessibility checks: longer than most.
  test.slow();
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, 'demo'],
    { encoding: 'utf8' },
  );
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/allocation`);
  // In rank order: B2 and SS4 first, so that B1 and C1 follow the ranking and need no reason.
  await page.getByLabel('Allocation for B2').selectOption('full');
  await page.getByRole('button', { name: 'Save allocation for B2' }).click();
  await expect(page.getByRole('row').filter({ has: page.getByLabel('Allocation for B2') })).toContainText(
    '£95,000',
  );
  await page.getByLabel('Allocation for SS4').selectOption('full');
  await page.getByRole('button', { name: 'Save allocation for SS4' }).click();
  await expect(page.getByText('£133,000').first()).toBeVisible();
  await page.getByLabel('Allocation for B1').selectOption('reduced');
  await page.getByRole('button', { name: 'Save allocation for B1' }).click();
  await expect(page.getByRole('row').filter({ has: page.getByLabel('Allocation for B1') })).toContainText(
    '£90,000',
  );
  await page.getByLabel('Conditions of grant for B1').fill('Quarterly progress reports to the board');
  await page.getByRole('button', { name: 'Save conditions for B1' }).click();
  await page.getByLabel('Allocation for C1').selectOption('full');
  await page.getByRole('button', { name: 'Save allocation for C1' }).click();
  await expect(page.getByText('£258,000').first()).toBeVisible();

  // The lead officer moves the round from board review to its decision.
  await page.goto(`${bridge.origin}/#/rounds/1`);
  await expect(page.getByRole('region', { name: 'Stage of the round' })).toContainText('Board review');
  await page.getByRole('button', { name: 'Move to decision' }).click();
  // The move is confirmed once what is unfinished at board review has been shown.
  await page
    .getByRole('group', { name: /to decision\?/ })
    .getByRole('button', { name: 'Move to decision' })
    .click();
  await expect(page.locator('[aria-current="step"]')).toHaveText('Decision');
  await roundTab(page, 'Notice').click();
  await page.getByRole('button', { name: 'Draft the notice' }).click();
  const preview = page.getByRole('article', { name: 'Notice of Decision preview' });
  await expect(preview).toContainText('DRAFT – not signed');
  await expect(preview).toContainText('£90,000');
  await expect(preview).toContainText('Total awarded');
  await expect(preview).toContainText('£258,000');
  await expect(preview).toContainText('FINANCIAL IMPLICATIONS');
  await expect(preview).toContainText('FACTS AND ADVICE');
  await expect(preview).toContainText('Quarterly progress reports to the board');
  // The readiness list comes first: nothing blocks, but three things need a reason to go ahead.
  const readiness = page.getByRole('region', { name: 'Before you send the notice for sign-off' });
  await expect(readiness).toContainText('No board views are recorded');
  await expect(readiness).toContainText('Moderation is still open on B1, SS1');
  await expect(readiness.getByText('Needs a reason')).toHaveCount(3);
  await expect(readiness.getByRole('link', { name: "Record the board's views" })).toHaveAttribute(
    'href',
    '#/rounds/1/board',
  );
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Send for sign-off' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(problem).toContainText('Give the reason to send the notice for sign-off despite the warnings');
  await problem.getByRole('link').click();
  await expect(page.getByLabel('Why the decision can go ahead as it stands')).toBeFocused();
  await page
    .getByLabel('Why the decision can go ahead as it stands')
    .fill('The board reviewed the bids in private; its minutes record its views');
  await page.getByRole('button', { name: 'Send for sign-off' }).click();
  await expect(page.getByText('Ready for sign-off')).toBeVisible();
  await expect(page.getByText('Sent for sign-off despite the readiness warnings because')).toBeVisible();
  await expect(
    page.getByText('The board reviewed the bids in private; its minutes record its views'),
  ).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await beMe(page, bridge.origin, 'Pat Morgan');
  await page.goto(`${bridge.origin}/#/rounds/1/notice`);
  await page.getByLabel('Your interests in this decision').fill('None');
  await page
    .getByLabel('Why the decision can go ahead as it stands')
    .fill('Moderating B1 and SS1 would not change who is funded');
  // Signing shows what is signed, and asks for the commissioner's passphrase again at that moment.
  const summary = page.getByRole('region', { name: /You are signing decision \d{3}\/\d{4}/ });
  await expect(summary).toContainText('4 bids funded, a total of £258,000 of £320,000 available');
  await expect(summary.getByRole('row', { name: /Total/ })).toContainText('£258,000');
  await expect(summary.getByRole('row', { name: /B1/ })).toContainText('£90,000');
  await page.getByRole('button', { name: /Sign decision/ }).click();
  await expect(page.getByText('Enter your passphrase to sign')).toBeVisible();
  await page.getByLabel('Your passphrase, to sign').fill('not pat at all, a guess');
  await page.getByRole('button', { name: /Sign decision/ }).click();
  await expect(page.getByText("That is not Pat Morgan's passphrase")).toBeVisible();
  await expect(preview).toContainText('DRAFT');
  await page.getByLabel('Your passphrase, to sign').fill(DEMO_PASSPHRASE);
  await page.getByRole('button', { name: /Sign decision/ }).click();
  await expect(page.getByRole('status')).toContainText('Decision signed.');
  await expect(page.getByText(/Fingerprint \(SHA-256\): [0-9a-f]{64}/).first()).toBeVisible();
  await expect(preview).toContainText('Signature: Pat Morgan');
  await expect(preview).not.toContainText('DRAFT');
  await expect(page.getByText('Signed despite the readiness warnings because')).toBeVisible();
  await expect(page.getByText('Moderating B1 and SS1 would not change who is funded')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as PDF' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Notice of Decision \d{3}-\d{4}\.pdf$/);
  const saved = path.join(tempDir(), 'notice.pdf');
  await file.saveAs(saved);
  const text = execFileSync('/usr/bin/pdftotext', ['-layout', saved, '-'], { encoding: 'utf8' });
  expect(text).toContain('£90,000');
  expect(text).toContain('Pat Morgan');
  // The round's history records both reasons with who gave them.
  await page.goto(`${bridge.origin}/#/rounds/1/history`);
  await expect(page.getByRole('main')).toContainText(
    'Signed the decision notice: going ahead because: Moderating B1 and SS1 would not change who is funded',
  );
  await expect(page.getByRole('main')).toContainText(
    'Sent the notice for sign-off: going ahead because: The board reviewed the bids in private',
  );

  // The allocation is now locked, in the handler as well as the page.
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/allocation`);
  await page.getByLabel('Allocation for W2').selectOption('full');
  await page.getByRole('button', { name: 'Save allocation for W2' }).click();
  await expect(page.getByRole('alert')).toContainText('nobody can allocate money now');
  writeFileSync(path.join(tempDir(), 'done'), '');
});
