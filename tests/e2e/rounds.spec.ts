import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { startBridge } from '../support/web-bridge';
import { expect, test } from './fixtures';

async function createRound(
  page: Page,
  fields: { fund: string; name: string; budget: string; committed?: string },
) {
  await page.getByRole('link', { name: 'Create a round' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a round' })).toBeVisible();
  await page.getByLabel('Fund').fill(fields.fund);
  await page.getByLabel('Round name').fill(fields.name);
  await page.getByLabel('Budget').fill(fields.budget);
  if (fields.committed) {
    await page.getByRole('button', { name: 'Add a commitment' }).click();
    await page.getByLabel('Commitment 1: what it is for').fill('Domestic Homicide Review project');
    await page.getByLabel('Commitment 1: amount').fill(fields.committed);
  }
  await page.getByRole('button', { name: 'Create round' }).click();
}

async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test('a round created through the form is listed with its money, and survives a reload and a restart', async ({
  page,
  bridge,
}) => {
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Funding rounds' })).toBeVisible();
  await expect(page.getByText('No rounds yet. Create the first round')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await createRound(page, {
    fund: 'Invest to Save',
    name: '2013-14 tranche 2',
    budget: '£350,000',
    committed: '30k',
  });

  await expect(page.getByRole('status')).toContainText('Round "2013-14 tranche 2" created');
  const row = page.getByRole('row', { name: /2013-14 tranche 2/ });
  await expect(row).toContainText('Invest to Save');
  await expect(row).toContainText('£350,000');
  await expect(row).toContainText('£30,000');
  await expect(row).toContainText('£320,000');
  await expectNoAccessibilityViolations(page);

  await page.reload();
  await expect(page.getByRole('row', { name: /2013-14 tranche 2/ })).toContainText('£320,000');

  await bridge.stop();
  const again = await startBridge(bridge.db);
  try {
    await page.goto(again.url);
    await expect(page.getByRole('row', { name: /2013-14 tranche 2/ })).toContainText('£320,000');
    await expect(page.getByLabel('Round', { exact: true })).toContainText(
      'Invest to Save — 2013-14 tranche 2',
    );
  } finally {
    await again.stop();
  }
});

test('a budget that is not money gets a clear message linked to the field, and nothing is saved', async ({
  page,
  bridge,
}) => {
  await page.goto(bridge.url);
  await createRound(page, { fund: 'Invest to Save', name: 'Typo round', budget: '£3OO' });

  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toBeFocused();
  const link = summary.getByRole('link', { name: /Budget: "£3OO" is not an amount of money/ });
  await expect(link).toBeVisible();
  await expect(page.locator('#round-budget-error')).toContainText('is not an amount of money');
  await expectNoAccessibilityViolations(page);

  await link.click();
  await expect(page.getByLabel('Budget')).toBeFocused();

  const listed = await page.request.post(`${bridge.origin}/api/rounds:list`, {
    data: {},
    headers: { Authorization: `Bearer ${bridge.token}` },
  });
  expect(await listed.json()).toEqual({ ok: true, value: [] });
});

test('commitments above the budget are refused beside the field', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await createRound(page, { fund: 'Safer Streets', name: 'Round 4', budget: '100', committed: '150' });
  await expect(page.getByRole('alert')).toContainText(
    'Commitments (£150) cannot be more than the budget (£100)',
  );
  await expect(page.locator('#round-commitments')).toContainText(
    'Commitments (£150) cannot be more than the budget (£100)',
  );
});

test('a round can be edited, archived and restored, keyboard only', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await createRound(page, { fund: 'Community Safety Fund', name: '2022-23', budget: '£1,000,000' });
  await expect(page.getByRole('status')).toBeVisible();

  await page.getByRole('link', { name: 'Edit 2022-23', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Edit round' })).toBeVisible();
  await expect(page.getByLabel('Budget')).toHaveValue('1000000');
  await page.getByLabel('Budget').fill('£1.2m');
  await page.getByLabel('Budget').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '2022-23' })).toBeVisible();
  await expect(page.getByText('£1,200,000').first()).toBeVisible();

  await page.getByRole('link', { name: 'Funding rounds' }).click();
  await page.getByRole('button', { name: 'Archive 2022-23' }).click();
  await expect(page.getByRole('status')).toContainText('archived');
  await expect(page.getByRole('row', { name: /2022-23/ })).toHaveCount(0);

  await page.getByLabel('Show archived rounds').check();
  await page.getByRole('button', { name: 'Restore 2022-23' }).click();
  await expect(page.getByRole('status')).toContainText('restored');
  await page.getByLabel('Show archived rounds').uncheck();
  await expect(page.getByRole('row', { name: /2022-23/ })).toContainText('£1,200,000');
});

test('the bridge refuses requests without the token', async ({ request, bridge }) => {
  const page = await request.get(`${bridge.origin}/`);
  expect(page.status()).toBe(401);
  const call = await request.post(`${bridge.origin}/api/rounds:list`, { data: {} });
  expect(call.status()).toBe(401);
});
