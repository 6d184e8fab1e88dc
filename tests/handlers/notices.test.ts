import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { popplerIfInstalled } from '../support/required-tool';
import { moveRoundTo } from '../support/stages';
import { actingAs, testContext } from '../support/temp-db';

async function allocated() {
  const { ctx } = testContext();
  await dispatch('demo:load', {}, ctx);
  const as = (name: string) => actingAs(ctx, name);
  const lead = as('Dan Hughes');
  await dispatch(
    'office:set',
    {
      contactOfficer: 'Alex Officer',
      telephone: '0121 000 0000',
      email: 'grants@example.org',
      numberPrefix: '',
    },
    lead,
  );
  for (const [ref, option] of [
    ['B1', 'reduced'],
    ['C1', 'full'],
    ['SS4', 'full'],
  ] as const)
    await dispatch(
      'allocation:set',
      {
        roundId: 1,
        bidRef: ref,
        option,
        conditions: ref === 'B1' ? 'Quarterly reports to the board' : '',
        // B2, ranked first, is passed over: each award then needs a reason.
        reason: 'B2 is deferred to the next tranche at the board\u2019s request',
      },
      lead,
    );
  await moveRoundTo(lead, 1, 'decision');
  return { ctx, as, lead };
}

describe('decision notices', () => {
  it('are written from the record: every figure and list comes from the round', async () => {
    const { lead } = await allocated();
    const notice = await dispatch('notices:create', { roundId: 1 }, lead);
    if (!notice.ok) throw new Error(notice.error.message);
    const data = notice.value.preview as {
      number: string;
      decisions: { ref: string; awardedPence: number }[];
      awardedPence: number;
      remainingPence: number;
      appendixA: unknown[];
      noBidFrom: string[];
      contact: { officer: string };
      draft: boolean;
    };
    expect(data.number).toMatch(/^\d{3}\/\d{4}$/);
    expect(data.decisions.map((d) => [d.ref, d.awardedPence])).toEqual([
      ['SS4', 3_800_000],
      ['B1', 9_000_000],
      ['C1', 3_500_000],
    ]);
    expect(data).toMatchObject({
      awardedPence: 16_300_000,
      remainingPence: 15_700_000,
      draft: true,
      contact: { officer: 'Alex Officer' },
    });
    expect(data.appendixA).toHaveLength(13);
    expect(data.noBidFrom.join()).toContain('Wolverhampton');
  });

  it('may be signed only by the commissioner, only with an allocation, and only once', async () => {
    const { as, lead } = await allocated();
    expect(
      await dispatch(
        'notices:sign',
        { roundId: 1, readinessReason: 'The board agreed to go ahead' },
        as('Dan Hughes'),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('Only a commissioner') },
    });
    // Safer Streets is still open for bids: nothing there can be signed until the decision stage.
    expect(
      await dispatch(
        'notices:sign',
        { roundId: 2, readinessReason: 'The board agreed to go ahead' },
        as('Pat Morgan'),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('only at the decision stage') },
    });
    await moveRoundTo(lead, 2, 'decision');
    expect(
      await dispatch(
        'notices:sign',
        { roundId: 2, readinessReason: 'The board agreed to go ahead' },
        as('Pat Morgan'),
      ),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('allocation is empty') },
    });
    const signed = await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'The board agreed to go ahead', interests: '', date: '2026-11-22' },
      as('Pat Morgan'),
    );
    expect(signed).toMatchObject({
      ok: true,
      value: {
        status: 'signed',
        signedBy: 'Pat Morgan',
        signedOn: '2026-11-22',
        fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(
      await dispatch(
        'notices:sign',
        { roundId: 1, readinessReason: 'The board agreed to go ahead' },
        as('Pat Morgan'),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Draft a superseding notice') },
    });
  });

  it('locks the allocation and the notice once signed, until a superseding notice is drafted', async () => {
    const { as, lead } = await allocated();
    const signed = await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'The board agreed to go ahead', date: '2026-11-22' },
      as('Pat Morgan'),
    );
    const id = signed.ok ? signed.value.id : 0;
    const fingerprint = signed.ok ? signed.value.fingerprint : null;
    expect(
      await dispatch('allocation:set', { roundId: 1, bidRef: 'W2', option: 'full' }, lead),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('signed on 22 November 2026') },
    });
    expect(await dispatch('allocation:suggest', { roundId: 1, apply: true }, lead)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const wording = signed.ok ? signed.value.wording : undefined;
    expect(
      await dispatch(
        'notices:update',
        { noticeId: id, title: 'Changed', marking: 'NON-CONFIDENTIAL', wording: wording! },
        lead,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Draft a superseding notice') },
    });
    // Signed content stays as signed, even if the record underneath changes.
    await dispatch(
      'office:set',
      { contactOfficer: 'Someone Else', telephone: '', email: '', numberPrefix: '' },
      lead,
    );
    const again = await dispatch('notices:get', { roundId: 1 }, lead);
    expect(again.ok && again.value?.fingerprint).toBe(fingerprint);
    expect(again.ok && (again.value?.preview as { contact: { officer: string } }).contact.officer).toBe(
      'Alex Officer',
    );

    const round = await dispatch('rounds:get', { id: 1 }, lead);
    const r = round.ok ? round.value : undefined;
    const edit = {
      id: 1,
      fund: r!.fund,
      name: r!.name,
      financialYear: r!.financialYear,
      budgetPence: r!.budgetPence,
      commitments: r!.commitments.map(({ description, amountPence }) => ({ description, amountPence })),
    };
    // Once signed, the round itself (its money above all) is fixed until a superseding notice.
    expect(await dispatch('rounds:update', { ...edit, budgetPence: 40_000_000 }, lead)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('nobody can change funding rounds now') },
    });
    expect(await dispatch('rounds:get', { id: 1 }, lead)).toMatchObject({
      ok: true,
      value: { budgetPence: r!.budgetPence, stage: 'signed' },
    });

    const superseding = await dispatch('notices:supersede', { roundId: 1 }, lead);
    expect(superseding).toMatchObject({
      ok: true,
      value: { status: 'draft', supersedes: signed.ok ? signed.value.number : '' },
    });
    expect(await dispatch('rounds:get', { id: 1 }, lead)).toMatchObject({ value: { stage: 'decision' } });
    expect(
      (
        await dispatch(
          'allocation:set',
          { roundId: 1, bidRef: 'W2', option: 'full', reason: 'Walsall\u2019s case is urgent' },
          lead,
        )
      ).ok,
    ).toBe(true);
    const resigned = await dispatch(
      'notices:sign',
      { roundId: 1, readinessReason: 'The board agreed to go ahead' },
      as('Pat Morgan'),
    );
    expect(resigned.ok && resigned.value.number).not.toBe(signed.ok ? signed.value.number : '');
  });
});

