import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  HeadingLevel,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/handlers/dispatch';
import { createContext, type HandlerContext } from '../../electron/handlers/context';
import { TEST_KDF, testContext, unlockAs } from '../support/temp-db';

async function round(ctx: HandlerContext) {
  // The demonstration data brings the office's people, so later writes need someone to act as.
  await dispatch('demo:load', {}, createContext(ctx.store, ctx.appVersion, ctx.now, { kdf: TEST_KDF }));
  unlockAs(ctx, 'Dan Hughes');
  const created = await dispatch(
    'rounds:create',
    { fund: 'Community Safety Fund', name: '2024-25', budgetPence: 100_000_00 },
    ctx,
  );
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

const c2 = {
  ref: 'C2',
  partnership: 'coventry local police & crime board',
  title: 'Safer Homes Initiative',
  requestedPence: 3_800_000,
  statedTotalPence: 3_800_000,
  costLines: [
    { description: 'Training', quantity: 20, unitCostPence: 109_800 },
    { description: 'Uniform', quantity: 20, unitCostPence: 80_000 },
  ],
};

/** The demonstration office's lead officer, who may do everything these tests need. */
const asLead = () => testContext();

describe('bid handlers', () => {
  it(
    'records a bid against a known partnership, whatever way its name is written, and flags its ' +
      'arithmetic',
    async () => {
      const { ctx } = asLead();
      const roundId = await round(ctx);
      const created = await dispatch('bids:create', { roundId, ...c2 }, ctx);
      expect(created).toMatchObject({
        ok: true,
        value: {
          partnership: 'Coventry Local Police and Crime Board',
          costLinesTotalPence: 3_796_000,
          costLines: [{ computedPence: 2_196_000 }, { computedPence: 1_600_000 }],
          flags: [
            {
              code: 'COST_LINES_TOTAL',
              message: 'Cost lines add up to £37,960, but the stated total is £38,000 (£40 short)',
            },
          ],
        },
      });
      const partnerships = await dispatch('partnerships:list', {}, ctx);
      expect(partnerships.ok && partnerships.value.filter((p) => p.name.startsWith('Coventry'))).toHaveLength(
        1,
      );
    },
  );

  it(
    'refuses a reference already in the round, an ineligible bid without a reason, and priorities from ' +
      'another plan',
    async () => {
      const { ctx } = asLead();
      const roundId = await round(ctx);
      await dispatch('bids:create', { roundId, ...c2 }, ctx);
      expect(await dispatch('bids:create', { roundId, ...c2, ref: 'c2' }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'conflict', issues: [{ path: 'ref' }] },
      });
      expect(
        await dispatch('bids:create', { roundId, ...c2, ref: 'C3', status: 'ineligible' }, ctx),
      ).toMatchObject({
        ok: false,
        error: { issues: [{ path: 'statusReason', message: 'Say why the bid is ineligible' }] },
      });
      expect(
        await dispatch('bids:create', { roundId, ...c2, ref: 'C4', claimedPriorityIds: [1] }, ctx),
      ).toMatchObject({ ok: false, error: { issues: [{ path: 'claimedPriorityIds' }] } });
      expect(await dispatch('bids:create', { roundId, ...c2, ref: 'bad ref!' }, ctx)).toMatchObject({
        ok: false,
        error: { issues: [{ path: 'ref' }] },
      });
    },
  );

  it("keeps a bid's claimed priorities from its round's plan, and refuses writes to an archived round", async () => {
    const { ctx } = asLead();
    await round(ctx);
    const b1 = await dispatch('bids:list', { roundId: 1 }, ctx);
    const id = b1.ok ? b1.value.find((b) => b.ref === 'B1')!.id : 0;
    const detail = await dispatch('bids:get', { id }, ctx);
    expect(detail.ok && detail.value.claimedPriorities.length).toBeGreaterThan(0);
    expect(detail.ok && detail.value).toMatchObject({
      requestedPence: 10_000_000,
      reducedPence: 9_000_000,
      reductionNote: expect.stringMatching(/camera/i),
    });

    await dispatch('rounds:archive', { id: 1 }, ctx);
    const { id: _id, roundId: _r, ...rest } = detail.ok ? { ...detail.value } : ({} as never);
    const update = await dispatch(
      'bids:update',
      {
        id,
        ref: rest.ref,
        partnership: rest.partnership,
        title: 'Changed',
        requestedPence: rest.requestedPence,
      },
      ctx,
    );
    expect(update).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('archived') },
    });
  });

  it('imports a Word business case into a bid: sections, cost lines, stated total, and the original file', async () => {
    const { ctx } = asLead();
    const roundId = await round(ctx);
    const created = await dispatch('bids:create', { roundId, ...c2, costLines: [] }, ctx);
    const bidId = created.ok ? created.value.id : 0;
    const cell = (text: string) =>
      new TableCell({
        width: { size: 2000, type: WidthType.DXA },
        children: [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(text)] })],
      });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'C2: Safer Homes Initiative', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: 'Background', heading: HeadingLevel.HEADING_2 }),
            new Paragraph(
              'Recruit an additional 20 Special Constables to serve alongside neighbourhood teams.',
            ),
            new Paragraph({ text: 'Cost', heading: HeadingLevel.HEADING_2 }),
            new Paragraph('Set-up costs totalling £38,000 to include:'),
            new Table({
              columnWidths: [4000, 2000, 2000, 2000],
              rows: [
                new TableRow({ children: ['Description', 'Quantity', 'Unit cost', 'Amount'].map(cell) }),
                new TableRow({ children: ['Training', '20', '£1098', '£21,960'].map(cell) }),
                new TableRow({ children: ['Uniform', '20', '£800.00', '£16,000'].map(cell) }),
              ],
            }),
          ],
        },
      ],
    });
    const data = await Packer.toBuffer(doc);
    const result = await dispatch(
      'bids:importCase',
      { bidId, fileName: 'C2 business case.docx', dataBase64: Buffer.from(data).toString('base64') },
      ctx,
    );
    expect(result).toMatchObject({ ok: true, value: { costLines: 2, statedTotal: '£38,000' } });
    expect(result.ok && result.value.bid.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining(['Background', 'Cost']),
    );
    expect(result.ok && result.value.bid.attachments).toEqual([
      expect.objectContaining({
        fileName: 'C2 business case.docx',
        sizeBytes: data.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      }),
    ]);
    expect(result.ok && result.value.bid.flags.map((f) => f.message)).toContain(
      'Cost lines add up to £37,960, but the stated total is £38,000 (£40 short)',
    );
    const found = await dispatch('search:query', { text: 'neighbourhood', roundId }, ctx);
    expect(found.ok && found.value.map((h) => h.ref)).toEqual(['C2']);

    const notWord = await dispatch(
      'bids:importCase',
      { bidId, fileName: 'case.docx', dataBase64: Buffer.from('plain text').toString('base64') },
      ctx,
    );
    expect(notWord).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('not a Word document') },
    });
  });
});

