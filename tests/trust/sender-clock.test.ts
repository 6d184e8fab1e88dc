import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { readPack, writePack } from '../../electron/packs/format';
import type { OutboundKind } from '../../shared/packs';
import { databaseHash } from '../support/database-hash';
import { keyOf } from '../support/pack-cli';
import { addPerson } from '../support/people';
import { actingAs, testContext, TEST_PASSPHRASE } from '../support/temp-db';
import { must } from '../audit/signed-round';
import { openedAway } from './pack-away';

// Issue 17: a received return's times are the office's receipt time, never the sender's claim,
// and which version stands never depends on a laptop's clock. A sender who crafts their own
// return (their laptop, their key) dating its work ahead, a day or a century, outranks nothing the
// office recorded after the pack went out, and no date of theirs lands in the office's record.

const LAPTOP_PASSPHRASE = 'away from the office';

/** Every time a laptop can claim in a return, set to `at`, re-signed with the sender's own key. */
function dated(bytes: string, at: string, key: ReturnType<typeof keyOf>): string {
  const { body } = readPack(Buffer.from(bytes, 'base64'));
  body.header.packId = randomUUID();
  body.header.createdAt = at;
  const payload = body.payload as Record<string, { at?: string; submittedAt?: string }[] | string>;
  for (const rows of Object.values(payload))
    if (Array.isArray(rows))
      for (const row of rows) {
        row.at = at;
        if ('submittedAt' in row) row.submittedAt = at;
      }
  return writePack(body, key).toString('base64');
}

/** Every row of the office's record that holds `text` anywhere, by table. */
function rowsHolding(sqlite: Database.Database, text: string): Record<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const found: Record<string, number> = {};
  for (const table of tables) {
    if (table.startsWith('audit_')) continue; // the record of the pack itself names what it carried
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    const n = rows.filter((row) => JSON.stringify(row).includes(text)).length;
    if (n > 0) found[table] = n;
  }
  return found;
}

/** A pack to `person` opened on their new laptop, with the laptop's context. */
async function away(lead: HandlerContext, kind: OutboundKind, person: string) {
  const { laptop, opened } = await openedAway(lead, kind, person, LAPTOP_PASSPHRASE);
  const returned = async () =>
    must(await dispatch('packs:return', { roundId: opened.roundId }, laptop.ctx)).bytesBase64;
  return {
    laptop: laptop.ctx,
    roundId: opened.roundId,
    returned,
    key: () => keyOf(laptop.file, person, LAPTOP_PASSPHRASE),
  };
}