describe('notice documents', () => {
  it(
    'export as PDF and Word with every funded bid, the totals, the budget and an Appendix A row for all ' +
      '13 bids',
    async () => {
      const { execFileSync } = await import('node:child_process');
      const { writeFileSync } = await import('node:fs');
      const mammoth = (await import('mammoth')).default;
      const path = (await import('node:path')).default;
      const { tempDir } = await import('../support/temp-db');
      const { as } = await allocated();
      await dispatch(
        'notices:sign',
        {
          roundId: 1,
          readinessReason: 'The board agreed to go ahead',
          date: '2026-11-22',
          interests: 'None',
        },
        as('Pat Morgan'),
      );
      const pdf = await dispatch('notices:export', { roundId: 1, format: 'pdf' }, as('Frances Doyle'));
      const docx = await dispatch('notices:export', { roundId: 1, format: 'docx' }, as('Frances Doyle'));
      const notice = await dispatch('notices:get', { roundId: 1 }, as('Frances Doyle'));
      const fingerprint = notice.ok ? (notice.value?.fingerprint ?? '') : '';
      const expected = [
        'SS4',
        '£38,000',
        'B1',
        '£90,000',
        'C1',
        '£35,000',
        '£163,000',
        '£350,000',
        '£30,000',
        '£320,000',
        'Pat Morgan',
        '22 November 2026',
        fingerprint,
      ];
      const refs = ['S1', 'D1', 'C1', 'C2', 'W1', 'W2', 'B1', 'B2', 'SS1', 'SS2', 'SS3', 'SS4', 'SS5'];

      const wordBytes = Buffer.from(docx.ok ? docx.value.dataBase64 : '', 'base64');
      const wordText = (await mammoth.extractRawText({ buffer: wordBytes })).value;
      for (const s of expected) expect(wordText, `Word: ${s}`).toContain(s);
      // The fingerprint is printed once, at the end of the body, and no longer in the page footers.
      const JSZip = (await import('jszip')).default;
      const zip = await JSZip.loadAsync(wordBytes);
      const footers = await Promise.all(
        Object.keys(zip.files)
          .filter((f) => /^word\/footer\d*\.xml$/.test(f))
          .map((f) => zip.file(f)!.async('string')),
      );
      expect(footers.join('').replace(/<[^>]+>/g, '')).not.toContain(fingerprint);
      expect(wordText).not.toContain('Office of the Police and Crime Commissioner and');
      // Each award away from the ranking carries its recorded reason beside it.
      expect(wordText).toContain('Reason for departing from the ranking: B2 is deferred to the next tranche');
      for (const ref of refs) expect(wordText).toMatch(new RegExp(`\\b${ref}\\b`));

      const pdftotext = popplerIfInstalled('pdftotext');
      if (pdftotext) {
        const file = path.join(tempDir(), 'notice.pdf');
        writeFileSync(file, Buffer.from(pdf.ok ? pdf.value.dataBase64 : '', 'base64'));
        const text = execFileSync(pdftotext, ['-layout', file, '-'], { encoding: 'utf8' });
        for (const s of expected.slice(0, -1)) expect(text, `PDF: ${s}`).toContain(s);
        // The 64-character fingerprint may wrap; its characters are all there in order.
        expect(text.replace(/\s+/g, '')).toContain(fingerprint);
        expect(text.replace(/\s+/g, ' ')).toMatch(/Reason for departing from the ranking: B2 is deferred/);
        const appendix = text.slice(text.indexOf('Appendix A'));
        for (const ref of refs) expect(appendix).toMatch(new RegExp(`\\b${ref}\\b`));
      }
      // Exporting a signed notice again gives the same content.
      const again = await dispatch('notices:export', { roundId: 1, format: 'docx' }, as('Frances Doyle'));
      expect(
        (
          await mammoth.extractRawText({
            buffer: Buffer.from(again.ok ? again.value.dataBase64 : '', 'base64'),
          })
        ).value,
      ).toBe(wordText);
    },
  );
});
