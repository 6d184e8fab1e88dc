import { existsSync } from 'node:fs';
import { electronBinary, MISSING_BINARY_HELP } from '../../build/scripts/electron-path.mjs';
import { findChromium, NO_CHROMIUM_HELP } from './chromium';
import { isCi } from './required-tool';
import { redirectTempFolder } from './temp-root';

const banner = (text: string) => {
  const bar = '!'.repeat(78);
  console.warn(`\n${bar}\n${text}\n${bar}\n`);
};

export default function globalSetup() {
  if (!existsSync('dist/renderer/index.html')) {
    throw new Error(
      'The renderer is not built: run `npm run build` before the browser tests (npm test does).',
    );
  }
  if (!findChromium()) {
    const outcome = isCi()
      ? 'Under CI=true every browser test FAILS until it is installed.'
      : 'Every browser test is SKIPPED (under CI=true they would fail).';
    banner(`${NO_CHROMIUM_HELP}\n${outcome}`);
  }
  if (!electronBinary())
    console.warn(
      `Desktop (Electron) tests will be skipped: the Electron binary is not installed. ${MISSING_BINARY_HELP}`,
    );
  // The workers, the web bridges they start and Chromium inherit this; the returned function runs
  // as the global teardown, once every worker has finished.
  return redirectTempFolder('tranche-playwright-');
}
