import { existsSync } from 'node:fs';
import { electronBinary, MISSING_BINARY_HELP } from '../../build/scripts/electron-path.mjs';
import { findChromium, NO_CHROMIUM_HELP } from './chromium';

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
  if (!findChromium()) banner(`${NO_CHROMIUM_HELP}\nBrowser tests will be SKIPPED.`);
  if (!electronBinary())
    console.warn(
      `Desktop (Electron) tests will be skipped: the Electron binary is not installed. ${MISSING_BINARY_HELP}`,
    );
}
