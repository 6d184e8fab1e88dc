import { defineConfig } from '@playwright/test';
import { assertSupportedNode } from './build/scripts/check-node.mjs';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium';

// On an older Node better-sqlite3 would crash the web bridge; stop first with the fix instead.
assertSupportedNode();

const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  globalSetup: './tests/support/global-setup.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
