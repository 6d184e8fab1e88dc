import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import { wordParts, wordXmlText } from '../exports/document-text';
import { refusalOf, signedRound } from '../support/grants';

// After the award: every rule a grant is followed through by, tried through dispatch as the
// people it concerns, checking both what is refused (with nothing written) and what goes through.

type Office = Awaited<ReturnType<typeof signedRound>>;

async function diligence(o: Office, bidRef: string) {
  return o.call('grants:diligence', {
    roundId: 1,
    bidRef,
    bankConfirmed: true,
    accountableBody: 'Solihull Metropolitan Borough Council',
    fraudRisk: 'low',
    reason: 'Council with audited accounts and a long record of PCC grants',
  });
}

async function signBoth(o: Office, bidRef: string) {
  await o.call('grants:signAgreement', { roundId: 1, bidRef, party: 'recipient', signatory: 'Jo Bloggs' });
  await o.call('grants:signAgreement', { roundId: 1, bidRef, party: 'office' });
}

const claimCount = (o: Office) =>
  (o.ctx.store.sqlite.prepare('SELECT count(*) AS n FROM grant_claims').get() as { n: number }).n;

describe('grants after the award', () => {
  it('are made for every award when the commissioner signs, with the conditions and the returns due', async () => {
    const o = await signedRound();
    const list = await o.call('grants:list', { roundId: 1 });
    expect(list.map((g) => [g.ref, g.awardedPence, g.status, g.nextReturnDue])).toEqual([
      ['S1', 5_000_000, 'agreement_drafted', '2027-02-22'],
      ['D1', 4_000_000, 'agreement_drafted', '2027-02-22'],
    ]);
    const s1 = await o.call('grants:get', { roundId: 1, bidRef: 'S1' });
    expect(s1.conditions).toBe('Quarterly reports to the Strategic Policing and Crime Board');
    // With no end date and no schedule, returns run to the quarter that reaches the award's year end.
    expect(s1.returns.map((r) => r.dueOn)).toEqual(['2027-02-22', '2027-05-22']);
  });

  it('refuses a claim, and so the first payment, before due diligence is complete', async () => {
    const o = await signedRound();
    o.setDay('2027-01-10');
    const before = claimCount(o);
    const claim = await dispatch(
      'claims:add',
      { roundId: 1, bidRef: 'D1', amountPence: 100_000, period: '2026-27-Q3', matchPence: 0 },
      o.officer,
    );
    expect(refusalOf(claim)).toMatch(
      /^conflict: Due diligence on grant D1 is not complete \(bank details not confirmed, no accountable body/,
    );
    expect(claimCount(o)).toBe(before);
    // Bank details not confirmed is still incomplete.
    await o.call(
      'grants:diligence',
      {
        roundId: 1,
        bidRef: 'D1',
        bankConfirmed: false,
        accountableBody: 'Dudley Council',
        fraudRisk: 'medium',
        reason: 'New partner',
      },
      o.officer,
    );
    expect(
      refusalOf(
        await dispatch(
          'claims:add',
          { roundId: 1, bidRef: 'D1', amountPence: 100_000, period: '2026-27-Q3', matchPence: 0 },
          o.officer,
        ),
      ),
    ).toMatch(/not complete \(bank details not confirmed\)/);
    await diligence(o, 'D1');
    const ok = await dispatch(
      'claims:add',
      { roundId: 1, bidRef: 'D1', amountPence: 100_000, period: '2026-27-Q3', matchPence: 0 },
      o.officer,
    );
    expect(ok).toMatchObject({ ok: true, value: { status: 'recorded' } });
  });

  it('pays in arrears: a quarter can be claimed only once it is over', async () => {
    const o = await signedRound();
    await diligence(o, 'D1');
    o.setDay('2026-12-15');
    expect(
      refusalOf(
        await dispatch(
          'claims:add',
          { roundId: 1, bidRef: 'D1', amountPence: 100_000, period: '2026-27-Q3', matchPence: 0 },
          o.officer,
        ),
      ),
    ).toBe(
      'conflict: 2026-27-Q3 ends on 31 December 2026: grants are paid in arrears, so it can be claimed only once ' +
        'the quarter is over',
    );
  });

  it('refuses a claim above what remains of the award, counting claims not yet paid', async () => {
    const o = await signedRound();
    await diligence(o, 'D1');
    o.setDay('2027-04-10');
    await o.call(
      'claims:add',
      { roundId: 1, bidRef: 'D1', amountPence: 3_000_000, period: '2026-27-Q3', matchPence: 0 },
      o.officer,
    );
    const before = claimCount(o);
    const over = await dispatch(
      'claims:add',
      { roundId: 1, bidRef: 'D1', amountPence: 1_000_001, period: '2026-27-Q4', matchPence: 0 },
      o.officer,
    );
    expect(refusalOf(over)).toBe(
      'conflict: £10,000.01 is more than what remains of grant D1: £10,000 of the £40,000 award ' +
        '(£0 paid, £30,000 claimed and awaiting approval)',
    );
    expect(claimCount(o)).toBe(before);
    expect(
      await dispatch(
        'claims:add',
        { roundId: 1, bidRef: 'D1', amountPence: 1_000_000, period: '2026-27-Q4', matchPence: 0 },
        o.officer,
      ),
    ).toMatchObject({ ok: true });
  });

  it('does not carry money over from one financial year to the next', async () => {
    const o = await signedRound();
    await diligence(o, 'S1');
    await o.call('grants:schedule', {
      roundId: 1,
      bidRef: 'S1',
      years: [
        { financialYear: '2026-27', allocationPence: 2_000_000 },
        { financialYear: '2027-28', allocationPence: 3_000_000 },
      ],
    });
    o.setDay('2027-04-10');
    await o.call(
      'claims:add',
      { roundId: 1, bidRef: 'S1', amountPence: 1_500_000, period: '2026-27-Q3', matchPence: 0 },
      o.officer,
    );
    expect(
      refusalOf(
        await dispatch(
          'claims:add',
          { roundId: 1, bidRef: 'S1', amountPence: 600_000, period: '2026-27-Q4', matchPence: 0 },
          o.officer,
        ),
      ),
    ).toBe(
      "conflict: £6,000 is more than the £5,000 left of 2026-27's £20,000: money cannot be carried over " +
        'between financial years',
    );
    o.setDay('2027-07-10');
    const carried = await dispatch(
      'claims:add',
      { roundId: 1, bidRef: 'S1', amountPence: 3_500_000, period: '2027-28-Q1', matchPence: 0 },
      o.officer,
    );
    expect(refusalOf(carried)).toBe(
      "conflict: £35,000 is more than the £30,000 left of 2027-28's £30,000: money cannot be carried over " +
        'between financial years (£5,000 unclaimed in 2026-27 is lost)',
    );
    expect(
      await dispatch(
        'claims:add',
        { roundId: 1, bidRef: 'S1', amountPence: 3_000_000, period: '2027-28-Q1', matchPence: 0 },
        o.officer,
      ),
    ).toMatchObject({ ok: true });
    // A schedule must add up to the award.
    expect(
      refusalOf(
        await dispatch(
          'grants:schedule',
          { roundId: 1, bidRef: 'S1', years: [{ financialYear: '2026-27', allocationPence: 100 }] },
          o.lead,
        ),
      ),
    ).toMatch(/^invalid_input: The years add up to £1 but the award is £50,000/);
  });

  it('pays a claim only when someone other than its recorder approves it, after the agreement is signed', async () => {
    const o = await signedRound();
    await diligence(o, 'S1');
    o.setDay('2027-01-10');
    const recorded = await o.call(
      'claims:add',
      { roundId: 1, bidRef: 'S1', amountPence: 1_000_000, period: '2026-27-Q3', matchPence: 0 },
      o.lead,
    );
    expect(recorded.status).toBe('recorded');
    const approve = (who: HandlerContext) =>
      dispatch('claims:approve', { roundId: 1, claimId: recorded.id }, who);
    expect(refusalOf(await approve(o.commissioner))).toBe(
      'conflict: The agreement for grant S1 is not yet signed by both parties: nothing can be paid before it is',
    );
    await signBoth(o, 'S1');
    expect(refusalOf(await approve(o.lead))).toBe(
      'forbidden: Dan Hughes recorded claim 1, so cannot approve it: payment needs a second person ' +
        '(another lead officer or the commissioner)',
    );
    expect(refusalOf(await approve(o.officer))).toMatch(
      /^forbidden: Only a lead officer or commissioner can/,
    );
    expect(await approve(o.commissioner)).toEqual({ ok: true, value: { id: recorded.id, status: 'paid' } });
    const s1 = await o.call('grants:get', { roundId: 1, bidRef: 'S1' });
    expect([s1.status, s1.paidPence, s1.remainingPence]).toEqual(['in_delivery', 1_000_000, 4_000_000]);
    expect(s1.claims[0]).toMatchObject({
      recordedBy: 'Dan Hughes',
      approvedBy: 'Pat Morgan',
      status: 'paid',
    });
    expect(refusalOf(await approve(o.commissioner))).toMatch(/^conflict: Claim 1 was approved and paid on/);
  });

  it('asks for the match funding where the award has it', async () => {
    const o = await signedRound();
    o.ctx.store.sqlite.prepare("UPDATE bids SET match_funding_pence = 1000000 WHERE ref = 'D1'").run();
    await diligence(o, 'D1');
    o.setDay('2027-01-10');
    expect(
      refusalOf(
        await dispatch(
          'claims:add',
          { roundId: 1, bidRef: 'D1', amountPence: 100_000, period: '2026-27-Q3' },
          o.officer,
        ),
      ),
    ).toMatch(/^invalid_input: Grant D1 was awarded with £10,000 of match funding: report the match funding/);
    await o.call(
      'claims:add',
      { roundId: 1, bidRef: 'D1', amountPence: 100_000, period: '2026-27-Q3', matchPence: 50_000 },
      o.officer,
    );
    const d1 = await o.call('grants:get', { roundId: 1, bidRef: 'D1' });
    expect([d1.matchCommittedPence, d1.matchReportedPence]).toEqual([1_000_000, 50_000]);
  });

  it('flags a late return and an overdue one, and rates the grant by them', async () => {
    const o = await signedRound();
    const list = async (asOf: string) =>
      (await o.call('grants:list', { roundId: 1, asOf })).find((g) => g.ref === 'S1')!;
    expect(await list('2027-02-22')).toMatchObject({ overdue: [], rag: 'green' });
    expect(await list('2027-03-01')).toMatchObject({
      overdue: [{ kind: 'return', dueOn: '2027-02-22' }],
      rag: 'amber',
      nextReturnDue: '2027-02-22',
    });
    expect((await list('2027-03-30')).rag).toBe('red');
    o.setDay('2027-03-05');
    const file = await returnFile(o, 'S1', { spend: 12_500, rag: 'green' });
    const imported = await o.call('returns:import', { roundId: 1, fileName: 'S1.xlsx', dataBase64: file });
    expect(imported).toEqual({
      ref: 'S1',
      dueOn: '2027-02-22',
      receivedOn: '2027-03-05',
      late: true,
      rag: 'green',
    });
    expect(await list('2027-03-30')).toMatchObject({
      overdue: [],
      rag: 'green',
      nextReturnDue: '2027-05-22',
      lastReturn: { dueOn: '2027-02-22', receivedOn: '2027-03-05', rag: 'green' },
    });
    const s1 = await o.call('grants:get', { roundId: 1, bidRef: 'S1', asOf: '2027-06-01' });
    expect(s1.returns.slice(0, 2).map((r) => [r.dueOn, r.receivedOn, r.late])).toEqual([
      ['2027-02-22', '2027-03-05', true],
      ['2027-05-22', null, true],
    ]);
  });

  it('imports a return all or nothing, naming every bad cell', async () => {
    const o = await signedRound();
    o.setDay('2027-02-20');
    const file = await returnFile(o, 'S1', { spend: 'lots', rag: 'purple', narrative: '' });
    const result = await dispatch(
      'returns:import',
      { roundId: 1, fileName: 'S1.xlsx', dataBase64: file },
      o.officer,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.issues?.map((i) => i.path)).toEqual(['B6', 'B9', 'B10']);
    expect(result.error.message).toMatch(/B6 \(Spend to date \(£\)\): /);
    expect(result.error.message).toMatch(/B9 \(Narrative\): this cannot be left blank/);
    expect(result.error.message).toMatch(/B10 \(RAG \(green, amber or red\)\): write green, amber or red/);
    const count = o.ctx.store.sqlite.prepare('SELECT count(*) AS n FROM grant_returns').get() as {
      n: number;
    };
    expect(count.n).toBe(0);
    // A return written for another round is refused by its round cell.
    const other = await returnFile(o, 'S1', { spend: 1, rag: 'green', round: 7 });
    const wrong = await dispatch(
      'returns:import',
      { roundId: 1, fileName: 'S1.xlsx', dataBase64: other },
      o.officer,
    );
    expect(refusalOf(wrong)).toBe(
      'invalid_input: The return was not imported: B2 (Round): this return is for round 7, not round 1',
    );
  });

  it('needs a new signed decision for a variation above the office threshold', async () => {
    const o = await signedRound();
    const vary = (amountPence: number) =>
      dispatch('grants:vary', { roundId: 1, bidRef: 'S1', amountPence, reason: 'Scope grew' }, o.lead);
    expect(refusalOf(await vary(5_100_000))).toBe(
      "conflict: A variation of £1,000 to grant S1 is above the office's threshold of £0: it needs a new signed " +
        'decision. Draft a superseding notice (notice supersede --round 1), change the allocation and have it signed',
    );
    await o.call('grants:setThreshold', { thresholdPence: 250_000 });
    expect(refusalOf(await vary(5_300_000))).toMatch(
      /A variation of £3,000 .* above the office's threshold of £2,500/,
    );
    expect(await vary(5_200_000)).toMatchObject({ ok: true, value: { awardedPence: 5_200_000 } });
    // The grant's page lists the variation: from, to, why and who.
    const varied = await o.call('grants:get', { roundId: 1, bidRef: 'S1' });
    expect(varied.variations).toMatchObject([
      { fromPence: 5_000_000, toPence: 5_200_000, reason: 'Scope grew', by: 'Dan Hughes' },
    ]);
    // The new decision changes the grant: supersede, reallocate, sign.
    await o.call('notices:supersede', { roundId: 1 });
    await o.call('allocation:set', {
      roundId: 1,
      bidRef: 'S1',
      option: 'custom',
      amountPence: 4_500_000,
      conditions: 'Quarterly reports',
      reason: 'Varied by decision',
    });
    // While the superseding notice is a draft, delivery waits for it.
    expect(refusalOf(await vary(5_100_000))).toMatch(
      /^conflict: Round .* at the decision stage: you can vary a grant only at/,
    );
    await o.call('notices:sign', { roundId: 1, readinessReason: 'Variation' }, o.commissioner);
    const s1 = await o.call('grants:get', { roundId: 1, bidRef: 'S1' });
    expect([s1.awardedPence, s1.conditions]).toEqual([4_500_000, 'Quarterly reports']);
  });

  it('reports a schedule that no longer adds up after a variation, with both figures', async () => {
    const o = await signedRound();
    const get = () => o.call('grants:get', { roundId: 1, bidRef: 'S1' });
    expect((await get()).scheduleTotal).toBeNull();
    await o.call('grants:schedule', {
      roundId: 1,
      bidRef: 'S1',
      years: [
        { financialYear: '2026-27', allocationPence: 2_000_000 },
        { financialYear: '2027-28', allocationPence: 3_000_000 },
      ],
    });
    expect((await get()).scheduleTotal).toEqual({
      scheduledPence: 5_000_000,
      awardedPence: 5_000_000,
      addsUp: true,
    });
    await o.call('grants:setThreshold', { thresholdPence: 250_000 });
    await o.call('grants:vary', { roundId: 1, bidRef: 'S1', amountPence: 5_200_000, reason: 'Scope grew' });
    expect((await get()).scheduleTotal).toEqual({
      scheduledPence: 5_000_000,
      awardedPence: 5_200_000,
      addsUp: false,
    });
    // Setting it again to the varied award makes it add up.
    await o.call('grants:schedule', {
      roundId: 1,
      bidRef: 'S1',
      years: [
        { financialYear: '2026-27', allocationPence: 2_000_000 },
        { financialYear: '2027-28', allocationPence: 3_200_000 },
      ],
    });
    expect((await get()).scheduleTotal).toMatchObject({ scheduledPence: 5_200_000, addsUp: true });
  });

  it('closes a grant with its final report, after which it takes no claims', async () => {
    const o = await signedRound();
    await diligence(o, 'D1');
    const closed = await o.call('grants:close', {
      roundId: 1,
      bidRef: 'D1',
      finalReport: 'Delivered in full.',
    });
    expect([closed.status, closed.finalReport, closed.nextReturnDue, closed.closedOn]).toEqual([
      'closed',
      'Delivered in full.',
      null,
      '2026-11-22',
    ]);
    o.setDay('2027-01-10');
    expect(
      refusalOf(
        await dispatch(
          'claims:add',
          { roundId: 1, bidRef: 'D1', amountPence: 100, period: '2026-27-Q3', matchPence: 0 },
          o.officer,
        ),
      ),
    ).toBe('conflict: Grant D1 is closed: no more claims can be made on it');
    expect(
      refusalOf(await dispatch('grants:close', { roundId: 1, bidRef: 'S1', finalReport: 'x' }, o.officer)),
    ).toMatch(/^forbidden: Only a lead officer can close a grant/);
  });

  it('drafts the agreement as Word with the parties, amount, conditions, payments, returns and clawback', async () => {
    const o = await signedRound();
    await diligence(o, 'S1');
    const file = await o.call('grants:agreement', { roundId: 1, bidRef: 'S1' }, o.officer);
    expect(file.fileName).toBe('S1 grant agreement.docx');
    const text = wordXmlText((await wordParts(Buffer.from(file.dataBase64, 'base64'))).document);
    for (const expected of [
      'Solihull Metropolitan Borough Council, for Safer Solihull Partnership',
      '£50,000, awarded on 22 November 2026',
      'Quarterly reports to the Strategic Policing and Crime Board',
      'paid quarterly in arrears',
      '22 February 2027',
      'recover money paid',
    ])
      expect(text).toContain(expected);
  });

  it('gives a board the delivery report per grant and per partnership', async () => {
    const o = await signedRound();
    await diligence(o, 'S1');
    await signBoth(o, 'S1');
    o.setDay('2027-01-10');
    const claim = await o.call(
      'claims:add',
      { roundId: 1, bidRef: 'S1', amountPence: 1_000_000, period: '2026-27-Q3', matchPence: 0 },
      o.officer,
    );
    await o.call('claims:approve', { roundId: 1, claimId: claim.id }, o.lead);
    const report = await o.call('reports:delivery', { roundId: 1, asOf: '2027-03-01' });
    expect(report.totals).toEqual({
      awardedPence: 9_000_000,
      paidPence: 1_000_000,
      remainingPence: 8_000_000,
      overdue: 2,
    });
    expect(report.partnerships.map((p) => [p.partnership, p.paidPence, p.overdue, p.rag])).toEqual([
      ['Safe and Sound Dudley', 0, 1, 'amber'],
      ['Safer Solihull Partnership', 1_000_000, 1, 'amber'],
    ]);
    const xlsx = await o.call('reports:deliveryXlsx', { roundId: 1, asOf: '2027-03-01' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['By grant', 'By partnership']);
    expect(book.getWorksheet('By grant')!.getRow(4).getCell(11).value).toBe('Return due 22 February 2027');
  });

  it('makes the grants of a round signed before grants existed on its first delivery write', async () => {
    const o = await signedRound();
    o.ctx.store.sqlite.exec('DELETE FROM grants');
    expect(await o.call('grants:list', { roundId: 1 })).toEqual([]);
    await diligence(o, 'S1');
    expect((await o.call('grants:list', { roundId: 1 })).map((g) => g.ref)).toEqual(['S1', 'D1']);
  });
});

async function returnFile(
  o: Office,
  bidRef: string,
  values: { spend: number | string; rag: string; narrative?: string; round?: number },
): Promise<string> {
  const template = await o.call('returns:template', { roundId: 1, bidRef }, o.officer);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(template.dataBase64, 'base64') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const set = (label: string, value: string | number) => {
    sheet.eachRow((row) => {
      if (row.getCell(1).value === label) row.getCell(2).value = value;
    });
  };
  if (values.round) set('Round', values.round);
  set('Spend to date (£)', values.spend);
  set('Outputs', '40 young people reached');
  set('Risks', 'None new');
  set('Narrative', values.narrative ?? 'On track');
  set('RAG (green, amber or red)', values.rag);
  // Every priority row below the header gets its outcome.
  let below = false;
  sheet.eachRow((row) => {
    if (below) row.getCell(2).value = 'Fewer repeat offences';
    if (row.getCell(1).value === 'Priority') below = true;
  });
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