describe('plans', () => {
  it('are created with their priority tree, and a title can be used once', async () => {
    const { ctx } = testContext();
    const plan = {
      title: 'Police and Crime Plan 2025–2029',
      period: '2025–2029',
      priorities: [
        { code: 'P1', title: 'Safer streets', children: [{ code: 'P1.1', title: 'Less ASB', children: [] }] },
      ],
    };
    const created = await dispatch('plans:create', plan, ctx);
    expect(created).toMatchObject({
      ok: true,
      value: { title: plan.title, roundCount: 0, priorities: [{ code: 'P1', children: [{ code: 'P1.1' }] }] },
    });
    expect(await dispatch('plans:create', plan, ctx)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const twice = {
      ...plan,
      title: 'Other',
      priorities: [{ code: 'A', title: 'x', children: [{ code: 'a', title: 'y', children: [] }] }],
    };
    expect(await dispatch('plans:create', twice, ctx)).toMatchObject({
      ok: false,
      error: { message: 'The code a is used twice' },
    });
    const round = await dispatch(
      'rounds:create',
      { fund: 'F', name: 'R', budgetPence: 1, planId: created.ok ? created.value.id : 0 },
      ctx,
    );
    expect(round).toMatchObject({ ok: true, value: { planTitle: plan.title } });
    expect(
      await dispatch('rounds:create', { fund: 'F', name: 'S', budgetPence: 1, planId: 999 }, ctx),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
