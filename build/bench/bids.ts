// Prints how long the bid screens' work takes on large rounds. Figures, not a pass/fail test.
// Usage: npm run bench  (or tsx build/bench/bids.ts 1000 10000 50000)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/connection';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { createContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { filterBids, sortBids, emptyBidFilter } from '../../renderer/src/lists/bid-list';
import { makeLargeRound } from './make-large-round';

async function time<T>(work: () => Promise<T> | T, runs = 5): Promise<{ ms: number; value: T }> {
  let value = await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    value = await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)] ?? 0, value };
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
console.log('bids    build(ms)  bids:list(ms)  payload(KB)  dashboard(ms)  filter+sort(ms)  search(ms)');
for (const size of sizes.length ? sizes : [1_000, 10_000, 50_000]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tranche-bench-')), 'bench.db');
  const built = performance.now();
  const roundId = makeLargeRound(file, size);
  const buildMs = performance.now() - built;
  const connection = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
  const ctx = createContext(createStore(connection), 'bench');
  const list = await time(() => dispatch('bids:list', { roundId }, ctx));
  const bids = list.value.ok ? list.value.value : [];
  const dashboard = await time(() => dispatch('rounds:dashboard', { id: roundId }, ctx));
  const view = await time(() =>
    sortBids(filterBids(bids, { ...emptyBidFilter, text: 'scheme', flag: 'problems' }), {
      key: 'requested',
      direction: 'descending',
    }),
  );
  const search = await time(() => dispatch('search:query', { text: 'project 4242', roundId }, ctx));
  const kb = Buffer.byteLength(JSON.stringify(list.value)) / 1024;
  console.log(
    [
      String(size).padEnd(7),
      buildMs.toFixed(0).padStart(9),
      list.ms.toFixed(1).padStart(14),
      kb.toFixed(0).padStart(12),
      dashboard.ms.toFixed(1).padStart(14),
      view.ms.toFixed(1).padStart(16),
      search.ms.toFixed(1).padStart(11),
    ].join('  '),
  );
  connection.close();
}
