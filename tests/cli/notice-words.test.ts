import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../db/migrations-folder';
import { runCli } from '../../electron/cli/run';
import { TEST_KDF, TEST_PASSPHRASE, tempDbFile } from '../support/temp-db';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { TRANCHE_PASSPHRASE: TEST_PASSPHRASE },
    migrationsFolder: MIGRATIONS_FOLDER,
    version: '0.0.0-test',
    kdf: TEST_KDF,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('notice set and partnerships on the command line', () => {
  it('sets the board meeting, refuses a bad date with exit 2, and lists and adds partnerships', async () => {
    const db = tempDbFile();
    expect((await cli(['--db', db, 'demo'])).code).toBe(0);
    const lead = ['--db', db, '--as', 'Dan Hughes'];
    // The demonstration's 2013 round waits in board review; the notice is written at the decision stage.
    expect((await cli([...lead, 'stage', '--round', '1', '--to', 'decision'])).stderr).toBe('');

    const set = await cli([
      ...lead,
      'notice',
      'set',
      '--round',
      '1',
      '--board-name',
      'Strategic Policing and Crime Board',
      '--board-date',
      '2013-11-05',
      '--json',
    ]);
    expect(set.stderr).toBe('');
    expect(JSON.parse(set.stdout)).toMatchObject({
      boardName: 'Strategic Policing and Crime Board',
      boardDate: '2013-11-05',
    });
    const bad = await cli([...lead, 'notice', 'set', '--round', '1', '--board-date', '5/11/2013']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/board date must be a real date/);
    expect((await cli([...lead, 'notice', 'set', '--round', '1'])).code).toBe(2);

    const added = await cli([...lead, 'partnerships', 'add', '--name', 'Safer Telford Partnership']);
    expect(added.code).toBe(0);
    const list = await cli(['--db', db, 'partnerships', 'list', '--json']);
    const partnerships = JSON.parse(list.stdout) as { name: string; office: boolean }[];
    expect(partnerships.filter((p) => p.office).map((p) => p.name)).toEqual(
      expect.arrayContaining(['Safer Telford Partnership', 'Wolverhampton Community Safety Partnership']),
    );
    const again = await cli([...lead, 'partnerships', 'add', '--name', 'Safer Telford Partnership']);
    expect(again.code).toBe(2);
  });
});
