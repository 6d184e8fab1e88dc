import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import { moveRoundTo } from '../support/stages';
import { TEST_PASSPHRASE, actingAs, testContext } from '../support/temp-db';
import { addPerson } from '../support/people';
import { MIN_JUSTIFICATION } from '../../shared/assessment';

/** A small office and a round of two bids with the Invest to Save framework. */
async function office() {
  const { ctx, connection } = testContext();
  const as = (name: string): HandlerContext => actingAs(ctx, name);
  const ok = async <T>(
    result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
  ) => {
    const r = await result;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  await ok(addPerson({ name: 'Lee Lead', role: 'lead officer', passphrase: TEST_PASSPHRASE }, ctx));
  const lead = as('Lee Lead');
  await ok(addPerson({ name: 'Amy Assessor', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
  await ok(addPerson({ name: 'Bo Assessor', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead));
  await ok(addPerson({ name: 'Bella Board', role: 'board_member', passphrase: TEST_PASSPHRASE }, lead));
  const round = await ok(
    dispatch('rounds:create', { fund: 'Invest to Save', name: 'Test round', budgetPence: 100_000_00 }, lead),
  );
  for (const ref of ['A1', 'A2'])
    await ok(
      dispatch(
        'bids:create',
        {
          roundId: round.id,
          ref,
          partnership: 'Safer Walsall Partnership',
          title: `Bid ${ref}`,
          requestedPence: 1_000_000,
        },
        lead,
      ),
    );
  const framework = await ok(
    dispatch('frameworks:use', { roundId: round.id, template: 'invest-to-save' }, lead),
  );
  for (const assessor of ['Amy Assessor', 'Bo Assessor'])
    await ok(dispatch('assessment:assign', { roundId: round.id, assessor, all: true }, lead));
  await moveRoundTo(lead, round.id, 'assessment');
  return {
    ctx,
    connection,
    as,
    ok,
    lead,
    roundId: round.id,
    framework,
    bidId: async (ref: string) =>
      (await ok(dispatch('bids:list', { roundId: round.id }, lead))).find((b) => b.ref === ref)!.id,
  };
}

const reason = 'A justification long enough to count.';
function allScores(framework: { criteria: { id: number; gateway: boolean }[] }, value: number) {
  return framework.criteria.map((c) => ({
    criterionId: c.id,
    score: c.gateway ? 1 : value,
    justification: reason,
  }));
}

describe('assessment', () => {
  it('hides other assessors\u2019 scores for a bid until you submit your own', async () => {
    const o = await office();
    const amy = o.as('Amy Assessor');
    const bo = o.as('Bo Assessor');
    const a1 = await o.bidId('A1');
    await dispatch('assessment:declare', { roundId: o.roundId, bidRefs: ['A1'], conflict: false }, amy);
    await dispatch('assessment:declare', { roundId: o.roundId, bidRefs: ['A1'], conflict: false }, bo);
    await o.ok(
      dispatch('assessment:score', { bidId: a1, scores: allScores(o.framework, 5), submit: true }, amy),
    );

    const boBefore = await o.ok(dispatch('assessment:sheet', { bidId: a1 }, bo));
    expect(boBefore.others).toBeNull();
    expect(JSON.stringify(boBefore)).not.toContain('"score":5');
    await o.ok(
      dispatch('assessment:score', { bidId: a1, scores: allScores(o.framework, 2), submit: false }, bo),
    );
    expect((await o.ok(dispatch('assessment:sheet', { bidId: a1 }, bo))).others).toBeNull();

    await o.ok(
      dispatch('assessment:score', { bidId: a1, scores: allScores(o.framework, 2), submit: true }, bo),
    );
    const boAfter = await o.ok(dispatch('assessment:sheet', { bidId: a1 }, bo));
    expect(boAfter.others).toEqual([
      { person: 'Amy Assessor', scores: expect.arrayContaining([expect.objectContaining({ score: 5 })]) },
    ]);
    // A board member never reaches the scoring sheet at all.
    expect(await dispatch('assessment:sheet', { bidId: a1 }, o.as('Bella Board'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('declares all of an assessor\u2019s bids in one write, a conflict only where one is named', async () => {
    const o = await office();
    const amy = o.as('Amy Assessor');
    const before = await o.ok(dispatch('audit:history', { roundId: o.roundId }, o.lead));
    const declared = await o.ok(
      dispatch(
        'assessment:declare',
        {
          roundId: o.roundId,
          bidRefs: ['A1', 'A2'],
          conflict: false,
          conflicts: [{ bidRef: 'A2', nature: 'My sister chairs the partnership' }],
        },
        amy,
      ),
    );
    expect(declared).toEqual({ declared: 2 });
    const progress = await o.ok(dispatch('assessment:progress', { roundId: o.roundId }, o.lead));
    expect(progress.declarations.filter((d) => d.person === 'Amy Assessor')).toEqual([
      expect.objectContaining({ ref: 'A1', conflict: false }),
      expect.objectContaining({ ref: 'A2', conflict: true, nature: 'My sister chairs the partnership' }),
    ]);
    const after = await o.ok(dispatch('audit:history', { roundId: o.roundId }, o.lead));
    expect(after.length - before.length).toBe(1);
    const mine = await o.ok(dispatch('assessment:myBids', { roundId: o.roundId }, amy));
    expect(mine.map((b) => [b.ref, b.state])).toEqual([
      ['A1', 'to_score'],
      ['A2', 'conflict'],
    ]);

    // A conflict named on a bid outside the declaration, or without its nature, changes nothing.
    const bo = o.as('Bo Assessor');
    const outside = await dispatch(
      'assessment:declare',
      {
        roundId: o.roundId,
        bidRefs: ['A1'],
        conflict: false,
        conflicts: [{ bidRef: 'A2', nature: 'A friend' }],
      },
      bo,
    );
    expect(outside).toMatchObject({
      ok: false,
      error: { message: 'A2 is not among the bids being declared' },
    });
    const noNature = await dispatch(
      'assessment:declare',
      { roundId: o.roundId, all: true, conflict: false, conflicts: [{ bidRef: 'A2', nature: ' ' }] },
      bo,
    );
    expect(noNature.ok).toBe(false);
    expect(
      (await o.ok(dispatch('assessment:myBids', { roundId: o.roundId }, bo))).map((b) => b.state),
    ).toEqual(['declare', 'declare']);
    // An assessor cannot quietly withdraw their own conflict by declaring everything again.
    const again = await dispatch(
      'assessment:declare',
      { roundId: o.roundId, all: true, conflict: false },
      amy,
    );
    expect(again).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('only a lead officer') },
    });
  });

  it('ranks a bid on the remaining assessor alone once the other declares a conflict', async () => {
    const o = await office();
    const a1 = await o.bidId('A1');
    for (const [name, value] of [
      ['Amy Assessor', 5],
      ['Bo Assessor', 1],
    ] as const) {
      await o.ok(
        dispatch('assessment:declare', { roundId: o.roundId, bidRefs: ['A1'], conflict: false }, o.as(name)),
      );
      await o.ok(
        dispatch(
          'assessment:score',
          { bidId: a1, scores: allScores(o.framework, value), submit: true },
          o.as(name),
        ),
      );
    }
    const before = (await o.ok(dispatch('assessment:ranking', { roundId: o.roundId }, o.lead))).find(
      (r) => r.ref === 'A1',
    );
    expect(before).toMatchObject({ weightedScore: 60, assessorCount: 2 });

    await o.ok(
      dispatch(
        'assessment:declare',
        { roundId: o.roundId, bidRefs: ['A1'], conflict: true, nature: 'Chairs the applicant board' },
        o.as('Bo Assessor'),
      ),
    );
    const after = (await o.ok(dispatch('assessment:ranking', { roundId: o.roundId }, o.lead))).find(
      (r) => r.ref === 'A1',
    );
    expect(after).toMatchObject({ weightedScore: 100, assessorCount: 1 });
    expect(
      await dispatch(
        'assessment:score',
        { bidId: a1, scores: allScores(o.framework, 3), submit: true },
        o.as('Bo Assessor'),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('conflict of interest') },
    });
    const sheet = await o.ok(dispatch('assessment:sheet', { bidId: a1 }, o.as('Bo Assessor')));
    expect(sheet.others).toBeNull();
    const progress = await o.ok(dispatch('assessment:progress', { roundId: o.roundId }, o.lead));
    expect(progress.declarations).toContainEqual(
      expect.objectContaining({
        ref: 'A1',
        person: 'Bo Assessor',
        conflict: true,
        nature: 'Chairs the applicant board',
      }),
    );
    expect(progress.bids.find((b) => b.ref === 'A1')?.warning).toContain('1 assessor without a conflict');
  });

  it(
    'refuses scoring before a declaration, off the scale, or submitted without justifications, and keeps ' +
      'every version',
    async () => {
      const o = await office();
      const amy = o.as('Amy Assessor');
      const a2 = await o.bidId('A2');
      expect(
        await dispatch(
          'assessment:score',
          { bidId: a2, scores: allScores(o.framework, 3), submit: false },
          amy,
        ),
      ).toMatchObject({ ok: false, error: { message: expect.stringContaining('must declare') } });
      await o.ok(dispatch('assessment:declare', { roundId: o.roundId, all: true, conflict: false }, amy));
      expect(
        await dispatch(
          'assessment:score',
          { bidId: a2, scores: allScores(o.framework, 6), submit: false },
          amy,
        ),
      ).toMatchObject({ ok: false, error: { message: expect.stringContaining('off the scale (0 to 5)') } });
      const short = o.framework.criteria.map((c) => ({
        criterionId: c.id,
        score: c.gateway ? 1 : 3,
        justification: 'ok',
      }));
      expect(
        await dispatch('assessment:score', { bidId: a2, scores: short, submit: true }, amy),
      ).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('justification of at least 20 characters') },
      });
      await o.ok(dispatch('assessment:score', { bidId: a2, scores: short, submit: false }, amy));
      await o.ok(
        dispatch('assessment:score', { bidId: a2, scores: allScores(o.framework, 4), submit: true }, amy),
      );
      const sheet = await o.ok(dispatch('assessment:sheet', { bidId: a2 }, amy));
      expect(
        sheet.history
          .filter((h) => h.criterionId === o.framework.criteria[1]!.id)
          .map((h) => [h.score, h.submitted]),
      ).toEqual([
        [3, false],
        [4, true],
      ]);
    },
  );

  it('keeps framework editing to lead officers, and asks for confirmation once scoring has started', async () => {
    const o = await office();
    expect(
      await dispatch(
        'frameworks:use',
        { roundId: o.roundId, template: 'safer-streets' },
        o.as('Amy Assessor'),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Only a lead officer') },
    });
    await o.ok(
      dispatch(
        'assessment:declare',
        { roundId: o.roundId, all: true, conflict: false },
        o.as('Amy Assessor'),
      ),
    );
    await o.ok(
      dispatch(
        'assessment:score',
        { bidId: await o.bidId('A1'), scores: allScores(o.framework, 3), submit: false },
        o.as('Amy Assessor'),
      ),
    );
    expect(
      await dispatch('frameworks:use', { roundId: o.roundId, template: 'safer-streets' }, o.lead),
    ).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('confirm') } });
    const changed = await o.ok(
      dispatch(
        'frameworks:use',
        { roundId: o.roundId, template: 'safer-streets', confirmChangeAfterScoring: true },
        o.lead,
      ),
    );
    expect(changed.changes).toEqual([
      expect.objectContaining({ by: 'Lee Lead', summary: expect.stringContaining('safer-streets') }),
    ]);
    const weights = {
      scaleMin: 0,
      scaleMax: 5,
      descriptors: ['a', 'b', 'c', 'd', 'e', 'f'],
      threshold: 50,
      criteria: [{ code: 'X', name: 'Only', weight: 90 }],
    };
    expect(
      await dispatch(
        'frameworks:update',
        { roundId: o.roundId, ...weights, confirmChangeAfterScoring: true },
        o.lead,
      ),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('add up to 90%') } });
  });

  it('imports a scores file all or nothing, naming the row with a missing justification', async () => {
    const o = await office();
    for (const name of ['Amy Assessor', 'Bo Assessor'])
      await o.ok(
        dispatch('assessment:declare', { roundId: o.roundId, all: true, conflict: false }, o.as(name)),
      );
    const rows = (assessor: string, ref: string, value: number) =>
      o.framework.criteria.map((c) => `${ref},${assessor},${c.code},${c.gateway ? 1 : value},"${reason}"`);
    const good = [
      'bid,assessor,criterion,score,justification',
      ...rows('Amy Assessor', 'A1', 4),
      ...rows('Bo Assessor', 'A1', 2),
    ];
    const bad = [...good];
    bad[3] = bad[3]!.replace(`"${reason}"`, '""');
    const file = (lines: string[]) => ({
      roundId: o.roundId,
      fileName: 'scores.csv',
      dataBase64: Buffer.from(lines.join('\n')).toString('base64'),
    });
    const refused = await dispatch('assessment:importScores', file(bad), o.lead);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Nothing was imported: 1 problem in scores.csv' },
    });
    expect(!refused.ok && refused.error.issues?.[0]?.message).toMatch(
      /^Row 4: C2: the justification is missing/,
    );
    expect(
      (await o.ok(dispatch('assessment:ranking', { roundId: o.roundId }, o.lead))).every(
        (r) => r.assessorCount === 0,
      ),
    ).toBe(true);

    expect(await o.ok(dispatch('assessment:importScores', file(good), o.lead))).toEqual({ imported: 14 });
    expect((await o.ok(dispatch('assessment:ranking', { roundId: o.roundId }, o.lead)))[0]).toMatchObject({
      ref: 'A1',
      weightedScore: 60,
      assessorCount: 2,
    });
    const unknown = await dispatch(
      'assessment:importScores',
      file([
        'bid,assessor,criterion,score,justification',
        `Z9,Amy Assessor,C1,3,"${reason}"`,
        `A2,Amy Assessor,C9,3,"${reason}"`,
        `A2,Nobody,C1,3,"${reason}"`,
        `A2,Amy Assessor,C1,9,"${reason}"`,
      ]),
      o.lead,
    );
    expect(!unknown.ok && unknown.error.issues?.map((i) => i.message)).toEqual([
      'Row 2: there is no bid "Z9" in this round',
      expect.stringMatching(/^Row 3: "C9" is not a criterion of this round/),
      'Row 4: there is no person called "Nobody"',
      'Row 5: C1: 9 is off the scale (0 to 5)',
    ]);
  });

  it('names every bad row of a scores file in its own words, and each sheet left short once', async () => {
    const o = await office();
    await o.ok(
      dispatch(
        'assessment:declare',
        { roundId: o.roundId, bidRefs: ['A1'], conflict: false },
        o.as('Amy Assessor'),
      ),
    );
    await o.ok(
      dispatch(
        'assessment:declare',
        { roundId: o.roundId, bidRefs: ['A1'], conflict: true, nature: 'Chairs the partnership' },
        o.as('Bo Assessor'),
      ),
    );
    const file = (lines: string[]) => ({
      roundId: o.roundId,
      fileName: 'scores.csv',
      dataBase64: Buffer.from(['bid,assessor,criterion,score,justification', ...lines].join('\n')).toString(
        'base64',
      ),
    });
    const issues = async (lines: string[], as = o.lead) => {
      const r = await dispatch('assessment:importScores', file(lines), as);
      return !r.ok && r.error.issues?.map((i) => i.message);
    };
    expect(
      await issues([
        `A1,Bella Board,C1,3,"${reason}"`,
        `A2,Amy Assessor,C1,3,"${reason}"`,
        `A1,Bo Assessor,C1,3,"${reason}"`,
        `A1,Amy Assessor,C1,three,"${reason}"`,
        `A1,Amy Assessor,C1,3,"${reason}"`,
        `A1,Amy Assessor,c1,4,"${reason}"`,
        'A1,Amy Assessor,C2,3,Too short',
      ]),
    ).toEqual([
      'Row 2: Bella Board is not assigned to A1',
      'Row 3: Amy Assessor has not declared interests in A2',
      'Row 4: Bo Assessor has a conflict of interest in A1',
      'Row 5: the score "three" is not a whole number',
      'Row 7: A1 C1 for Amy Assessor is already on row 6',
      `Row 8: C2: the justification is missing or shorter than ${MIN_JUSTIFICATION} characters`,
    ]);
    expect(await issues([`A1,Bo Assessor,C1,3,"${reason}"`], o.as('Amy Assessor'))).toEqual([
      "Row 2: only a lead officer can import Bo Assessor's scores",
    ]);
    // Rows that are each sound but leave a sheet short are refused once per sheet.
    expect(await issues([`A1,Amy Assessor,C1,3,"${reason}"`, `A1,Amy Assessor,C3,3,"${reason}"`])).toEqual([
      `A1 for Amy Assessor: no score for ${o.framework.criteria
        .map((c) => c.code)
        .filter((c) => c !== 'C1' && c !== 'C3')
        .join(', ')} (every criterion is needed, as imported scores count as submitted)`,
    ]);
  });

  it('moderates divergent scores: only a lead may, and the moderated score replaces the mean', async () => {
    const o = await office();
    const a1 = await o.bidId('A1');
    for (const [name, value] of [
      ['Amy Assessor', 5],
      ['Bo Assessor', 1],
    ] as const) {
      await o.ok(
        dispatch('assessment:declare', { roundId: o.roundId, all: true, conflict: false }, o.as(name)),
      );
      await o.ok(
        dispatch(
          'assessment:score',
          { bidId: a1, scores: allScores(o.framework, value), submit: true },
          o.as(name),
        ),
      );
    }
    const view = await o.ok(dispatch('assessment:moderation', { roundId: o.roundId }, o.lead));
    expect(view.items.map((i) => i.criterion.split(' ')[0])).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6']);
    expect(view.distributions).toEqual([
      { person: 'Amy Assessor', counts: [0, 0, 0, 0, 0, 6], mean: 5 },
      { person: 'Bo Assessor', counts: [0, 6, 0, 0, 0, 0], mean: 1 },
    ]);
    expect(
      await dispatch('assessment:moderation', { roundId: o.roundId }, o.as('Amy Assessor')),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await dispatch(
        'assessment:moderate',
        { roundId: o.roundId, bidRef: 'A1', criterion: 'C1', score: 5, reason: 'Agreed' },
        o.as('Bo Assessor'),
      ),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ranked = await o.ok(
      dispatch(
        'assessment:moderate',
        {
          roundId: o.roundId,
          bidRef: 'A1',
          criterion: 'C1',
          score: 5,
          reason: 'Evidence supports the higher score',
        },
        o.lead,
      ),
    );
    // C1 weighs 25: its mean of 3 (0.6 × 25 = 15) becomes 5 (25), so the score rises by 10.
    expect(ranked.find((r) => r.ref === 'A1')).toMatchObject({
      weightedScore: 70,
      criteria: expect.arrayContaining([expect.objectContaining({ code: 'C1', value: 5, moderated: true })]),
    });
  });
});

