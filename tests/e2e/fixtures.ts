import { test as base, expect } from '@playwright/test';
import { findChromium, NO_CHROMIUM_HELP } from '../support/chromium';
import { isCi } from '../support/required-tool';
import { startBridge, type RunningBridge } from '../support/web-bridge';

export const test = base.extend<{ chromiumFound: void; bridge: RunningBridge }>({
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
});

export { expect };
