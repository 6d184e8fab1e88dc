import { test as base, expect } from '@playwright/test';
import { findChromium, NO_CHROMIUM_HELP } from '../support/chromium';
import { startBridge, type RunningBridge } from '../support/web-bridge';

export const test = base.extend<{ bridge: RunningBridge }>({
  bridge: async ({}, use) => {
    const bridge = await startBridge();
    await use(bridge);
    await bridge.stop();
  },
});

test.beforeEach(() => {
  test.skip(!findChromium(), NO_CHROMIUM_HELP);
});

export { expect };
