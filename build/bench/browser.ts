// npm run bench:browser: the bid list of a 10,000-bid round in Chromium, in web mode. Records how
// long after navigation the first row is painted, and for each keystroke typed into the filter box
// how long until the next paint (p50, p95). A measurement script, not a test: it prints and exits 0.
// Needs the built renderer (npm run build:renderer) and a Chromium (see tests/support/chromium.ts).
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { findChromium, NO_CHROMIUM_HELP } from '../../tests/support/chromium';
import { startBridge, tempDatabase } from '../../tests/support/web-bridge';
import { makeLargeRound } from './make-large-round';

const BIDS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const executablePath = findChromium();
if (!executablePath) {
  console.log(NO_CHROMIUM_HELP);
  process.exit(0);
}
if (!existsSync('dist/renderer/index.html')) {
  console.log('The renderer is not built: run npm run build:renderer first.');
  process.exit(0);
}

const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((samples.length * p) / 100))] ??
  0;

const db = tempDatabase();
const roundId = makeLargeRound(db, BIDS);
const bridge = await startBridge(db);
const browser = await chromium.launch({ executablePath });
const firstRows: number[] = [];
const keystrokes: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage();
    // From navigation start to the first bid row on screen: Playwright waits for the row to be
    // visible (laid out and painted), then the page's own clock gives the time since navigation.
    // The polling makes this an upper bound, by a few milliseconds.
    await page.goto(`${bridge.url}#/rounds/${roundId}/bids`, { waitUntil: 'commit' });
    await page.locator('tbody tr').first().waitFor({ state: 'visible', timeout: 30_000 });
    firstRows.push(await page.evaluate(() => performance.now()));
    const before = await page.locator('tbody tr').count();

    const filter = page.getByLabel('Reference, project or partnership');
    await filter.click();
    for (const key of 'L0999') {
      // From the key event to the next frame painted after it (two animation frames: the first
      // runs before that paint, the second after it).
      const ms = await page.evaluate(
        (k) =>
          new Promise<number>((done) => {
            const input = document.activeElement as HTMLInputElement;
            const started = performance.now();
            // React watches the native setter: setting .value directly would be ignored.
            const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
            setValue?.call(input, input.value + k);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started)));
          }),
        key,
      );
      keystrokes.push(ms);
    }
    // The last keys must have filtered the list, or the figures measured nothing.
    if ((await page.getByText(/^\d+ of 10,?000 bids/).count()) === 0 && before > 0)
      console.log('Warning: typing did not filter the list; the keystroke figures may be meaningless.');
    await page.close();
  }
} finally {
  await browser.close();
  await bridge.stop();
}

console.log(`| Chromium, ${BIDS.toLocaleString('en-GB')} bids, web mode | measured | target |`);
console.log('|---|---|---|');
console.log(
  `| first row painted after navigation (median of ${RUNS}) | ${percentile(firstRows, 50).toFixed(0)} ms | < 1000 ms |`,
);
console.log(
  `| keystroke in the filter box to next paint, p50 | ${percentile(keystrokes, 50).toFixed(1)} ms | |`,
);
console.log(
  `| keystroke in the filter box to next paint, p95 (${keystrokes.length} keys) | ` +
    `${percentile(keystrokes, 95).toFixed(1)} ms | < 50 ms |`,
);
