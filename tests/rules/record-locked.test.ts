import type Database from 'better-sqlite3';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import type { Channel, Input } from '../../shared/contract';
import { templateFramework } from '../../shared/frameworks';
import { moveRoundTo } from '../support/stages';
import { actingAs, testContext } from '../support/temp-db';

// Issue 9's reproductions that belong to the rule book, the stages, sound decisions and blind
// scoring: each is now refused, with a typed error, and nothing is written.

const csv = (text: string) => Buffer.from(text).toString('base64');

async function demoOffice() {
  const { ctx, connection } = testContext();
  await dispatch('demo:load', {}, ctx);
  const as = (name: string): HandlerContext => actingAs(ctx, name);
  const sqlite = (connection.db as unknown as { $client: Database.Database }).$client;
  const lead = as('Dan Hughes');
  const call = async <C extends Channel>(channel: C, input: Input<C>, who: HandlerContext) => {
    const result = await dispatch(channel, input, who);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  /** Every row of every table of the record, to show that a refusal changed nothing. */
  const snapshot = () =>
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[])
      .filter((t) => !t.startsWith('sqlite_') && !t.startsWith('bid_search'))
      .map((t) => JSON.stringify(sqlite.prepare(`SELECT * FROM "${t}"`).all()))
      .join('\n');
  return { ctx, sqlite, as, lead, call, snapshot };
}

async function signedDemo() {
  const o = await demoOffice();
  await o.call(
    'allocation:set',
    { roundId: 1, bidRef: 'B1', option: 'reduced', reason: 'Chosen by the panel' },
    o.lead,
  );
  await o.call(
    'allocation:set',
    { roundId: 1, bidRef: 'C1', option: 'full', reason: 'Chosen by the panel' },
    o.lead,
  );
  await moveRoundTo(o.lead, 1, 'decision');
  await o.call(
    'notices:sign',
    { roundId: 1, readinessReason: 'The board agreed to go ahead', date: '2026-11-22' },
    o.as('Pat Morgan'),
  );
  return o;
}

const refusedAsSigned = {
  ok: false,
  error: { code: 'conflict', message: expect.stringContaining('signed') },
};

