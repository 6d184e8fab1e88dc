// npm run bench:browser [-- --json]: the bids, ranking, board review and allocation pages of a
// 10,000-bid round (scored by three assessors, ranked-round.ts) in Chromium, in web mode. For each
// page: how long after navigation its first row is on screen, and for each keystroke typed into its
// filter how long until the filtered rows are shown (the count above the table has changed and a
// frame has been painted after it), p95; and how many table rows the page holds. Each figure sits
// beside a raw baseline measured in the same run on the same page:
// - first row: the page's own data requests made with fetch and nothing drawn (what the data costs);
// - keystroke: a key typed into a bare input to the next painted frame (what a frame costs).
// A measurement script, not a test: it prints and exits 0. Needs the built renderer and a Chromium.
import { chromium, type Page } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findChromium, NO_CHROMIUM_HELP } from '../../tests/support/chromium';
import { startBridge, tempDatabase } from '../../tests/support/web-bridge';
import { makeRankedRound } from './ranked-round';
import { BENCH_PASSPHRASE } from './scored-round';

const BIDS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const json = process.argv.includes('--json');
/** `-- --breakdown`: for each run, where the time from navigation to the first row went. */
const breakdown = process.argv.includes('--breakdown');
const say = (line: string) => (json ? undefined : console.log(line));
const executablePath = findChromium();
if (!executablePath) {
  console.log(json ? '[]' : NO_CHROMIUM_HELP);
  process.exit(0);
}
if (!existsSync('dist/renderer/index.html')) {
  console.log(json ? '[]' : 'The renderer is not built: run npm run build:renderer first.');
  process.exit(0);
}

interface PageUnderTest {
  page: string;
  path: string;
  filter: string;
  /** The page's data requests, as it makes them (in parallel), for the first-row baseline. */
  requests: [string, unknown][];
}

const round = { roundId: 1 };
const PAGES: PageUnderTest[] = [
  {
    page: 'bids',
    path: 'bids',
    filter: 'Reference, project or partnership',
    requests: [['bids:list', round]],
  },
  {
    page: 'ranking',
    path: 'ranking',
    filter: 'Reference, project or partnership',
    requests: [['assessment:rankingRows', round]],
  },
  {
    page: 'board review',
    path: 'board',
    filter: 'Reference, project or partnership',
    requests: [
      ['shortlist:get', round],
      ['board:pack', round],
    ],
  },
  {
    page: 'allocation',
    path: 'allocation',
    filter: 'Reference, project or partnership',
    requests: [
      ['allocation:get', round],
      ['assessment:rankingRows', round],
      ['board:pack', round],
    ],
  },
];

// Each key narrows or widens the list, so every keystroke changes what is shown.
const KEYS = ['9', '9', '9', '9', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];

const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((samples.length * p) / 100))] ??
  0;
const median = (samples: number[]) => percentile(samples, 50);

/**
 * From the key to the count above the table changing, then one painted frame; 5 s at most. Written
 * as a script, not a function: tsx's names for inner functions do not exist in the page.
 */
