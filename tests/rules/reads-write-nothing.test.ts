import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { CHANNELS, contract, type Channel } from '../../shared/contract';
import { ROLES, type Role } from '../../shared/people';
import { RULE_BOOK } from '../../shared/rule-book';
import { STAGES } from '../../shared/stages';
import { signedRound } from '../support/grants';
import { actingAs } from '../support/temp-db';

// Reads are reads: every read channel, called as every role (and as nobody) in every stage of a
// round on a populated database (the demonstration, with round 1 signed and its grants made),
// leaves the database file and its write-ahead log byte for byte as they were. Dispatch gives
// reads a store over a read-only connection, so they cannot write.

const PEOPLE: Record<Role, string> = {
  lead_officer: 'Dan Hughes',
  policy_officer: 'Asha Patel',
  board_member: 'Frances Doyle',
  commissioner: 'Pat Morgan',
};

const csv = (text: string) => Buffer.from(text).toString('base64');

/** The bytes of the database and its WAL, hashed. */
function fileBytes(file: string): string {
  const hash = createHash('sha256');
  for (const part of [file, `${file}-wal`]) hash.update(existsSync(part) ? readFileSync(part) : 'absent');
  return hash.digest('hex');
}

/** One input per read channel about the round: the first of these that its contract accepts. */
function sampleInputs(
  reads: Channel[],
  roundId: number,
  bid: { id: number; ref: string },
  fund: string,
): Map<Channel, unknown> {
  const candidates: unknown[] = [
    {},
    { roundId },
    { id: roundId },
    { bidId: bid.id },
    { roundId, bidId: bid.id },
    { roundId, format: 'docx' },
    { roundId, format: 'xlsx' },
    { roundId, includeArchived: true },
    { includeArchived: true },
    { fund },
    { text: 'youth', roundId },
    { text: 'youth' },
    { roundId, bidRef: bid.ref },
    { from: '2026-04-01', to: '2027-03-31', format: 'xlsx' },
    { roundId, orgId: 'GB-GOV-12' },
    {
      roundId,
      fileName: 'bids.csv',
      dataBase64: csv('Ref,Partnership,Project,Amount\nZ8,Walsall,One,£10k\n'),
    },
  ];
  const inputs = new Map<Channel, unknown>();
  for (const channel of reads) {
    const input = candidates.find((c) => contract[channel].input.safeParse(c).success);
    expect(input, `a sample input for ${channel}`).toBeDefined();
    inputs.set(channel, input);
  }
  return inputs;
}

describe('read channels', () => {
  it('write nothing, for every role in every stage', async () => {
    const { ctx, connection, file } = await signedRound();
    // Round 1 is signed with its grants made; round 2 has no notice drafted, which exporting one
    // used to draft and number.
    expect(ctx.store.notices.forRound(2)).toHaveLength(0);
    const reads = CHANNELS.filter((c) => RULE_BOOK[c].access === 'read');
    const sqlite = connection.sqlite;
    let calls = 0;
    for (const roundId of [1, 2]) {
      const inputs = sampleInputs(
        reads,
        roundId,
        ctx.store.bids.listForRound(roundId)[0]!,
        ctx.store.rounds.get(roundId)!.fund,
      );
      for (const stage of STAGES) {
        ctx.store.rounds.setStage(roundId, stage, ctx.now());
        sqlite.pragma('wal_checkpoint(TRUNCATE)');
        const before = fileBytes(file);
        for (const actor of [...ROLES, 'nobody'] as const) {
          for (const channel of reads) {
            const as =
              actor === 'nobody' ? createContext(ctx.store, 'test', ctx.now) : actingAs(ctx, PEOPLE[actor]);
            const result = await dispatch(channel, inputs.get(channel), as);
            calls += 1;
            if (!result.ok)
              expect(
                result.error.code,
                `${channel} as ${actor} at ${stage}: ${result.error.message}`,
              ).not.toBe('internal');
          }
        }
        expect(fileBytes(file), `round ${roundId}'s database after every read at ${stage}`).toBe(before);
      }
    }
    expect(calls).toBe(2 * STAGES.length * (ROLES.length + 1) * reads.length);
  }, 300_000);
});
