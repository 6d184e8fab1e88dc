import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { databaseHash } from '../support/database-hash';
import { actingAs, testContext, TEST_PASSPHRASE } from '../support/temp-db';
import { addPerson } from '../support/people';

// Assessor packs through the channels, with an office database and an assessor's laptop database
// side by side: what a second pack changes on the copy, how a return merges, and what is refused.

const EVE = 'eve on the train';

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}

/** The office: the demonstration round back at assessment, Eve Ward assigned to every bid. */
async function office() {
  const { ctx, connection } = testContext();
  await ok(dispatch('demo:load', {}, ctx));
  ctx.store.rounds.setStage(1, 'assessment', ctx.now());
  const lead = actingAs(ctx, 'Dan Hughes');
  await ok(addPerson({ name: 'Eve Ward', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
  await ok(dispatch('assessment:assign', { roundId: 1, assessor: 'Eve Ward', all: true }, lead));
  return { ctx, lead, connection, eveId: ctx.store.people.findByName('Eve Ward')!.id };
}

const packFor = (lead: HandlerContext, personName = 'Eve Ward') =>
  dispatch('packs:make', { kind: 'assessor', roundId: 1, personName }, lead);

/** A new installation opening Eve's first pack; the session acts as Eve afterwards. */
async function laptop(pack: { bytesBase64: string; enrolmentCode: string | null }) {
  const { ctx } = testContext();
  const opened = await ok(
    dispatch(
      'packs:open',
      { bytesBase64: pack.bytesBase64, enrolmentCode: pack.enrolmentCode ?? '', newPassphrase: EVE },
      ctx,
    ),
  );
  return { ctx, roundId: opened.roundId };
}

async function scoreAll(ctx: HandlerContext, roundId: number, ref: string, score = 3) {
  const bid = ctx.store.bids.findByRef(roundId, ref)!;
  const framework = ctx.store.frameworks.forRound(roundId)!;
  return ok(
    dispatch(
      'assessment:score',
      {
        bidId: bid.id,
        submit: true,
        scores: framework.criteria.map((c) => ({
          criterionId: c.id,
          score: c.gateway ? 1 : score,
          justification: `Scored ${score} offline: the case shows it plainly`,
        })),
      },
      ctx,
    ),
  );
}

const returned = async (ctx: HandlerContext, roundId: number) =>
  (await ok(dispatch('packs:return', { roundId }, ctx))).bytesBase64;

describe('assessor packs', () => {
  it('updates the copy from a later pack, with no code once the office has pinned the key', async () => {
    const { ctx: officeCtx, lead, eveId } = await office();
    const first = await ok(packFor(lead));
    expect(first.enrolmentCode).not.toBeNull();
    const { ctx: eve, roundId } = await laptop(first);
    await ok(dispatch('assessment:declare', { roundId, bidRefs: ['S1'], conflict: false }, eve));
    const received = await ok(dispatch('packs:receive', { bytesBase64: await returned(eve, roundId) }, lead));
    expect(received).toMatchObject({ added: 1, unchanged: 0, conflicts: [] });
    expect(
      officeCtx.store.scoring.declaration(officeCtx.store.bids.findByRef(1, 'S1')!.id, eveId),
    ).toBeDefined();

    // The office retitles a bid and takes Eve off another; the next pack needs no code.
    const s1 = officeCtx.store.bids.findByRef(1, 'S1')!.id;
    const detail = officeCtx.store.bids.get(s1)!;
    await ok(
      dispatch(
        'bids:update',
        {
          id: s1,
          ref: 'S1',
          partnership: detail.partnership,
          title: 'Retitled at the office',
          requestedPence: detail.requestedPence,
        },
        lead,
      ),
    );
    await ok(
      dispatch(
        'assessment:assign',
        { roundId: 1, assessor: 'Eve Ward', bidRefs: ['W2'], remove: true },
        lead,
      ),
    );
    const second = await ok(packFor(lead));
    expect(second.enrolmentCode).toBeNull();
    const third = await ok(packFor(lead));
    const opened = await ok(dispatch('packs:open', { bytesBase64: third.bytesBase64 }, eve));
    expect(opened).toMatchObject({ roundId, alreadyOpened: false });
    const mine = await ok(dispatch('assessment:myBids', { roundId }, eve));
    expect(mine.map((b) => b.ref)).not.toContain('W2');
    expect(mine.find((b) => b.ref === 'S1')).toMatchObject({
      title: 'Retitled at the office',
      state: 'to_score',
    });

    // An older pack opened after a newer one is refused; the first one again changes nothing; a pack
    // for the office's own round is refused.
    const older = await dispatch('packs:open', { bytesBase64: second.bytesBase64 }, eve);
    expect(older).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('older than the one of') },
    });
    expect(await ok(dispatch('packs:open', { bytesBase64: first.bytesBase64 }, eve))).toMatchObject({
      alreadyOpened: true,
    });
    const ownRound = await dispatch(
      'packs:open',
      { bytesBase64: second.bytesBase64 },
      actingAs(officeCtx, 'Eve Ward'),
    );
    expect(ownRound).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("this database's own") },
    });
  });

  it('merges a return: a later office score is kept and listed, a conflict applies, a reopening stands', async () => {
    const { ctx: officeCtx, lead, eveId } = await office();
    const { ctx: eve, roundId } = await laptop(await ok(packFor(lead)));
    await ok(dispatch('assessment:declare', { roundId, bidRefs: ['S1', 'D1'], conflict: false }, eve));
    await ok(
      dispatch(
        'assessment:declare',
        { roundId, bidRefs: ['W1'], conflict: true, nature: 'Trustee of the applicant charity' },
        eve,
      ),
    );
    await scoreAll(eve, roundId, 'S1', 4);
    await scoreAll(eve, roundId, 'D1', 2);

    // Meanwhile the office holds a later score of Eve's on S1 (entered there after the pack went out).
    const s1 = officeCtx.store.bids.findByRef(1, 'S1')!.id;
    const c1 = officeCtx.store.frameworks.forRound(1)!.criteria.find((c) => c.code === 'C1')!.id;
    officeCtx.store.transaction(() =>
      officeCtx.store.scoring.saveScore(
        s1,
        eveId,
        c1,
        1,
        'Entered at the office much later on',
        false,
        '2030-01-01T00:00:00.000Z',
      ),
    );
    const result = await ok(dispatch('packs:receive', { bytesBase64: await returned(eve, roundId) }, lead));
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        ref: 'S1',
        criterion: 'C1',
        message: expect.stringContaining('later score 1'),
      }),
    ]);
    const officeS1 = officeCtx.store.packs.currentScores(s1, eveId);
    expect(officeS1.find((s) => s.criterionId === c1)?.score).toBe(1);
    expect(
      officeCtx.store.packs.scoreVersions(s1, eveId).some((v) => v.criterionId === c1 && v.score === 4),
    ).toBe(true);
    const w1 = officeCtx.store.bids.findByRef(1, 'W1')!.id;
    expect(officeCtx.store.scoring.declaration(w1, eveId)).toMatchObject({
      conflict: true,
      nature: 'Trustee of the applicant charity',
    });
    const d1 = officeCtx.store.bids.findByRef(1, 'D1')!.id;
    expect(officeCtx.store.scoring.submission(d1, eveId)).toBeDefined();

    // The lead reopens D1; a newer return still carrying the old submission leaves it reopened.
    await ok(
      dispatch('assessment:reopen', { bidId: d1, assessor: 'Eve Ward', reason: 'Check C5 again' }, lead),
    );
    const later = await ok(dispatch('packs:receive', { bytesBase64: await returned(eve, roundId) }, lead));
    expect(later.added).toBe(0);
    expect(later.conflicts.map((c) => c.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('it stays reopened')]),
    );
    expect(officeCtx.store.scoring.submission(d1, eveId)).toBeUndefined();
    // Nor does a return to a pack made after the reopening: it repeats the submission reopened.
    await ok(dispatch('packs:open', { bytesBase64: (await ok(packFor(lead))).bytesBase64 }, eve));
    const afterNewPack = await ok(
      dispatch('packs:receive', { bytesBase64: await returned(eve, roundId) }, lead),
    );
    expect(afterNewPack.added).toBe(0);
    expect(officeCtx.store.scoring.submission(d1, eveId)).toBeUndefined();

    // What the office's assessment page reads: each pack made and received, with what it changed.
    const log = await ok(dispatch('packs:list', { roundId: 1 }, lead));
    expect(log.copyOf).toBeNull();
    expect(log.sent).toHaveLength(2);
    expect(log.received.map((r) => r.person)).toEqual(['Eve Ward', 'Eve Ward', 'Eve Ward']);
    const copyLog = await ok(dispatch('packs:list', { roundId }, eve));
    expect(copyLog.copyOf).toMatchObject({ kind: 'assessor', from: 'Dan Hughes' });
  });

  it('refuses a return once the office has moved the round on, changing nothing', async () => {
    const { lead, connection } = await office();
    const { ctx: eve, roundId } = await laptop(await ok(packFor(lead)));
    await ok(dispatch('assessment:declare', { roundId, bidRefs: ['S1'], conflict: false }, eve));
    await scoreAll(eve, roundId, 'S1', 4);
    const late = await returned(eve, roundId);
    // Scores arriving once the board has the ranking would change it behind the board's back.
    await ok(dispatch('rounds:setStage', { roundId: 1, to: 'board' }, lead));
    const before = databaseHash(connection);
    expect(await dispatch('packs:receive', { bytesBase64: late }, lead)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('has moved on to board review') },
    });
    expect(databaseHash(connection)).toBe(before);
  });

  it('refuses packs for the wrong person, at the wrong stage, and a pack from another office', async () => {
    const { lead } = await office();
    expect(await packFor(lead, 'Frances Doyle')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('this pack goes to a policy officer or lead officer') },
    });
    await ok(addPerson({ name: 'Idle Ian', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
    expect(await packFor(lead, 'Idle Ian')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('not assigned to any bid') },
    });
    expect(
      await dispatch('packs:make', { kind: 'board', roundId: 1, personName: 'Frances Doyle' }, lead),
    ).toMatchObject({
      ok: false,
      // The round is at assessment: the board pack waits for board review.
      error: { message: expect.stringContaining('board packs are made while the round is at board review') },
    });
    const { ctx: eve } = await laptop(await ok(packFor(lead)));
    // Another office, with its own Dan Hughes: his key is not the one Eve's laptop pinned.
    const { lead: otherLead } = await office();
    const other = await ok(packFor(otherLead));
    expect(await dispatch('packs:open', { bytesBase64: other.bytesBase64 }, eve)).toMatchObject({
      ok: false,
      error: {
        message: expect.stringContaining('signed by a key this database does not know for Dan Hughes'),
      },
    });
  });
});