describe('priority alignment and queries', () => {
  it('records how strongly each assessor judges a bid advances each priority, and shows coverage', async () => {
    const { ctx } = testContext();
    await addPerson({ name: 'Lee Lead', role: 'lead_officer', passphrase: TEST_PASSPHRASE }, ctx);
    const lead = actingAs(ctx, 'Lee Lead');
    await addPerson({ name: 'Amy Assessor', role: 'policy_officer', passphrase: TEST_PASSPHRASE }, lead);
    const amy = actingAs(ctx, 'Amy Assessor');
    const plan = await dispatch(
      'plans:create',
      {
        title: 'Plan',
        period: '2025–2029',
        priorities: ['P1', 'P2', 'P3'].map((code) => ({ code, title: `Priority ${code}`, children: [] })),
      },
      lead,
    );
    const planId = plan.ok ? plan.value.id : 0;
    const round = await dispatch('rounds:create', { fund: 'F', name: 'R', budgetPence: 100, planId }, lead);
    const roundId = round.ok ? round.value.id : 0;
    const bid = await dispatch(
      'bids:create',
      {
        roundId,
        ref: 'Q1',
        partnership: 'Walsall',
        title: 'Bid',
        requestedPence: 50,
        claimedPriorityIds: [plan.ok ? plan.value.priorities[2]!.id : 0],
      },
      lead,
    );
    const bidId = bid.ok ? bid.value.id : 0;
    await dispatch('frameworks:use', { roundId, template: 'invest-to-save' }, lead);
    await dispatch('assessment:assign', { roundId, assessor: 'Amy Assessor', all: true }, lead);
    await moveRoundTo(lead, roundId, 'assessment');
    const [p1, p2, p3] = plan.ok ? plan.value.priorities : [];
    expect(
      await dispatch(
        'assessment:align',
        { bidId, alignments: [{ priorityId: p1!.id, strength: 'strong' }] },
        amy,
      ),
    ).toMatchObject({ ok: false, error: { message: expect.stringContaining('must declare') } });
    await dispatch('assessment:declare', { roundId, all: true, conflict: false }, amy);
    expect(
      await dispatch(
        'assessment:align',
        {
          bidId,
          alignments: [
            { priorityId: p1!.id, strength: 'strong' },
            { priorityId: p2!.id, strength: 'some' },
          ],
        },
        amy,
      ),
    ).toEqual({ ok: true, value: { saved: 2 } });
    const view = await dispatch('assessment:alignment', { bidId }, amy);
    expect(view.ok && view.value).toMatchObject({
      claimed: [p3!.id],
      mine: expect.arrayContaining([{ priorityId: p1!.id, strength: 'strong' }]),
    });
    const coverage = await dispatch('assessment:coverage', { roundId }, lead);
    expect(
      coverage.ok && coverage.value.priorities.map((p) => [p.code, p.strong, p.some, p.claimedBy]),
    ).toEqual([
      ['P1', ['Q1'], [], []],
      ['P2', [], ['Q1'], []],
      ['P3', [], [], ['Q1']],
    ]);
  });

  it('raises a query that the panel sees until it is resolved with a note', async () => {
    const { ctx } = testContext();
    await dispatch('demo:load', {}, ctx);
    const as = (name: string) => actingAs(ctx, name);
    const bids = await dispatch('bids:list', { roundId: 1 }, as('Dan Hughes'));
    const c2 = bids.ok ? bids.value.find((b) => b.ref === 'C2')!.id : 0;
    const raised = await dispatch(
      'queries:raise',
      { bidId: c2, text: "Costs don't add up: ask Coventry for the corrected total", assignTo: 'Asha Patel' },
      as('Ben Clarke'),
    );
    expect(raised).toMatchObject({
      ok: true,
      value: [{ raisedBy: 'Ben Clarke', assignedTo: 'Asha Patel', resolution: null }],
    });
    const ranking = await dispatch('assessment:ranking', { roundId: 1 }, as('Frances Doyle'));
    const c2Rank = ranking.ok ? ranking.value.find((r) => r.ref === 'C2') : undefined;
    expect(c2Rank?.openQueries).toEqual(["Costs don't add up: ask Coventry for the corrected total"]);
    expect(c2Rank?.checks).toEqual([
      'Cost lines add up to £37,960, but the stated total is £38,000 (£40 short)',
    ]);
    const id = raised.ok ? raised.value[0]!.id : 0;
    expect(await dispatch('queries:resolve', { id, resolution: 'Fixed' }, as('Chloe Evans'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await dispatch(
        'queries:resolve',
        { id, resolution: 'Coventry confirmed £37,960; bid amended.' },
        as('Asha Patel'),
      ),
    ).toMatchObject({ ok: true, value: [{ resolvedBy: 'Asha Patel' }] });
    const after = await dispatch('assessment:ranking', { roundId: 1 }, as('Frances Doyle'));
    expect(after.ok && after.value.find((r) => r.ref === 'C2')?.openQueries).toEqual([]);
  });
});