describe('a signed decision', () => {
  it('refuses every write that touches the round, and writes nothing', async () => {
    const o = await signedDemo();
    const before = o.snapshot();
    const b1 = (await o.call('bids:get', { id: o.ctx.store.bids.findByRef(1, 'B1')!.id }, o.lead))!;
    const bidEdit = {
      id: b1.id,
      ref: b1.ref,
      partnership: b1.partnership,
      title: b1.title,
      requestedPence: b1.requestedPence,
    };
    const attempts: [Channel, unknown, HandlerContext][] = [
      ['bids:update', { ...bidEdit, title: 'Retitled after signing' }, o.lead],
      ['bids:update', { ...bidEdit, status: 'withdrawn' }, o.lead],
      ['bids:update', { ...bidEdit, requestedPence: 100 }, o.lead],
      [
        'bids:create',
        { roundId: 1, ref: 'N1', partnership: 'Walsall', title: 'New', requestedPence: 9 },
        o.lead,
      ],
      [
        'bids:import',
        {
          roundId: 1,
          fileName: 'b.csv',
          dataBase64: csv('Ref,Partnership,Project,Amount\nN2,Dudley,X,£1k\n'),
        },
        o.lead,
      ],
      [
        'assessment:importScores',
        {
          roundId: 1,
          fileName: 's.csv',
          dataBase64: csv(
            'bid,assessor,criterion,score,justification\nB1,Asha Patel,C1,1,A long justification\n',
          ),
        },
        o.lead,
      ],
      [
        'assessment:moderate',
        { roundId: 1, bidRef: 'B1', criterion: 'C3', score: 5, reason: 'Moved' },
        o.lead,
      ],
      ['frameworks:use', { roundId: 1, template: 'safer-streets', confirmChangeAfterScoring: true }, o.lead],
      ['shortlist:setRule', { roundId: 1, rule: 'top', topN: 2 }, o.lead],
      ['shortlist:override', { roundId: 1, bidRef: 'W2', included: true, reason: 'Late' }, o.lead],
      ['board:recordView', { roundId: 1, bidRef: 'B1', view: 'do_not_support' }, o.as('Frances Doyle')],
      ['allocation:set', { roundId: 1, bidRef: 'W2', option: 'full' }, o.lead],
      ['scenarios:save', { roundId: 1, name: 'After' }, o.lead],
      ['queries:raise', { bidId: b1.id, text: 'Late query' }, o.lead],
      ['assessment:declare', { roundId: 1, bidRefs: ['B1'], conflict: false }, o.as('Asha Patel')],
      [
        'rounds:update',
        {
          id: 1,
          fund: 'Invest to Save',
          name: '2013-14 tranche 2',
          budgetPence: 7_000_000,
          commitments: [],
        },
        o.lead,
      ],
    ];
    for (const [channel, input, who] of attempts)
      expect(await dispatch(channel, input, who), channel).toMatchObject(refusedAsSigned);
    expect(o.snapshot()).toBe(before);
  });

  it('writes letters and exports from the signed content, never the changed record', async () => {
    const o = await signedDemo();
    // Someone edits the record underneath (here, straight in the file).
    o.sqlite.prepare("UPDATE bids SET title = 'Quietly retitled' WHERE ref = 'B1'").run();
    o.sqlite
      .prepare(
        "UPDATE allocation_items SET amount_pence = 1 WHERE bid_id = (SELECT id FROM bids WHERE ref = 'B1')",
      )
      .run();
    const letters = await o.call('letters:export', { roundId: 1, format: 'docx', ref: 'B1' }, o.lead);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(letters[0]!.dataBase64, 'base64') }))
      .value;
    expect(text).toContain('Youth Violence');
    expect(text).not.toContain('Quietly retitled');
    expect(text).toContain('£90,000');
    expect(letters[0]!.summary).toBe('B1: £90,000 awarded');
    const notice = await o.call('notices:export', { roundId: 1, format: 'docx' }, o.lead);
    const noticeText = (await mammoth.extractRawText({ buffer: Buffer.from(notice.dataBase64, 'base64') }))
      .value;
    expect(noticeText).toContain('Youth Violence');
    expect(noticeText).not.toContain('Quietly retitled');
  });

  it('opens again only by a superseding notice, which puts the round back at its decision', async () => {
    const o = await signedDemo();
    expect(await o.call('rounds:get', { id: 1 }, o.lead)).toMatchObject({ stage: 'signed' });
    expect(await dispatch('rounds:setStage', { roundId: 1, to: 'decision' }, o.lead)).toMatchObject(
      refusedAsSigned,
    );
    await o.call('notices:supersede', { roundId: 1 }, o.lead);
    expect(await o.call('rounds:get', { id: 1 }, o.lead)).toMatchObject({ stage: 'decision' });
    expect(
      (
        await dispatch(
          'allocation:set',
          { roundId: 1, bidRef: 'W2', option: 'full', reason: 'Urgent' },
          o.lead,
        )
      ).ok,
    ).toBe(true);
  });
});

