import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

// Browser tests run in a Chromium already on the machine: Playwright's own browser download is
// not possible everywhere Tranche is built.

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  try {
    const bundled = chromium.executablePath();
    return existsSync(bundled) ? bundled : null;
  } catch {
    return null;
  }
}

export const NO_CHROMIUM_HELP = [
  'No Chromium was found, so the browser tests cannot run.',
  'Install one with `sudo apt-get install chromium` (Debian/Ubuntu),',
  'or set CHROMIUM_PATH to a Chromium or Chrome binary,',
  'or run `npx playwright install chromium` where downloads are allowed. `.ci/run` installs it itself.',
].join('\n');

/** Flags for a closed network: without them Chromium keeps trying to reach Google's services. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
