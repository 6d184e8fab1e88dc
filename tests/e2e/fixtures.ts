import { test as base, expect, type Page } from '@playwright/test';
import { DEMO_PASSPHRASE } from '../../shared/people';
import { findChromium, NO_CHROMIUM_HELP } from '../support/chromium';
import { isCi } from '../support/required-tool';
import { startBridge, type RunningBridge } from '../support/web-bridge';

export const test = base.extend<{
  chromiumFound: void;
  bridge: RunningBridge;
  /** A second installation (another laptop): its own web bridge over its own empty database. */
  otherLaptop: RunningBridge;
}>({
  // Every browser test goes through this before any other fixture starts a browser or a bridge:
  // without Chromium each one skips with the same reason, or under CI fails naming what to install.
  // (A fixture, not a beforeEach in this module: a module-level hook attaches only to the first spec
  // file a worker loads, so the others tried to launch Playwright's absent browser and failed.)
  chromiumFound: [
    async ({}, use, testInfo) => {
      if (!findChromium()) {
        if (isCi())
          throw new Error(`${NO_CHROMIUM_HELP}\nUnder CI=true the browser tests fail rather than skip.`);
        testInfo.skip(true, NO_CHROMIUM_HELP);
      }
      await use();
    },
    { auto: true },
  ],
  bridge: async ({}, use) => {
    const bridge = await startBridge();
    await use(bridge);
    await bridge.stop();
  },
  otherLaptop: async ({}, use) => {
    const bridge = await startBridge();
    await use(bridge);
    await bridge.stop();
  },
});

export { expect };

// Every person in these tests is the demonstration's, with its published passphrase; the command
// line children (--as NAME, or the profile chosen in the app) read it from the environment. Set
// whatever the developer's shell holds: their own TRANCHE_PASSPHRASE is not the demonstration's.
process.env.TRANCHE_PASSPHRASE = DEMO_PASSPHRASE;

/** Chooses `name` on the profile page and gives their passphrase. */
export async function beMe(page: Page, origin: string, name: string, passphrase = DEMO_PASSPHRASE) {
  // Going to the very address the page is on would reload it, cutting off its requests.
  if (!page.url().endsWith('#/profile')) await page.goto(`${origin}/#/profile`);
  const me = page.getByRole('button', { name: new RegExp(`This is me.*${name}`) });
  // While someone is acting, the others are offered under "Someone else using this computer?".
  const someoneElse = page.getByText('Someone else using this computer?');
  await expect(me.or(someoneElse).first()).toBeVisible();
  if (await someoneElse.isVisible()) await someoneElse.click();
  await me.click();
  await page.getByLabel(`Passphrase for ${name}`).fill(passphrase);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('status')).toContainText(name);
}
