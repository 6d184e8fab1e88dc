import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { tempDir } from '../support/temp-db';
import { beMe, expect, test } from './fixtures';
import { expectNoAccessibilityViolations } from './axe';

const roundTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'This round' }).getByRole('link', { name, exact: true });

test('an assessor declares, scores and submits, and the ranking changes', async ({ page, bridge }) => {
  // Ten command-line steps, each proving a passphrase (scrypt) before it acts: allow for a slow machine.
  test.setTimeout(180_000);
  const dir = tempDir();
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
      'Assessment test',
      '--budget',
      '£100k',
      '--json',
    ),
  ) as { id: number };
  const id = String(round.id);
  writeFileSync(
    path.join(dir, 'bids.csv'),
    'Ref,Partnership,Project,Amount\nX1,Safer Walsall Partnership,Street lighting,£10k\nX2,Safe and ' +
      'Sound Dudley,Youth outreach,£20k\n',
  );
  cli(...lead, 'import', 'bids', path.join(dir, 'bids.csv'), '--round', id);
  cli(...lead, 'framework', 'use', '--round', id, '--template', 'invest-to-save');
  cli(...lead, 'assign', '--round', id, '--assessor', 'Asha Patel', '--all');
  cli(...lead, 'assign', '--round', id, '--assessor', 'Ben Clarke', '--all');
  // Bids in, framework chosen, assessors assigned: the lead officer opens assessment.
  cli(...lead, 'stage', '--round', id, '--to', 'open');
  cli(...lead, 'stage', '--round', id, '--to', 'assessment');
  cli('--as', 'Ben Clarke', 'declare', '--round', id, '--assessor', 'Ben Clarke', '--all', '--none');
  const criteria = ['G1', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
  const rows = ['bid,assessor,criterion,score,justification'];
  for (const [ref, value] of [
    ['X1', 3],
    ['X2', 2],
  ] as const)
    for (const c of criteria)
      rows.push(`${ref},Ben Clarke,${c},${c === 'G1' ? 1 : value},"Judged against the ${c} guidance."`);
  writeFileSync(path.join(dir, 'scores.csv'), rows.join('\n'));
  cli(...lead, 'import', 'scores', path.join(dir, 'scores.csv'), '--round', id);

  await page.goto(bridge.url);
  await page.getByRole('link', { name: 'Set up your profile' }).first().click();
  await page.waitForURL(/#\/profile$/);
  await beMe(page, bridge.origin, 'Asha Patel');

  await page
    .getByLabel('Round', { exact: true })
    .selectOption({ label: 'Community Safety Fund — Assessment test' });
  // The ranking is for the panel: an assessor never sees it, in any form: no tab, and its address
  // says who can see it.
  await expect(
    page.getByRole('navigation', { name: 'This round' }).getByRole('link', { name: 'Assessment' }),
  ).toBeVisible();
  await expect(
    page.getByRole('navigation', { name: 'This round' }).getByRole('link', { name: 'Ranking', exact: true }),
  ).toHaveCount(0);
  await page.goto(page.url().replace(/#\/rounds\/(\d+).*$/, '#/rounds/$1/ranking'));
  await expect(
    page.getByText(/Only a lead officer, board member or commissioner can see the ranking/),
  ).toBeVisible();
  // Only Ben has submitted; Asha is assigned too, so neither bid is fully scored or ranked yet.
  const ranked = () =>
    JSON.parse(cli(...lead, 'rank', '--round', id, '--json')) as { ref: string; complete: boolean }[];
  expect(
    ranked()
      .map((r) => [r.ref, r.complete])
      .sort(),
  ).toEqual([
    ['X1', false],
    ['X2', false],
  ]);

  await roundTab(page, 'Assessment').click();
  await page.getByRole('link', { name: 'X2', exact: true }).click();
  await page.getByRole('button', { name: 'Record my declaration' }).click();
  await expect(page.getByRole('alert')).toContainText('Say whether you have a conflict of interest');
  await page.getByLabel('No, I have no conflict of interest').check();
  await page.getByRole('button', { name: 'Record my declaration' }).click();

  await expect(page.getByText(/Other assessors.? scores appear here once you submit yours/)).toBeVisible();
  await expect(page.getByText('Judged against')).toHaveCount(0);
  await page.getByRole('button', { name: 'Submit scores' }).click();
  await expect(page.getByRole('alert')).toContainText('G1: choose a score');
  await expectNoAccessibilityViolations(page);

  await page.getByLabel('1 Pass').check();
  await page.getByLabel('G1 justification').fill('Eligible partnership, one-off spending this year.');
  for (const c of criteria.slice(1)) {
    await page
      .getByRole('group', { name: new RegExp(`^${c} `) })
      .getByLabel(/^5 Outstanding/)
      .check();
    await page.getByLabel(`${c} justification`).fill(`Strong evidence for ${c} in the business case.`);
  }
  await page.getByRole('button', { name: 'Submit scores' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your scores for X2 are submitted' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /Score the next bid assigned to you: X1/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Other assessors.? scores/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Ben Clarke' })).toBeVisible();

  // X2: Ben's 2s and Asha's 5s average 3.5 on every criterion, 70 in all: fully scored, it ranks first.
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/${id}/ranking`);
  await expect(page.getByRole('row', { name: /X2/ }).first()).toContainText('70.00');
  const first = page.locator('tbody > tr').first();
  await expect(first).toContainText('X2');
  await expectNoAccessibilityViolations(page);
});

test('the lead sees divergent scores side by side and moderates one', async ({ page, bridge }) => {
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, 'demo'],
    { encoding: 'utf8' },
  );
  await page.goto(`${bridge.origin}/?token=${bridge.token}`);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.goto(`${bridge.origin}/#/rounds/1/moderation`);
  await expect(page.getByRole('heading', { name: /Divergent scores \(3\)/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Chloe Evans/ }).first()).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByLabel('Moderated score').nth(1).fill('2');
  await page.getByLabel('Reason').nth(1).fill('Agreed at moderation: efficiency is partial.');
  await page.getByRole('button', { name: /Record moderated score for B1 C3/ }).click();
  await expect(page.getByRole('status')).toContainText('B1 C3 moderated to 2');
  await expect(page.getByText('Moderated to 2').nth(1)).toBeVisible();

  const download = page.waitForEvent('download');
  await roundTab(page, 'Ranking').click();
  await page.getByRole('button', { name: 'Panel pack (PDF)' }).click();
  expect((await download).suggestedFilename()).toBe('Panel pack - Invest-to-Save - 2013-14-tranche-2.pdf');

  await roundTab(page, 'Assessment').click();
  await page.getByRole('link', { name: 'View or edit the framework' }).click();
  // The framework page opens read-only. The demonstration round is at board review: its framework
  // was fixed when assessment ended, so no Edit is offered, and a sentence says why.
  await expect(page.getByRole('heading', { level: 1, name: 'Scoring framework' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Criteria' })).toContainText('Strategic fit');
  await expect(page.getByRole('button', { name: 'Edit the framework' })).toHaveCount(0);
  await expect(page.getByLabel('Criterion 2: weight %')).toHaveCount(0);
  await expect(page.getByText(/only at the setting up, open for bids or assessment stage/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
});