const KEYSTROKE_SCRIPT = `(key) => new Promise((done) => {
  const input = document.activeElement;
  const count = () => [...document.querySelectorAll('p[aria-live]')].map((p) => p.textContent).join('|');
  const before = count();
  const started = performance.now();
  // React watches the native setter: setting .value directly would be ignored.
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setValue.call(input, key === 'Backspace' ? input.value.slice(0, -1) : input.value + key);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const check = () => {
    if (count() !== before) requestAnimationFrame(() => done(performance.now() - started));
    else if (performance.now() - started > 5000) done(5000);
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

/**
 * The page's own timeline up to now: the document, its script and style, and each data request
 * (start → end, in ms since navigation), from the browser's resource timing.
 */
const TIMELINE_SCRIPT = `(() => {
  const at = (ms) => Math.round(ms);
  const nav = performance.getEntriesByType('navigation')[0];
  const parts = ['document ' + at(nav.responseEnd) + ', domContentLoaded ' + at(nav.domContentLoadedEventEnd)];
  for (const entry of performance.getEntriesByType('mark')) parts.push(entry.name + ' ' + at(entry.startTime));
  for (const entry of performance.getEntriesByType('resource')) {
    const name = entry.name.replace(location.origin, '').replace(/^\\/api\\//, '');
    parts.push(name + ' ' + at(entry.startTime) + '→' + at(entry.responseEnd));
  }
  return parts.join('; ');
})()`;

function timeline(page: Page): Promise<string> {
  return page.evaluate(TIMELINE_SCRIPT) as Promise<string>;
}

async function timeKeystroke(page: Page, key: string): Promise<number> {
  return page.evaluate(`(${KEYSTROKE_SCRIPT})(${JSON.stringify(key)})`) as Promise<number>;
}

/** A key typed into a bare input, not React's, to the next painted frame: the floor for a keystroke. */
function timeBareKeystroke(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const input = document.createElement('input');
        document.body.append(input);
        const started = performance.now();
        input.value += '9';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            input.remove();
            done(performance.now() - started);
          }),
        );
      }),
  );
}

/** The page's data requests made from the page with fetch, in parallel, nothing drawn. */
function timeRequests(page: Page, requests: [string, unknown][]): Promise<number> {
  return page.evaluate(async (calls) => {
    const started = performance.now();
    await Promise.all(
      calls.map(([channel, input]) =>
        fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input),
        }).then((r) => r.json()),
      ),
    );
    return performance.now() - started;
  }, requests);
}

const db = tempDatabase();
say(`Building a round of ${BIDS.toLocaleString('en-GB')} scored bids…`);
await makeRankedRound(db, BIDS);
const bridge = await startBridge(db);
const browser = await chromium.launch({ executablePath });
const figures: {
  page: string;
  bids: number;
  firstRowMs: number;
  keystrokeP95Ms: number;
  domRows: number;
  baseline: { firstRowMs: number; keystrokeP95Ms: number };
}[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const setUp = await context.newPage();
  await setUp.goto(bridge.url);
  await setUp.goto(`${bridge.origin}/#/profile`);
  await setUp.getByRole('button', { name: /This is me.*Lee Lead/ }).click();
  await setUp.getByLabel('Passphrase for Lee Lead').fill(BENCH_PASSPHRASE);
  await setUp.getByRole('button', { name: 'Continue' }).click();
  await setUp.getByRole('status').filter({ hasText: 'Lee Lead' }).waitFor();
  await setUp.close();

  for (const under of PAGES) {
    const firstRows: number[] = [];
    const rawFirst: number[] = [];
    const keystrokes: number[] = [];
    const rawKeys: number[] = [];
    let domRows = 0;
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      // From navigation start to the first row on screen: Playwright waits for it to be visible
      // (laid out and painted), then the page's own clock gives the time since navigation.
      await page.goto(`${bridge.origin}/#/rounds/${round.roundId}/${under.path}`, { waitUntil: 'commit' });
      await page.locator('tbody tr[aria-rowindex]').first().waitFor({ state: 'visible', timeout: 120_000 });
      firstRows.push(await page.evaluate(() => performance.now()));
      if (breakdown)
        console.error(
          `${under.page}: first row ${Math.round(firstRows.at(-1) ?? 0)}; ${await timeline(page)}`,
        );
      domRows = await page.locator('tr').count();
      await page.getByLabel(under.filter, { exact: true }).first().focus();
      for (const key of KEYS) keystrokes.push(await timeKeystroke(page, key));
      for (let i = 0; i < KEYS.length; i++) rawKeys.push(await timeBareKeystroke(page));
      rawFirst.push(await timeRequests(page, under.requests));
      await page.close();
    }
    figures.push({
      page: under.page,
      bids: BIDS,
      firstRowMs: Math.round(median(firstRows)),
      keystrokeP95Ms: Math.round(percentile(keystrokes, 95) * 10) / 10,
      domRows,
      baseline: {
        firstRowMs: Math.round(median(rawFirst)),
        keystrokeP95Ms: Math.round(percentile(rawKeys, 95) * 10) / 10,
      },
    });
  }
} finally {
  await browser.close();
  await bridge.stop();
  // A 10,000-bid round is about 240 MB: leave nothing behind in the temporary folder.
  rmSync(path.dirname(db), { recursive: true, force: true });
}

if (json) {
  console.log(JSON.stringify(figures, null, 2));
} else {
  const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}×` : '');
  console.log(
    `| Chromium, web mode, ${BIDS.toLocaleString('en-GB')} bids (median of ${RUNS}) | first row | ` +
      'data alone | ratio | keystroke p95 | bare frame p95 | table rows in the page |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const f of figures)
    console.log(
      `| ${f.page} | ${f.firstRowMs} ms | ${f.baseline.firstRowMs} ms | ` +
        `${ratio(f.firstRowMs, f.baseline.firstRowMs)} | ${f.keystrokeP95Ms} ms | ${f.baseline.keystrokeP95Ms} ms | ` +
        `${f.domRows} |`,
    );
  console.log('Targets: first row under 1,000 ms; keystroke p95 under 50 ms (on a quiet machine).');
}
