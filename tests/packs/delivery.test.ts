import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../electron/handlers/context';
import { dispatch } from '../../electron/handlers/dispatch';
import { refusalOf, signedRound } from '../support/grants';
import { hashOf } from '../support/pack-cli';
import { testContext } from '../support/temp-db';

// Delivery packs: an officer takes a signed round's grants away from the office, records due
// diligence, claims and monitoring returns on their copy, and the office applies the signed return
// as that officer's own writes: the same rules, the office's clock, all or nothing.

const ASHA = 'asha on the road';

async function ok<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}

type Office = Awaited<ReturnType<typeof signedRound>>;

/** The office signed on 1 May 2026, so the quarter to June is over by the day set. */
async function office(day = '2026-07-10') {
  const o = await signedRound('2026-05-01');
  o.setDay(day);
  return o;
}

const packFor = (o: Office, personName = 'Asha Patel') =>
  dispatch('packs:make', { kind: 'delivery', roundId: 1, personName }, o.lead);

/** Asha's laptop, new, with the pack opened on it; its clock is the test's. */
async function laptop(made: { bytesBase64: string; enrolmentCode: string | null }, day = '2026-07-10') {
  const { ctx, file } = testContext();
  let tick = 0;
  let today = day;
  ctx.now = () => new Date(Date.parse(`${today}T10:00:00Z`) + 1000 * tick++).toISOString();
  const opened = await ok(
    dispatch(
      'packs:open',
      { bytesBase64: made.bytesBase64, enrolmentCode: made.enrolmentCode!, newPassphrase: ASHA },
      ctx,
    ),
  );
  return {
    ctx,
    file,
    roundId: opened.roundId,
    setDay: (d: string) => {
      today = d;
      tick = 0;
    },
  };
}

const diligence = (roundId: number, bidRef: string) => ({
  roundId,
  bidRef,
  bankConfirmed: true,
  accountableBody: 'Solihull Metropolitan Borough Council',
  fraudRisk: 'low' as const,
  reason: 'Bank letter seen on the visit; council accounts audited',
});

/** A filled monitoring return from the grant's own template, on whichever database. */
async function returnFile(ctx: HandlerContext, roundId: number, bidRef: string, receivedOn = '') {
  const template = await ok(dispatch('returns:template', { roundId, bidRef }, ctx));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(template.dataBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  let below = false;
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (below) row.getCell(2).value = 'Fewer repeat victims';
    const answers: Record<string, string | number> = {
      'Received on': receivedOn,
      'Spend to date (£)': 8_000,
      Outputs: '12 households visited',
      Risks: 'Recruitment slower than planned',
      Narrative: 'On track after a slow start',
      'RAG (green, amber or red)': 'amber',
    };
    if (typeof label === 'string' && label in answers) row.getCell(2).value = answers[label]!;
    if (label === 'Priority') below = true;
  });
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

