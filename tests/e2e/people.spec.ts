import { execFileSync } from 'node:child_process';
import { expectNoAccessibilityViolations as checkAccessibility } from './axe';
import { atBothSizes } from './both-sizes';
import { beMe, expect, test } from './fixtures';

// The People page, for lead officers: add someone, change a role, retire someone. "Your profile"
// is only who you are.

test('a lead officer adds a person, changes their role and retires them; the last lead stays', async ({
  page,
  bridge,
}) => {
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, 'demo'],
    { encoding: 'utf8' },
  );
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  // The profile is who you are; people are managed on their own page.
  await expect(page.getByRole('heading', { name: 'Who you are' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add a person' })).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('People');

  await page.getByLabel('Their name').fill('Robin Newcomer');
  await page.getByLabel('Their role').selectOption('policy_officer');
  await page.getByRole('button', { name: 'Add this person' }).click();
  await expect(page.getByRole('status')).toContainText('Added Robin Newcomer as policy officer');
  // No passphrase is set here: a one-time code is shown, for Robin to choose their own.
  await expect(page.getByTestId('enrolment-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  const robin = page
    .getByRole('table', { name: 'People in this office' })
    .getByRole('row')
    .filter({ hasText: 'Robin Newcomer' });
  await expect(robin).toContainText('Policy officer');
  await expect(robin).toContainText('Not enrolled yet');

  await robin.getByRole('button', { name: 'Change role: Robin Newcomer' }).click();
  await page.getByLabel('New role').selectOption('board_member');
  await page.getByRole('button', { name: 'Change role', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Robin Newcomer is now a board member.');
  await expect(robin).toContainText('Board member');

  await robin.getByRole('button', { name: 'Retire: Robin Newcomer' }).click();
  await page.getByRole('button', { name: 'Retire Robin Newcomer' }).click();
  await expect(page.getByRole('status')).toContainText('Robin Newcomer is retired');
  await expect(robin).toContainText('Retired');
  await expect(robin.getByRole('button')).toHaveCount(0);

  // The only lead officer cannot step down: the page says why.
  const dan = page
    .getByRole('table', { name: 'People in this office' })
    .getByRole('row')
    .filter({ hasText: 'Dan Hughes' });
  await dan.getByRole('button', { name: 'Change role: Dan Hughes' }).click();
  await page.getByLabel('New role').selectOption('policy_officer');
  await page.getByRole('button', { name: 'Change role', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    'Dan Hughes is the last active lead officer',
  );
  await expect(dan).toContainText('Lead officer');

  // The sitting commissioner leaves office only by handing over: nobody is offered to retire them.
  const pat = page
    .getByRole('table', { name: 'People in this office' })
    .getByRole('row')
    .filter({ hasText: 'Pat Morgan' });
  await expect(pat).toContainText('Leaves office by handing over to a new commissioner');
  await expect(pat.getByRole('button')).toHaveCount(0);

  // A retired person is no longer offered on the profile page.
  await page.goto(`${bridge.origin}/#/profile`);
  await page.getByText('Someone else using this computer?').click();
  await expect(page.getByRole('button', { name: /This is me.*Asha Patel/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /This is me.*Robin Newcomer/ })).toHaveCount(0);
});

test('a new person enrols on first use with their code; a new lead officer waits for the commissioner', async ({
  page,
  bridge,
}) => {
  execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'electron/cli/main.ts', '--db', bridge.db, 'demo'],
    { encoding: 'utf8' },
  );
  await page.goto(bridge.url);
  await beMe(page, bridge.origin, 'Dan Hughes');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByLabel('Their name').fill('Lena Lead');
  await page.getByLabel('Their role').selectOption('lead_officer');
  await page.getByRole('button', { name: 'Add this person' }).click();
  await expect(page.getByRole('status')).toContainText('once the commissioner approves');
  const code = (await page.getByTestId('enrolment-code').textContent())!;
  const lena = page
    .getByRole('table', { name: 'People in this office' })
    .getByRole('row')
    .filter({ hasText: 'Lena Lead' });
  await expect(lena).toContainText('Waiting for approval');
  await expect(lena).toContainText('Cannot act until the commissioner approves');
  await checkAccessibility(page);

  // Lena, at this computer: her first use of her profile asks for the code and her own passphrase.
  await page.goto(`${bridge.origin}/#/profile`);
  await page.getByText('Someone else using this computer?').click();
  await page.getByRole('button', { name: /This is me.*Lena Lead/ }).click();
  await page.getByLabel('Enrolment code').fill('ABCD-EFGH-JKLM');
  await page.getByLabel('Choose your passphrase').fill('lena picks her own words');
  await page.locator('#unlock-passphrase-again').fill('lena picks her own words');
  await page.getByRole('button', { name: 'Choose my passphrase' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
    "That is not Lena Lead's enrolment code",
  );
  await checkAccessibility(page);
  await page.getByLabel('Enrolment code').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Choose my passphrase' }).click();
  await expect(page.getByRole('status')).toContainText('once the commissioner approves you');
  const lenaKey = /fingerprint is ((?:[0-9A-F]{4} ){15}[0-9A-F]{4}):/.exec(
    (await page.getByRole('status').textContent())!,
  )![1]!;

  // The commissioner approves her on the People page; then she acts with the passphrase she chose.
  await page.goto(`${bridge.origin}/#/rounds`);
  await beMe(page, bridge.origin, 'Pat Morgan');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Approve Lena Lead as lead officer' }).click();
  // The approval names the key Lena chose: Pat compares its fingerprint with the one on Lena's profile.
  const confirm = page.getByRole('form', { name: 'Approve Lena Lead as lead officer' });
  await expect(confirm.getByTestId('approve-fingerprint')).toHaveText(lenaKey);
  await expect(confirm).toContainText('Ask Lena Lead to open their own profile and read you the fingerprint');
  await atBothSizes(page, 'people-approve');
  await confirm.getByRole('button', { name: 'The fingerprints match: approve Lena Lead' }).click();
  await expect(page.getByRole('status')).toContainText(
    `You approved Lena Lead as lead officer, holding the key ${lenaKey}`,
  );
  await expect(lena).toContainText('Active');
  const history = page.getByRole('table', { name: /History of people and roles/ });
  await expect(history).toContainText(
    "Approved Lena Lead as lead officer, signed with the commissioner's key",
  );
  await expect(history).toContainText(
    "Added Lena Lead as lead officer, waiting for the commissioner's approval",
  );
  await page.goto(`${bridge.origin}/#/rounds`);
  await beMe(page, bridge.origin, 'Lena Lead', 'lena picks her own words');
  await expect(page.getByRole('status')).toContainText('Lena Lead, lead officer');
});
