// npm run bench: each of Tranche's paths beside a raw baseline doing the same work, measured in the
// same run on the same data, medians of several runs. Figures, not a pass/fail test: it exits 0.
// It builds its own data in a temporary folder. The browser figures come from
// build/bench/browser.ts (npm run bench:browser), which needs a built renderer and Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type Database from 'better-sqlite3';
import { openDatabase, type Connection } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { createContext, type HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { unlockPerson } from '../../electron/handlers/identity';

import { largeImportFigures, largeRoundFigures } from './large';
import { afterInstall, findSoffice, noticeEndToEnd } from './end-to-end';
import { makeLargeRound } from './make-large-round';

// The bench's own people act with this passphrase (it never leaves the bench's temporary files).
const BENCH_PASSPHRASE = 'bench passphrase for timing runs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BIDS = 10_000;
const folder = mkdtempSync(path.join(tmpdir(), 'tranche-bench-'));
const rows: string[][] = [];
const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;

async function measure(work: () => unknown, runs = RUNS): Promise<number> {
  await work(); // warm up: first-use loading is not what is compared
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

function row(pathName: string, tranche: number, baseline: number | null, note = '', faster?: 'faster') {
  const ratio =
    baseline === null
      ? ''
      : faster
        ? `${(baseline / tranche).toFixed(1)}× faster`
        : `${(tranche / baseline).toFixed(1)}×`;
  const ms = (n: number) => `${n.toFixed(n < 100 ? 1 : 0)} ms`;
  rows.push([pathName, ms(tranche), baseline === null ? note : `${note}${ms(baseline)}`, ratio]);
}

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function open(file: string): { connection: Connection; ctx: HandlerContext; sqlite: Database.Database } {
  const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
  const ctx = createContext(createStore(connection), 'bench');
  const sqlite = (connection.db as unknown as { $client: Database.Database }).$client;
  return { connection, ctx, sqlite };
}

// ---- import 10,000 schedule rows -------------------------------------------------------------
async function importRows() {
  const { connection, ctx, sqlite } = open(path.join(folder, 'import.db'));
  const areas = ['Birmingham', 'Coventry', 'Dudley', 'Sandwell', 'Solihull', 'Walsall', 'Wolverhampton'];
  const lines = ['Ref,Partnership,Project title,Amount requested'];
  for (let i = 0; i < BIDS; i++)
    lines.push(
      `I${i},${areas[i % 7]} Community Safety Partnership,Project ${i} for safer streets,"£${1000 + i}"`,
    );
  const csv = Buffer.from(lines.join('\r\n'));
  let round = 0;
  const newRound = async () =>
    (await ok(dispatch('rounds:create', { fund: 'Bench', name: `Import ${round++}`, budgetPence: 1e9 }, ctx)))
      .id;
  const tranche = await measure(async () => {
    const roundId = await newRound();
    await ok(
      dispatch('bids:import', { roundId, fileName: 'bids.csv', dataBase64: csv.toString('base64') }, ctx),
    );
  });
  const partnershipId = (sqlite.prepare('SELECT id FROM partnerships LIMIT 1').get() as { id: number }).id;
  const insert = sqlite.prepare(
    `INSERT INTO bids (round_id, ref, partnership_id, title, summary, requested_pence, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, '', ?, 'received', ?, ?)`,
  );
  const baseline = await measure(async () => {
    const roundId = await newRound();
    const records = parse(csv, { from_line: 2 }) as string[][];
    const now = new Date().toISOString();
    sqlite.transaction(() => {
      for (const [ref, , title, amount] of records)
        insert.run(
          roundId,
          ref,
          partnershipId,
          title,
          Number((amount ?? '').replace(/[£,]/g, '')) * 100,
          now,
          now,
        );
    })();
  });
  row(
    `import ${BIDS.toLocaleString('en-GB')} schedule rows (bids:import)`,
    tranche,
    baseline,
    'csv-parse + one prepared INSERT per row, one transaction: ',
  );
  connection.close();
}

// ---- list and rank 10,000 bids ---------------------------------------------------------------
async function listAndRank() {
  const file = path.join(folder, 'large.db');
  const roundId = makeLargeRound(file, BIDS);
  const { connection, ctx, sqlite } = open(file);
  const list = await measure(() => dispatch('bids:list', { roundId }, ctx));
  const select = sqlite.prepare(
    `SELECT b.*, p.name AS partnership FROM bids b JOIN partnerships p ON p.id = b.partnership_id
     WHERE b.round_id = ? ORDER BY b.id`,
  );
  const raw = await measure(() => select.all(roundId));
  row(`list ${BIDS.toLocaleString('en-GB')} bids (bids:list)`, list, raw, 'SELECT of the same rows: ');

  // 3 assessors × every criterion of the framework × every bid, all submitted.
  await ok(
    dispatch('people:add', { name: 'Lee Lead', role: 'lead officer', passphrase: BENCH_PASSPHRASE }, ctx),
  );
  const lead = createContext(ctx.store, 'bench', ctx.now);
  await unlockPerson(lead, ctx.store.people.findByName('Lee Lead')!, BENCH_PASSPHRASE, { remember: false });
  for (const name of ['Amy', 'Bo', 'Cy'])
    await ok(dispatch('people:add', { name, role: 'policy officer' }, lead));
  const framework = await ok(dispatch('frameworks:use', { roundId, template: 'safer-streets' }, lead));
  const people = (
    sqlite.prepare("SELECT id FROM people WHERE name IN ('Amy', 'Bo', 'Cy')").all() as { id: number }[]
  ).map((p) => p.id);
  const bidIds = (
    sqlite.prepare('SELECT id FROM bids WHERE round_id = ?').all(roundId) as { id: number }[]
  ).map((b) => b.id);
  const now = new Date().toISOString();
  sqlite.transaction(() => {
    const assign = sqlite.prepare(
      'INSERT INTO assignments (bid_id, person_id, assigned_at) VALUES (?, ?, ?)',
    );
    const declare = sqlite.prepare(
      'INSERT INTO declarations (bid_id, person_id, conflict, declared_at) VALUES (?, ?, 0, ?)',
    );
    const submit = sqlite.prepare(
      'INSERT INTO submissions (bid_id, person_id, submitted_at) VALUES (?, ?, ?)',
    );
    const score = sqlite.prepare(
      'INSERT INTO scores (bid_id, person_id, criterion_id, score, justification, updated_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const bidId of bidIds)
      for (const personId of people) {
        assign.run(bidId, personId, now);
        declare.run(bidId, personId, now);
        for (const c of framework.criteria)
          score.run(
            bidId,
            personId,
            c.id,
            c.gateway ? 1 : (bidId * 7 + personId + c.id) % 5,
            'Scored for the bench',
            now,
          );
        submit.run(bidId, personId, now);
      }
  })();
  const ranking = await measure(() => dispatch('assessment:ranking', { roundId }, lead), 3);
  const aggregate = sqlite.prepare(
    `SELECT s.bid_id, s.criterion_id, avg(s.score) AS mean FROM scores s
     JOIN bids b ON b.id = s.bid_id
     JOIN submissions u ON u.bid_id = s.bid_id AND u.person_id = s.person_id
     JOIN declarations d ON d.bid_id = s.bid_id AND d.person_id = s.person_id AND d.conflict = 0
     WHERE b.round_id = ? AND s.score IS NOT NULL GROUP BY s.bid_id, s.criterion_id`,
  );
  const sqlMeans = await measure(() => aggregate.all(roundId), 3);
  row(
    `rank ${BIDS.toLocaleString('en-GB')} bids × 3 assessors × ${framework.criteria.length} criteria`,
    ranking,
    sqlMeans,
    'one SQL aggregate of the same means: ',
  );
  connection.close();
}

// ---- a command ---------------------------------------------------------------------------------
function commandLine() {
  const bundle = path.resolve('dist/cli/main.mjs');
  if (!existsSync(bundle))
    spawnSync(process.execPath, ['build/scripts/bundle-cli.mjs'], { stdio: 'inherit' });
  const db = path.join(folder, 'empty.db');
  spawnSync(process.execPath, [bundle, '--db', db, 'rounds', 'list', '--json']); // creates and migrates it
  const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const run = (args: string[]) => {
    const started = performance.now();
    const result = timeTool
      ? spawnSync(timeTool, ['-f', '%M', process.execPath, ...args], { encoding: 'utf8' })
      : spawnSync(process.execPath, args, { encoding: 'utf8' });
    const ms = performance.now() - started;
    const kb = timeTool ? Number(result.stderr.trim().split('\n').pop()) : NaN;
    return { ms, mib: kb / 1024 };
  };
  const samples = Array.from({ length: RUNS + 2 }, () => ({
    cli: run([bundle, '--db', db, 'rounds', 'list', '--json']),
    node: run(['-e', '0']),
  }));
  const cliMs = median(samples.map((s) => s.cli.ms));
  const nodeMs = median(samples.map((s) => s.node.ms));
  const mib = Math.max(...samples.map((s) => s.cli.mib));
  row(
    `a command: rounds list --json, empty database${Number.isFinite(mib) ? ` (${mib.toFixed(0)} MiB peak)` : ''}`,
    cliMs,
    nodeMs,
    'node -e 0: ',
  );
}

// ---- `npm run tranche` straight after `npm install` -------------------------------------------
function tranche() {
  const { tranche: ms, baseline } = afterInstall(folder, RUNS);
  row(
    'npm run tranche -- rounds list, straight after npm install (the bundle, no tsx)',
    ms,
    baseline,
    'node -e 0: ',
  );
}

// ---- a notice of 200 awards as PDF -------------------------------------------------------------
async function notice() {
  const soffice = findSoffice();
  const name = 'notice of 200 awards as PDF: tranche notice --format pdf, end to end';
  if (!soffice) {
    rows.push([name, '', 'LibreOffice (soffice) is not installed: skipped', '']);
    return;
  }
  const pair = await noticeEndToEnd(folder, Math.max(3, RUNS - 2), soffice);
  row(name, pair.tranche, pair.baseline, "LibreOffice converting Tranche's Word notice: ", 'faster');
  // The same export in a running engine, as the app makes it (the issue's first measure), beside the
  // same LibreOffice figure.
  const { connection, ctx } = open(pair.db);
  const engine = await measure(
    () => ok(dispatch('notices:export', { roundId: pair.roundId, format: 'pdf' }, ctx)),
    3,
  );
  connection.close();
  row(
    'the same notice as PDF in a running engine (notices:export)',
    engine,
    pair.baseline,
    'the same: ',
    'faster',
  );
}

// BENCH_ONLY=rank,cli (names: cli, tranche, import, rank, notice, large, large-import, browser) runs
// some of the paths, e.g. while profiling one. By default every row of issue 19's table is run;
// `large` (the 20,000-bid commands, minutes), `large-import` (the 20,000-bid score import alone,
// three times, each beside its raw insert) and `browser` (the pages in Chromium) only when named,
// or with BENCH_LARGE=1 / BENCH_BROWSER=1 beside the default rows.
const only = new Set(
  (process.env.BENCH_ONLY ?? 'cli,tranche,import,rank,notice').split(',').map((n) => n.trim()),
);
if (process.env.BENCH_LARGE === '1') only.add('large');
if (process.env.BENCH_BROWSER === '1') only.add('browser');
if (only.has('cli')) commandLine();
if (only.has('tranche')) tranche();
if (only.has('import')) await importRows();
if (only.has('rank')) await listAndRank();
if (only.has('notice')) await notice();

const header = ['path', 'Tranche', 'baseline', 'ratio'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
if (rows.length > 0) {
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`\nMedians of ${RUNS} runs (3 for ranking and the notice); data in ${folder}`);
}
if (only.has('large') || only.has('large-import')) {
  const [title, figures] = only.has('large')
    ? ['one run each', largeRoundFigures]
    : ['the score import alone, in pairs with its baseline', () => largeImportFigures()];
  console.log(`\n20,000 bids, ${title}, the bundled command line (peak memory: maxRSS of the process)\n`);
  console.log('| command | time | CPU (user + system) | peak memory | note |\n|---|---|---|---|---|');
  for (const f of await figures()) {
    const memory = f.peakMiB === null ? 'n/a' : `${f.peakMiB.toFixed(0)} MiB`;
    const cpu = f.cpuSeconds === null ? 'n/a' : `${f.cpuSeconds.toFixed(1)} s`;
    console.log(`| ${f.command} | ${(f.ms / 1000).toFixed(1)} s | ${cpu} | ${memory} | ${f.note} |`);
  }
}
if (only.has('browser')) {
  console.log(
    '\nThe pages at 10,000 bids in Chromium (npm run bench:browser -- --json), each beside its baseline\n',
  );
  const browser = spawnSync(process.execPath, ['--import', 'tsx', 'build/bench/browser.ts', '--json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  console.log(browser.stdout.trim());
}