describe('signing needs a sound decision', () => {
  it('refuses to cut the budget or a request below what is already allocated, naming both figures', async () => {
    const o = await demoOffice();
    await o.call('allocation:suggest', { roundId: 1, apply: true }, o.lead);
    const allocation = await o.call('allocation:get', { roundId: 1 }, o.lead);
    expect(allocation.allocatedPence).toBeGreaterThan(7_000_000);
    const before = o.snapshot();
    const cut = await dispatch(
      'rounds:update',
      {
        id: 1,
        fund: 'Invest to Save',
        name: '2013-14 tranche 2',
        financialYear: '2013-14',
        budgetPence: 10_000_000,
        commitments: [{ description: 'Domestic homicide reviews', amountPence: 3_000_000 }],
      },
      o.lead,
    );
    expect(cut).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const message = cut.ok ? '' : cut.error.message;
    expect(message).toContain('£70,000 available');
    expect(message).toContain(`already allocated`);
    const funded = allocation.items[0]!;
    const bid = (await o.call('bids:get', { id: funded.bidId }, o.lead))!;
    const request = await dispatch(
      'bids:update',
      { id: bid.id, ref: bid.ref, partnership: bid.partnership, title: bid.title, requestedPence: 100_00 },
      o.lead,
    );
    expect(request).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(request.ok ? '' : request.error.message).toMatch(
      /already allocated £[\d,]+: its request cannot fall to £100/,
    );
    expect(o.snapshot()).toBe(before);
  });

  it('refuses to sign more than the money available, an award above its request, or a withdrawn award', async () => {
    const o = await demoOffice();
    await o.call(
      'allocation:set',
      { roundId: 1, bidRef: 'B1', option: 'full', reason: 'Chosen by the panel' },
      o.lead,
    );
    await moveRoundTo(o.lead, 1, 'decision');
    const pat = o.as('Pat Morgan');
    // Changes no handler would make, written straight into the file.
    o.sqlite.prepare('UPDATE rounds SET budget_pence = 7000000 WHERE id = 1').run();
    o.sqlite.prepare("UPDATE bids SET requested_pence = 500000, status = 'withdrawn' WHERE ref = 'B1'").run();
    const before = o.snapshot();
    const sign = await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'The board agreed to go ahead' },
      pat,
    );
    expect(sign).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const message = sign.ok ? '' : sign.error.message;
    expect(message).toContain('£100,000 is allocated against £40,000 available');
    expect(message).toContain('B1 is awarded £100,000, more than the £5,000 it requested');
    expect(message).toContain('B1 is withdrawn and cannot be funded');
    expect(await dispatch('notices:create', { roundId: 1 }, o.lead)).toMatchObject({ ok: true });
    expect(
      await dispatch(
        'notices:ready',
        { roundId: 1, readinessReason: 'The board agreed to go ahead' },
        o.lead,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('cannot be sent for sign-off') },
    });
    expect(o.snapshot()).not.toContain('"status":"signed"');
    void before;
  });

  it('refuses to sign while an assigned assessor has not scored a bid, without a recorded reason', async () => {
    const o = await demoOffice();
    await o.call('allocation:set', { roundId: 1, bidRef: 'C1', option: 'full', reason: 'Chosen' }, o.lead);
    const dan = o.ctx.store.people.findByName('Dan Hughes')!;
    o.ctx.store.scoring.assign(o.ctx.store.bids.findByRef(1, 'S1')!.id, dan.id, o.ctx.now());
    await moveRoundTo(o.lead, 1, 'decision');
    const before = o.snapshot();
    expect(
      await dispatch(
        'notices:sign',
        { roundId: 1, readinessReason: 'The board agreed to go ahead' },
        o.as('Pat Morgan'),
      ),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('Dan Hughes has not submitted scores for S1'),
      },
    });
    expect(o.snapshot()).toBe(before);
    // Ben Clarke's conflict in W1 is a recorded reason: without Dan's gap the decision can be signed.
    o.ctx.store.scoring.unassign(o.ctx.store.bids.findByRef(1, 'S1')!.id, dan.id);
    expect(
      await dispatch(
        'notices:sign',
        { roundId: 1, readinessReason: 'The board agreed to go ahead' },
        o.as('Pat Morgan'),
      ),
    ).toMatchObject({ ok: true });
  });
});

