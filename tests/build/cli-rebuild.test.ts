import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm run tranche` rebuilds dist/cli when a source is newer (build/scripts/bundle-cli.mjs). A
// command started before a rebuild loads some chunks only later (a channel's schemas, its handler,
// the audit recording of a write), so the rebuild leaves the files already there in place (it
// used to swap the whole folder, and such a command failed: "no such file … chunk-….mjs"), and
// removes only files no build has written for a day.

describe('rebuilding the bundled command line', () => {
  it('keeps the files a running command may still load, and removes day-old ones', () => {
    const recent = path.resolve('dist/cli/chunk-TESTRECENT.mjs');
    const stale = path.resolve('dist/cli/chunk-TESTSTALE.mjs');
    expect(existsSync('dist/cli/main.mjs'), 'run `npm run build` first (npm test does)').toBe(true);
    writeFileSync(recent, 'export {};\n');
    writeFileSync(stale, 'export {};\n');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);

    const build = spawnSync(process.execPath, ['build/scripts/bundle-cli.mjs'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(stale)).toBe(false);
    rmSync(recent);

    const help = spawnSync(process.execPath, ['dist/cli/main.mjs', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: tranche');
  }, 120_000);

  it('is current straight after it is built: `npm run tranche` runs it without building it again', () => {
    const build = spawnSync(process.execPath, ['build/scripts/bundle-cli.mjs'], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    // Every file the bundle lists as built from is a file (tranche.mjs compares their times).
    const inputs = JSON.parse(readFileSync('dist/cli/inputs.json', 'utf8')) as string[];
    expect(inputs.filter((file) => !existsSync(file))).toEqual([]);
    const built = statSync('dist/cli/main.mjs').mtimeMs;
    const run = spawnSync(process.execPath, ['build/scripts/tranche.mjs', '--help'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(statSync('dist/cli/main.mjs').mtimeMs).toBe(built);
  }, 120_000);
});
