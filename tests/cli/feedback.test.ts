import { describe, expect, it } from 'vitest';
import { cli } from '../support/pack-cli';
import { TEST_PASSPHRASE, tempDbFile } from '../support/temp-db';

// feedback set / approve / list: letters' feedback in the office's words, approved by a lead officer.

const env = { TRANCHE_PASSPHRASE: TEST_PASSPHRASE };

describe('feedback on the command line', () => {
  it('drafts as an officer, approves as a lead officer, and refuses a board member with exit 2', async () => {
    const db = tempDbFile();
    expect((await cli(['--db', db, 'demo'], env)).code).toBe(0);
    const as = (name: string) => ['--db', db, '--as', name];
    const drafted = await cli(
      [
        ...as('Asha Patel'),
        'feedback',
        'set',
        '--round',
        '1',
        '--bid',
        'B1',
        '--criterion',
        'C2',
        '--text',
        'Good data',
      ],
      env,
    );
    expect(drafted.stderr).toBe('');
    expect(drafted.stdout).toMatch(/B1\s+C2\s+awaiting a lead officer\s+Good data/);

    const board = await cli(
      [
        ...as('Frances Doyle'),
        'feedback',
        'set',
        '--round',
        '1',
        '--bid',
        'B1',
        '--criterion',
        'C2',
        '--text',
        'x',
      ],
      env,
    );
    expect(board.code).toBe(2);
    expect(board.stderr).toContain('write feedback for the letters');

    const approved = await cli(
      [...as('Dan Hughes'), 'feedback', 'approve', '--round', '1', '--bid', 'B1', '--json'],
      env,
    );
    expect(JSON.parse(approved.stdout)).toEqual([
      {
        ref: 'B1',
        criterion: 'C2',
        text: 'Good data',
        writtenBy: 'Asha Patel',
        approvedBy: 'Dan Hughes',
        approved: true,
      },
    ]);
    const twice = await cli([...as('Dan Hughes'), 'feedback', 'approve', '--round', '1', '--bid', 'B1'], env);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('No feedback on B1 awaits approval');
  });
});
