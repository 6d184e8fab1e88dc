import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { verifyDatabase } from '../../db/audit/verify';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { createStore } from '../../db/store';
import { DEMO_PASSPHRASE } from '../../shared/people';
import { runCli } from '../../electron/cli/run';
import { tempDbFile } from '../support/temp-db';
import { signedRound, tamper } from './signed-round';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { TRANCHE_PASSPHRASE: DEMO_PASSPHRASE },
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('verify and audit on the command line', () => {
  it('verify prints { ok, problems, notes, signedBy, signedOn, fingerprint }: exit 0, or 2 naming it', async () => {
    const { file, connection } = await signedRound();
    connection.close();
    const good = await cli(['--db', file, 'verify', '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({
      ok: true,
      problems: [],
      notes: [],
      signedBy: null,
      signedOn: null,
      fingerprint: null,
    });
    tamper(file, "UPDATE bids SET requested_pence = 1 WHERE ref = 'B1'");
    const bad = await cli(['--db', file, 'verify']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/^bids row \(id \d+\) does not match audit entry \d+ \(requested_pence\)/);
    expect(bad.stderr).toMatch(/does not verify: 1 problem\(s\)/);
  });

  it('audit --round lists at, person, operation, summary; lead officers and commissioner only', async () => {
    const { file, connection } = await signedRound();
    connection.close();
    const listed = await cli(['--db', file, '--as', 'Pat Morgan', 'audit', '--round', '1', '--json']);
    expect(listed.code).toBe(0);
    const entries = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(Object.keys(entries[0] ?? {})).toEqual(['at', 'person', 'operation', 'summary']);
    expect(entries.at(-1)).toMatchObject({ person: 'Pat Morgan', operation: 'notices:sign' });
    const refused = await cli(['--db', file, '--as', 'Asha Patel', 'audit', '--round', '1', '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Only a lead officer or commissioner can see a round's history/);
  });
});

describe('changes a stopped process left unrecorded', () => {
  it('are sealed at the next start as an entry that says so', () => {
    const file = tempDbFile();
    const first = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    // A write outside any transaction or operation is noted by the triggers but not yet sealed,
    // as when a process is killed between the two.
    createStore(first).funds.findOrCreate('Left behind', '2026-01-01T00:00:00.000Z');
    expect(first.sqlite.prepare('SELECT count(*) FROM audit_pending').pluck().get()).toBe(1);
    first.close();
    const second = openDatabase(file, { migrationsFolder: MIGRATIONS_FOLDER });
    expect(second.health.notes).toContainEqual(expect.stringMatching(/left unrecorded/));
    const last = second.sqlite
      .prepare('SELECT operation, summary FROM audit_entries ORDER BY seq DESC LIMIT 1')
      .get() as { operation: string; summary: string };
    expect(last.operation).toBe('audit:recovered');
    expect(last.summary).toMatch(/^Changes found unrecorded at start .*funds 1/);
    expect(verifyDatabase(second).problems).toEqual([]);
    second.close();
  });
});
