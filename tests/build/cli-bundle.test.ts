import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '../../shared/people';
import { tempDir, tempDbFile } from '../support/temp-db';

// `npm run tranche` runs the esbuild bundle in dist/cli when it is built. The other command-line
// tests run the sources, so this one runs the bundle itself on the commands that load the Excel,
// Word and PDF libraries lazily: a library that works from node_modules can fail once bundled.

const BUNDLE = 'dist/cli/main.mjs';

function tranche(db: string, ...args: string[]) {
  return spawnSync(process.execPath, [BUNDLE, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TRANCHE_PASSPHRASE: DEMO_PASSPHRASE },
  });
}

describe('the bundled command line', () => {
  it('has been built before the tests that run it', () => {
    expect(existsSync(BUNDLE), 'run `npm run build` first (npm test does)').toBe(true);
  });

  it('writes the notice as PDF and Word, the panel pack and letters, as the sources do', () => {
    const db = tempDbFile();
    const out = tempDir();
    expect(tranche(db, 'demo').status).toBe(0);
    const lead = ['--as', 'Dan Hughes'];
    // A notice is drafted (by `notice` itself, for a lead officer) only at the decision stage.
    expect(tranche(db, ...lead, 'stage', '--round', '1', '--to', 'decision').status).toBe(0);
    for (const [format, file] of [
      ['pdf', 'notice.pdf'],
      ['docx', 'notice.docx'],
    ] as const) {
      const run = tranche(
        db,
        ...lead,
        'notice',
        '--round',
        '1',
        '--format',
        format,
        '--out',
        path.join(out, file),
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    expect(readFileSync(path.join(out, 'notice.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const pack = tranche(
      db,
      ...lead,
      'panel-pack',
      '--round',
      '1',
      '--format',
      'xlsx',
      '--out',
      path.join(out, 'p.xlsx'),
    );
    expect(pack.status, pack.stderr).toBe(0);
    const letters = tranche(
      db,
      ...lead,
      'letters',
      '--round',
      '1',
      '--format',
      'pdf',
      '--out',
      path.join(out, 'l'),
    );
    expect(letters.status, letters.stderr).toBe(0);
    // And it answers --help like the sources.
    const version = execFileSync(process.execPath, [BUNDLE, '--help'], { encoding: 'utf8' });
    expect(version).toContain('Usage: tranche');
    // Six processes, each loading the bundle and unlocking a key (scrypt): on a loaded two-core CI
    // machine that takes longer than one in-process test is allowed.
  }, 90_000);

  it('judges a new passphrase (zxcvbn, loaded lazily) as the sources do', () => {
    const add = (passphrase: string) =>
      spawnSync(
        process.execPath,
        [BUNDLE, '--db', tempDbFile(), 'people', 'add', '--name', 'Dan Hughes', '--role', 'lead officer'],
        { encoding: 'utf8', env: { ...process.env, TRANCHE_NEW_PASSPHRASE: passphrase } },
      );
    const weak = add('password1');
    expect([weak.status, weak.stderr]).toEqual([2, expect.stringContaining('too easy to guess')]);
    const strong = add('kettle harbour violet lantern');
    expect(strong.stderr).toBe('');
    expect(strong.status).toBe(0);
  }, 60_000);

  it('is rebuilt by `npm run tranche` when a source is newer, rather than running the sources', () => {
    // As if the bundle had been built long ago and the sources changed since (a pull, an edit).
    const longAgo = new Date('2001-01-01T00:00:00Z');
    utimesSync(BUNDLE, longAgo, longAgo);
    const started = Date.now();
    const run = spawnSync(process.execPath, ['build/scripts/tranche.mjs', '--help'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: tranche');
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
  }, 60_000);

  it('is built when Tranche is installed', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.postinstall).toContain('node build/scripts/after-install.mjs');
    expect(readFileSync('build/scripts/after-install.mjs', 'utf8')).toContain('bundleCli()');
  });
});