describe('blind scoring', () => {
  it('keeps the ranking, moderation, shortlist, board and panel packs to the panel', async () => {
    const o = await demoOffice();
    for (const name of ['Asha Patel', 'Ben Clarke']) {
      for (const [channel, input] of [
        ['assessment:ranking', { roundId: 1 }],
        ['assessment:rankingRows', { roundId: 1 }],
        ['assessment:breakdown', { roundId: 1, bidId: 1 }],
        ['assessment:moderation', { roundId: 1 }],
        ['shortlist:get', { roundId: 1 }],
        ['board:pack', { roundId: 1 }],
        ['assessment:panelPack', { roundId: 1, format: 'xlsx' }],
        ['allocation:suggest', { roundId: 1 }],
      ] as const)
        expect(await dispatch(channel, input, o.as(name)), `${channel} as ${name}`).toMatchObject({
          ok: false,
          error: {
            code: 'forbidden',
            message: expect.stringMatching(/^Only a lead officer, board member or commissioner/),
          },
        });
    }
    for (const name of ['Dan Hughes', 'Frances Doyle', 'Pat Morgan'])
      expect((await dispatch('assessment:ranking', { roundId: 1 }, o.as(name))).ok, name).toBe(true);
  });

  it('shows a lead officer who assesses no scores before they submit, nor for a conflict', async () => {
    const o = await demoOffice();
    // Back to assessment by hand (stages only move forward), sealed in the chain like any write.
    o.ctx.store.transaction(() => o.ctx.store.rounds.setStage(1, 'assessment', o.ctx.now()));
    await o.call('assessment:assign', { roundId: 1, assessor: 'Dan Hughes', bidRefs: ['S1', 'W1'] }, o.lead);
    for (const [channel, input] of [
      ['assessment:ranking', { roundId: 1 }],
      ['assessment:rankingRows', { roundId: 1 }],
      ['assessment:breakdown', { roundId: 1, bidId: o.ctx.store.bids.findByRef(1, 'B1')!.id }],
    ] as const)
      expect(await dispatch(channel, input, o.lead), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('has not submitted scores for S1, W1') },
      });
    await o.call(
      'assessment:declare',
      { roundId: 1, bidRefs: ['S1', 'W1'], conflict: true, nature: 'Former trustee' },
      o.lead,
    );
    const ranking = await o.call('assessment:ranking', { roundId: 1 }, o.lead);
    expect(ranking.map((r) => r.ref)).not.toContain('S1');
    expect(ranking.map((r) => r.ref)).toContain('B1');
    const rows = await o.call('assessment:rankingRows', { roundId: 1 }, o.lead);
    expect(rows.map((r) => r.ref)).toEqual(ranking.map((r) => r.ref));
    const breakdown = (ref: string) =>
      dispatch('assessment:breakdown', { roundId: 1, bidId: o.ctx.store.bids.findByRef(1, ref)!.id }, o.lead);
    expect(await breakdown('S1')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await breakdown('B1')).toMatchObject({
      ok: true,
      value: { criteria: ranking.find((r) => r.ref === 'B1')!.criteria },
    });
    const moderation = await o.call('assessment:moderation', { roundId: 1 }, o.lead);
    expect(moderation.items.every((i) => i.ref !== 'S1' && i.ref !== 'W1')).toBe(true);
  });

  it('makes a submitted sheet final until a lead officer reopens it, with a reason on the record', async () => {
    const o = await demoOffice();
    // Back to assessment by hand (stages only move forward), sealed in the chain like any write.
    o.ctx.store.transaction(() => o.ctx.store.rounds.setStage(1, 'assessment', o.ctx.now()));
    const asha = o.as('Asha Patel');
    const s1 = o.ctx.store.bids.findByRef(1, 'S1')!.id;
    const sheet = await o.call('assessment:sheet', { bidId: s1 }, asha);
    const firstSubmitted = sheet.submittedAt;
    expect(firstSubmitted).not.toBeNull();
    const changed = sheet.own.map((s) => ({ ...s, score: s.score === null ? null : Math.min(1, s.score) }));
    const before = o.snapshot();
    expect(
      await dispatch('assessment:score', { bidId: s1, scores: changed, submit: true }, asha),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('a submitted sheet is final') },
    });
    expect(
      await dispatch('assessment:reopen', { bidId: s1, assessor: 'Asha Patel', reason: 'Mine' }, asha),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(o.snapshot()).toBe(before);
    expect((await o.call('assessment:sheet', { bidId: s1 }, asha)).submittedAt).toBe(firstSubmitted);

    const reopened = await o.call(
      'assessment:reopen',
      { bidId: s1, assessor: 'Asha Patel', reason: 'Scored against the wrong case' },
      o.lead,
    );
    expect(reopened.submittedAt).toBeNull();
    expect(o.ctx.store.scoring.reopeningsForRound(1)).toEqual([
      expect.objectContaining({
        bidId: s1,
        submittedAt: firstSubmitted,
        reason: 'Scored against the wrong case',
      }),
    ]);
    const resubmitted = await o.call('assessment:score', { bidId: s1, scores: changed, submit: true }, asha);
    expect(resubmitted.submittedAt).not.toBe(firstSubmitted);
    expect(resubmitted.history.length).toBeGreaterThan(sheet.history.length);
  });

  it('keeps every declaration, and lets only a lead officer withdraw a conflict, with a reason', async () => {
    const o = await demoOffice();
    // Back to assessment by hand (stages only move forward), sealed in the chain like any write.
    o.ctx.store.transaction(() => o.ctx.store.rounds.setStage(1, 'assessment', o.ctx.now()));
    const ben = o.as('Ben Clarke');
    const w1 = o.ctx.store.bids.findByRef(1, 'W1')!.id;
    const benId = o.ctx.store.people.findByName('Ben Clarke')!.id;
    const before = o.snapshot();
    expect(
      await dispatch('assessment:declare', { roundId: 1, bidRefs: ['W1'], conflict: false }, ben),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('only a lead officer') },
    });
    expect(
      await dispatch(
        'assessment:declare',
        { roundId: 1, assessor: 'Ben Clarke', bidRefs: ['W1'], conflict: false },
        o.lead,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('reason') },
    });
    expect(o.snapshot()).toBe(before);
    await o.call(
      'assessment:declare',
      {
        roundId: 1,
        assessor: 'Ben Clarke',
        bidRefs: ['W1'],
        conflict: false,
        reason: 'Left Walsall in 2012',
      },
      o.lead,
    );
    const history = o.ctx.store.scoring.declarationHistory(w1, benId);
    expect(history.map((h) => [h.conflict, h.reason])).toEqual([
      [true, null],
      [false, 'Left Walsall in 2012'],
    ]);
  });

  it('retires a scored criterion dropped from the framework instead of deleting its score history', async () => {
    const o = await demoOffice();
    // Back to assessment by hand (stages only move forward), sealed in the chain like any write.
    o.ctx.store.transaction(() => o.ctx.store.rounds.setStage(1, 'assessment', o.ctx.now()));
    const count = () =>
      (
        o.sqlite
          .prepare(
            "SELECT count(*) AS n FROM score_history h JOIN criteria c ON c.id = h.criterion_id WHERE c.code = 'C6'",
          )
          .get() as { n: number }
      ).n;
    const scored = count();
    expect(scored).toBeGreaterThan(0);
    const framework = templateFramework('invest-to-save');
    const kept = framework.criteria.filter((c) => c.code !== 'C6');
    const c5 = kept.find((c) => c.code === 'C5')!;
    c5.weight += framework.criteria.find((c) => c.code === 'C6')!.weight;
    const updated = await o.call(
      'frameworks:update',
      { roundId: 1, ...framework, criteria: kept, confirmChangeAfterScoring: true, reason: 'Drop C6' },
      o.lead,
    );
    expect(updated.criteria.map((c) => c.code)).not.toContain('C6');
    expect(count()).toBe(scored);
    expect(
      o.sqlite.prepare("SELECT retired_at FROM criteria WHERE code = 'C6'").pluck().get(),
    ).not.toBeNull();
  });
});
