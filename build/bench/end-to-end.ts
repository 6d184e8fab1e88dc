// Paths of `npm run bench` timed end to end as a user runs them, each a process of its own beside
// its baseline, interleaved (baseline, Tranche, baseline, Tranche …) so that load from other work
// falls on both alike; the figure is the median of each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../electron/handlers/dispatch';
import { makeAwardedRound } from './awarded-round';
import { BENCH_PASSPHRASE } from './scored-round';

export interface Pair {
  tranche: number;
  baseline: number;
}

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;

function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const started = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  if (run.status !== 0)
    throw new Error(`${path.basename(command)} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

/** Runs both `runs` times, interleaved, after one run of each that is not counted (first-use costs). */
function interleaved(runs: number, tranche: () => number, baseline: () => number): Pair {
  tranche();
  baseline();
  const pairs = Array.from({ length: runs }, () => ({ baseline: baseline(), tranche: tranche() }));
  return { tranche: median(pairs.map((p) => p.tranche)), baseline: median(pairs.map((p) => p.baseline)) };
}

function ensureBundle(bundle: string): void {
  if (!existsSync(bundle))
    spawnSync(process.execPath, ['build/scripts/bundle-cli.mjs'], { stdio: 'inherit' });
}

/**
 * `npm run tranche -- rounds list` as it runs after `npm install`: build/scripts/tranche.mjs checks
 * the bundle is current and runs it (never the sources through tsx), against `node -e 0`.
 */
export function afterInstall(folder: string, runs: number): Pair {
  ensureBundle(path.resolve('dist/cli/main.mjs'));
  const db = path.join(folder, 'after-install.db');
  const args = ['build/scripts/tranche.mjs', '--db', db, 'rounds', 'list', '--json'];
  timed(process.execPath, args); // creates and migrates the database
  return interleaved(
    runs,
    () => timed(process.execPath, args),
    () => timed(process.execPath, ['-e', '0']),
  );
}

export function findSoffice(): string | null {
  return ['soffice', 'libreoffice'].find((name) => spawnSync(name, ['--version']).status === 0) ?? null;
}

/**
 * The Notice of Decision of a round of 200 awards as PDF: `tranche notice --format pdf` (the
 * bundled command line, a process of its own: start-up, the database, drafting read, the PDF
 * written to disk) against LibreOffice converting Tranche's own Word notice of the same round
 * (`soffice --headless --convert-to pdf`, also a process of its own), as an office without
 * Tranche's PDF would make it.
 */
export async function noticeEndToEnd(
  folder: string,
  runs: number,
  soffice: string,
): Promise<Pair & { roundId: number; db: string }> {
  const bundle = path.resolve('dist/cli/main.mjs');
  ensureBundle(bundle);
  const db = path.join(folder, 'notice.db');
  const round = await makeAwardedRound(db, 200);
  const word = await dispatch('notices:export', { roundId: round.roundId, format: 'docx' }, round.ctx);
  round.close();
  if (!word.ok) throw new Error(word.error.message);
  const docx = path.join(folder, 'notice.docx');
  writeFileSync(docx, Buffer.from(word.value.dataBase64, 'base64'));
  const out = path.join(folder, 'converted');
  mkdirSync(out, { recursive: true });
  // A profile of its own, so another LibreOffice running on the machine is not asked instead.
  const profile = `-env:UserInstallation=file://${path.join(folder, 'libreoffice-profile')}`;
  const env = { ...process.env, TRANCHE_PASSPHRASE: BENCH_PASSPHRASE };
  const args = [bundle, '--db', db, '--as', 'Lee Lead', 'notice', '--round', String(round.roundId)];
  const pair = interleaved(
    runs,
    () =>
      timed(process.execPath, [...args, '--format', 'pdf', '--out', path.join(folder, 'notice.pdf')], env),
    () => timed(soffice, [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, docx]),
  );
  return { ...pair, roundId: round.roundId, db };
}