/** The office with Eve Ward assessing away from it; she scores S1 3 on her laptop, then 2 at the office. */
async function assessorOffice() {
  const { ctx, connection } = testContext();
  must(await dispatch('demo:load', {}, ctx));
  ctx.store.rounds.setStage(1, 'assessment', ctx.now());
  const lead = actingAs(ctx, 'Dan Hughes');
  must(await addPerson({ name: 'Eve Ward', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
  must(await dispatch('assessment:assign', { roundId: 1, assessor: 'Eve Ward', all: true }, lead));
  const eve = await away(lead, 'assessor', 'Eve Ward');
  const score = async (who: HandlerContext, roundId: number, value: number, words: string) => {
    const bid = who.store.bids.findByRef(roundId, 'S1')!;
    must(await dispatch('assessment:declare', { roundId, bidRefs: ['S1'], conflict: false }, who));
    must(
      await dispatch(
        'assessment:score',
        {
          bidId: bid.id,
          scores: who.store.frameworks
            .forRound(roundId)!
            .criteria.map((c) => ({ criterionId: c.id, score: c.gateway ? 1 : value, justification: words })),
        },
        who,
      ),
    );
  };
  await score(eve.laptop, eve.roundId, 3, 'Scored 3 on the train');
  // After the pack went out, Eve changes her mind at the office.
  await score(actingAs(ctx, 'Eve Ward'), 1, 2, 'Scored 2 at the office after the pack went out');
  const s1 = ctx.store.bids.findByRef(1, 'S1')!.id;
  const eveId = ctx.store.people.findByName('Eve Ward')!.id;
  const c1 = ctx.store.frameworks.forRound(1)!.criteria.find((c) => c.code === 'C1')!.id;
  const officeC1 = () => ctx.store.packs.currentScores(s1, eveId).find((s) => s.criterionId === c1)!;
  return { ctx, connection, lead, eve, officeC1, history: () => ctx.store.packs.scoreVersions(s1, eveId) };
}

describe('a return dated by its sender', () => {
  it.each([
    // The office's clock reads 22 November 2026, 9 a.m. (tests/support/temp-db.ts).
    ['23 hours ahead (within any allowance for a clock)', '2026-11-23T08:00:00.000Z'],
    ['in 2099', '2099-01-01T00:00:00.000Z'],
  ])('does not outrank a score the office recorded after the pack went out, dated %s', async (_, at) => {
    const o = await assessorOffice();
    const before = o.officeC1();
    expect(before.score).toBe(2);
    const result = await dispatch(
      'packs:receive',
      { bytesBase64: dated(await o.eve.returned(), at, o.eve.key()) },
      o.lead,
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    // The office's later score stands; the return's is listed and kept in the history only.
    expect(o.officeC1()).toEqual(before);
    expect(result.value.conflicts).toContainEqual(
      expect.objectContaining({
        ref: 'S1',
        criterion: 'C1',
        message: expect.stringContaining('later score 2'),
      }),
    );
    const theirs = o.history().filter((v) => v.score === 3);
    expect(theirs.length).toBeGreaterThan(0);
    // Recorded when the office received it, by the office's clock: nothing of the sender's date.
    const received = o.ctx.store.packs.receivedForRound(1)[0]!;
    expect(theirs.every((v) => v.at === received.receivedAt)).toBe(true);
    expect(received.createdAt).toBe(received.receivedAt);
    expect(rowsHolding(o.connection.sqlite, at.slice(0, 13))).toEqual({});
    o.connection.close();
  });

  it("does not outrank a board member's view the office recorded after the pack went out", async () => {
    const { ctx, connection } = testContext();
    must(await dispatch('demo:load', {}, ctx));
    ctx.store.rounds.setStage(1, 'board', ctx.now());
    const lead = actingAs(ctx, 'Dan Hughes');
    const frances = await away(lead, 'board', 'Frances Doyle');
    must(
      await dispatch(
        'board:recordView',
        { roundId: frances.roundId, bidRef: 'B1', view: 'support', comment: 'Read on the train' },
        frances.laptop,
      ),
    );
    must(
      await dispatch(
        'board:recordView',
        { roundId: 1, bidRef: 'B1', view: 'do_not_support', comment: 'Said at the board meeting' },
        actingAs(ctx, 'Frances Doyle'),
      ),
    );
    const at = '2099-01-01T00:00:00.000Z';
    const result = await dispatch(
      'packs:receive',
      { bytesBase64: dated(await frances.returned(), at, frances.key()) },
      lead,
    );
    expect(result).toMatchObject({ ok: true });
    const b1 = ctx.store.bids.findByRef(1, 'B1')!.id;
    expect(
      ctx.store.board.views(1).find((v) => v.bidId === b1 && v.person === 'Frances Doyle'),
    ).toMatchObject({
      view: 'do_not_support',
      comment: 'Said at the board meeting',
    });
    expect(rowsHolding(connection.sqlite, '2099')).toEqual({});
    connection.close();
  });

  it('is recorded at the office receipt time when nothing at the office is newer', async () => {
    const { ctx, connection } = testContext();
    must(await dispatch('demo:load', {}, ctx));
    ctx.store.rounds.setStage(1, 'board', ctx.now());
    const lead = actingAs(ctx, 'Dan Hughes');
    const frances = await away(lead, 'board', 'Frances Doyle');
    must(
      await dispatch(
        'board:recordView',
        { roundId: frances.roundId, bidRef: 'C1', view: 'support', comment: 'Read on the train' },
        frances.laptop,
      ),
    );
    // Dated long ago: the office still takes it (nothing there is newer) and records it as received now.
    const result = await dispatch(
      'packs:receive',
      { bytesBase64: dated(await frances.returned(), '2001-01-01T00:00:00.000Z', frances.key()) },
      lead,
    );
    expect(result).toMatchObject({ ok: true });
    const c1 = ctx.store.bids.findByRef(1, 'C1')!.id;
    const view = ctx.store.board.views(1).find((v) => v.bidId === c1 && v.person === 'Frances Doyle');
    expect(view).toMatchObject({ view: 'support', comment: 'Read on the train' });
    expect(view!.at).toBe(ctx.store.packs.receivedForRound(1)[0]!.receivedAt);
    expect(rowsHolding(connection.sqlite, '2001-01-01')).toEqual({});
    connection.close();
  });

  it("cannot date a decision from a commissioner's laptop whose clock is set back or on", async () => {
    const { ctx, connection } = testContext();
    must(await dispatch('demo:load', {}, ctx));
    const lead = actingAs(ctx, 'Dan Hughes');
    must(await dispatch('allocation:suggest', { roundId: 1, apply: true }, lead));
    must(await dispatch('rounds:setStage', { roundId: 1, to: 'decision' }, lead));
    must(await dispatch('notices:create', { roundId: 1 }, lead));
    must(await dispatch('notices:ready', { roundId: 1, readinessReason: 'Board views were taken' }, lead));
    const made = must(await dispatch('packs:make', { kind: 'signoff', roundId: 1 }, lead));
    /** Pat's laptop with its clock at `day`: the copy opened, the notice signed "today", returned. */
    const signedOn = async (day: string) => {
      const laptop = testContext();
      let tick = 0;
      laptop.ctx.now = () => new Date(Date.parse(`${day}T10:00:00Z`) + 1000 * tick++).toISOString();
      const opened = must(
        await dispatch(
          'packs:open',
          {
            bytesBase64: made.bytesBase64,
            enrolmentCode: made.enrolmentCode!,
            newPassphrase: LAPTOP_PASSPHRASE,
          },
          laptop.ctx,
        ),
      );
      must(await dispatch('notices:sign', { roundId: opened.roundId, interests: 'None' }, laptop.ctx));
      return must(await dispatch('packs:return', { roundId: opened.roundId }, laptop.ctx)).bytesBase64;
    };
    const before = databaseHash(connection);
    for (const [day, words] of [
      ['2013-09-01', '1 September 2013'],
      ['2099-01-01', '1 January 2099'],
    ] as const)
      expect(await dispatch('packs:receive', { bytesBase64: await signedOn(day) }, lead)).toMatchObject({
        ok: false,
        error: {
          message: expect.stringContaining(`is dated ${words}, but the office made its sign-off pack on`),
        },
      });
    expect(databaseHash(connection)).toBe(before);
    // Signed on the office's day (22 November 2026), it is taken.
    expect(
      await dispatch('packs:receive', { bytesBase64: await signedOn('2026-11-22') }, lead),
    ).toMatchObject({
      ok: true,
    });
    connection.close();
  });
});