const count = (o: Office, table: string) =>
  (o.ctx.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('delivery packs', () => {
  it('carries due diligence, claims and returns recorded away from the office back as the officer’s own', async () => {
    const o = await office();
    const made = await ok(packFor(o));
    expect(made.to).toEqual({ name: 'Asha Patel', role: 'policy_officer' });
    const asha = await laptop(made);
    const r = asha.roundId;

    // The copy holds the office's grants and applies the office's rules: no claim before diligence.
    const grants = await ok(dispatch('grants:list', { roundId: r }, asha.ctx));
    expect(grants.map((g) => [g.ref, g.awardedPence, g.status])).toEqual([
      ['S1', 5_000_000, 'agreement_drafted'],
      ['D1', 4_000_000, 'agreement_drafted'],
    ]);
    const claim = { roundId: r, bidRef: 'S1', amountPence: 1_000_000, period: '2026-27-Q1' };
    expect(refusalOf(await dispatch('claims:add', claim, asha.ctx))).toMatch(
      /^conflict: Due diligence on grant S1 is not complete/,
    );
    await ok(dispatch('grants:diligence', diligence(r, 'S1'), asha.ctx));
    expect(await ok(dispatch('claims:add', claim, asha.ctx))).toMatchObject({ status: 'recorded' });
    const imported = await ok(
      dispatch(
        'returns:import',
        { roundId: r, fileName: 'S1.xlsx', dataBase64: await returnFile(asha.ctx, r, 'S1', '2026-07-09') },
        asha.ctx,
      ),
    );
    expect(imported).toMatchObject({ ref: 'S1', dueOn: '2026-08-01', receivedOn: '2026-07-09', late: false });

    // Only delivery work is written on the copy: paying, scheduling or varying stays at the office.
    for (const [channel, input] of [
      ['claims:approve', { roundId: r, claimId: 1 }],
      [
        'grants:schedule',
        { roundId: r, bidRef: 'S1', years: [{ financialYear: '2026-27', allocationPence: 1 }] },
      ],
      ['grants:close', { roundId: r, bidRef: 'S1', finalReport: 'Done' }],
    ] as const)
      expect(refusalOf(await dispatch(channel, input, asha.ctx)), channel).toMatch(
        /forbidden: (This round is a copy from your office: only due diligence, claims and monitoring returns|Only a)/,
      );

    const back = await ok(dispatch('packs:return', { roundId: r }, asha.ctx));
    o.setDay('2026-07-20');
    const received = await ok(dispatch('packs:receive', { bytesBase64: back.bytesBase64 }, o.lead));
    expect(received).toMatchObject({
      kind: 'return',
      of: 'delivery',
      from: { name: 'Asha Patel' },
      added: 3,
      unchanged: 0,
      conflicts: [],
    });
    const s1 = await o.call('grants:get', { roundId: 1, bidRef: 'S1' });
    // Recorded as Asha's, at the time the office received them (not the laptop's).
    expect(s1.diligence).toMatchObject({
      by: 'Asha Patel',
      fraudRisk: 'low',
      at: expect.stringMatching(/^2026-07-20/),
    });
    expect(s1.claims).toEqual([
      expect.objectContaining({
        period: '2026-27-Q1',
        amountPence: 1_000_000,
        status: 'recorded',
        recordedBy: 'Asha Patel',
        recordedAt: expect.stringMatching(/^2026-07-20/),
      }),
    ]);
    expect(s1.returns[0]).toMatchObject({
      dueOn: '2026-08-01',
      receivedOn: '2026-07-09',
      late: false,
      rag: 'amber',
    });

    // The same pack again changes nothing; a newer return with the same work is all unchanged.
    expect(await ok(dispatch('packs:receive', { bytesBase64: back.bytesBase64 }, o.lead))).toMatchObject({
      alreadyReceived: true,
    });
    const again = await ok(dispatch('packs:return', { roundId: r }, asha.ctx));
    expect(await ok(dispatch('packs:receive', { bytesBase64: again.bytesBase64 }, o.lead))).toMatchObject({
      added: 0,
      unchanged: 3,
    });
    expect(count(o, 'grant_claims')).toBe(1);

    // Recording and approving stay apart: made a lead officer, Asha still cannot pay her own claim.
    const ashaId = o.ctx.store.people.findByName('Asha Patel')!.id;
    await o.call('people:setRole', { personId: ashaId, role: 'lead_officer' });
    await o.call('people:approve', { personId: ashaId }, o.commissioner);
    await o.call('grants:signAgreement', {
      roundId: 1,
      bidRef: 'S1',
      party: 'recipient',
      signatory: 'Jo Bloggs',
    });
    await o.call('grants:signAgreement', { roundId: 1, bidRef: 'S1', party: 'office' });
    expect(refusalOf(await dispatch('claims:approve', { roundId: 1, claimId: 1 }, o.as('Asha Patel')))).toBe(
      'forbidden: Asha Patel recorded claim 1, so cannot approve it: payment needs a second person ' +
        '(another lead officer or the commissioner)',
    );
    expect(await o.call('claims:approve', { roundId: 1, claimId: 1 }, o.commissioner)).toEqual({
      id: 1,
      status: 'paid',
    });
  });

  it('refuses the whole return, naming each refused item, when the office’s rules refuse any of it', async () => {
    const o = await office();
    const asha = await laptop(await ok(packFor(o)));
    const r = asha.roundId;
    await ok(dispatch('grants:diligence', diligence(r, 'S1'), asha.ctx));
    await ok(dispatch('grants:diligence', diligence(r, 'D1'), asha.ctx));
    await ok(
      dispatch(
        'claims:add',
        { roundId: r, bidRef: 'S1', amountPence: 1_000_000, period: '2026-27-Q1' },
        asha.ctx,
      ),
    );
    // The laptop's clock runs ahead: by it, the second quarter is over.
    asha.setDay('2026-10-02');
    await ok(
      dispatch(
        'claims:add',
        { roundId: r, bidRef: 'D1', amountPence: 500_000, period: '2026-27-Q2' },
        asha.ctx,
      ),
    );
    const back = await ok(dispatch('packs:return', { roundId: r }, asha.ctx));

    // Meanwhile the office paid out most of S1, leaving less than Asha's claim.
    await o.call('grants:diligence', { ...diligence(1, 'S1'), reason: 'Checked at the office' }, o.officer);
    await o.call(
      'claims:add',
      { roundId: 1, bidRef: 'S1', amountPence: 4_500_000, period: '2026-27-Q1' },
      o.officer,
    );
    o.setDay('2026-08-15');
    const before = hashOf(o.file);
    const result = await dispatch('packs:receive', { bytesBase64: back.bytesBase64 }, o.lead);
    const message = refusalOf(result)!;
    expect(message).toMatch(
      'conflict: The delivery return from Asha Patel was not received, and nothing was changed: ' +
        '2 of its items are refused.',
    );
    // Over-claim, by the office's record.
    expect(message).toContain(
      'S1 claim for 2026-27-Q1 (£10,000): £10,000 is more than what remains of grant S1: £5,000',
    );
    // In arrears, by the office's clock, not the laptop's.
    expect(message).toContain('D1 claim for 2026-27-Q2 (£5,000): 2026-27-Q2 ends on 30 September 2026');
    expect(result.ok ? [] : result.error.issues?.map((i) => i.path)).toEqual([
      'S1 claim for 2026-27-Q1 (£10,000)',
      'D1 claim for 2026-27-Q2 (£5,000)',
    ]);
    // Nothing of it landed: not even D1's due diligence, which alone was sound.
    expect(hashOf(o.file)).toBe(before);
    expect((await o.call('grants:get', { roundId: 1, bidRef: 'D1' })).diligenceComplete).toBe(false);
  });

  it('keeps a return the office recorded differently; a newer pack does not open over unreturned work', async () => {
    const o = await office('2026-08-10');
    const asha = await laptop(await ok(packFor(o)), '2026-08-10');
    const r = asha.roundId;
    await ok(
      dispatch(
        'returns:import',
        { roundId: r, fileName: 'S1.xlsx', dataBase64: await returnFile(asha.ctx, r, 'S1', '2026-08-03') },
        asha.ctx,
      ),
    );
    // A newer pack cannot replace the copy while it holds work the office does not have.
    const newer = await ok(packFor(o));
    const refused = await dispatch('packs:open', { bytesBase64: newer.bytesBase64 }, asha.ctx);
    expect(refusalOf(refused)).toMatch(
      'conflict: Your copy of "2013-14 tranche 2" holds work your office does not have yet ' +
        '(S1 return due 1 August 2026)',
    );
    // The office took the return in itself meanwhile, with another date.
    await o.call(
      'returns:import',
      { roundId: 1, fileName: 'S1.xlsx', dataBase64: await returnFile(o.officer, 1, 'S1', '2026-08-05') },
      o.officer,
    );
    const back = await ok(dispatch('packs:return', { roundId: r }, asha.ctx));
    const received = await ok(dispatch('packs:receive', { bytesBase64: back.bytesBase64 }, o.lead));
    expect(received.added).toBe(0);
    expect(received.conflicts).toEqual([
      expect.objectContaining({
        ref: 'S1',
        message: expect.stringContaining(
          'S1 return due 1 August 2026: kept the return the office has (received 5 August 2026)',
        ),
      }),
    ]);
    expect((await o.call('grants:get', { roundId: 1, bidRef: 'S1' })).returns[0]).toMatchObject({
      receivedOn: '2026-08-05',
    });
  });

  it('is made only for a signed round, for an officer', async () => {
    const o = await office();
    expect(refusalOf(await packFor(o, 'Frances Doyle'))).toMatch(
      /is a board member: this pack goes to a policy officer or lead officer/,
    );
    o.ctx.store.rounds.setStage(1, 'decision', o.ctx.now());
    expect(refusalOf(await packFor(o))).toMatch(
      /is at decision: a delivery pack is made once its decision is signed/,
    );
    expect(count(o, 'packs_sent')).toBe(0);
  });
});
