import { normaliseName } from '../../../db/queries/organisations';
import type { ParsedInput } from '../../../shared/contract';
import { formatMoney } from '../../../shared/money';
import { getBid, sha256 } from '../bids';
import { resolvePartnership } from '../partnerships';
import type { HandlerContext, ReadContext } from '../context';
import { refuseRoundTotalPastLimit } from '../money-limits';
import { notFound, Refusal } from '../refusal';
import { mustGetOpenRound } from '../round-lookup';
import { BusinessCaseError, parseBusinessCase } from './business-case';
import { caseWithinLimits } from './case-limits';
import { interpretSchedule } from './schedule-rows';
import { readTable } from './table-file';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: DOCX_TYPE,
};

function decode(dataBase64: string): Buffer {
  const data = Buffer.from(dataBase64, 'base64');
  if (data.length === 0) throw new Refusal('invalid_input', 'The file is empty');
  return data;
}

async function interpret(ctx: ReadContext, input: ParsedInput<'bids:previewImport'>) {
  mustGetOpenRound(ctx, input.roundId);
  const table = await readTable(input.fileName, decode(input.dataBase64));
  const index = ctx.store.organisations.partnershipIndex();
  return interpretSchedule(table, input.mapping, {
    findPartnership: (name) => index.get(normaliseName(name)),
    existingRefs: ctx.store.bids.refsInRound(input.roundId),
  });
}

export const importHandlers = {
  'bids:previewImport': async (input: ParsedInput<'bids:previewImport'>, ctx: ReadContext) =>
    (await interpret(ctx, input)).preview,

  /** All or nothing: any bad row refuses the whole file and names every bad row. */
  'bids:import': async (input: ParsedInput<'bids:import'>, ctx: HandlerContext) => {
    const { preview, bids } = await interpret(ctx, input);
    if (preview.problems.length > 0) {
      const issues = preview.problems.map((p) => ({
        path: `row ${p.row}`,
        message: `Row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.message}`,
      }));
      throw new Refusal(
        'invalid_input',
        `Nothing was imported: ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${input.fileName}`,
        issues,
      );
    }
    if (bids.length === 0)
      throw new Refusal(
        'invalid_input',
        `Nothing was imported: ${input.fileName} has no bids under its header row`,
      );
    // Before anything is written: the round's totals with these bids must stay within the limit.
    refuseRoundTotalPastLimit(ctx, input.roundId, preview);
    return ctx.store.transaction(() => {
      const now = ctx.now();
      const partnershipIds = new Map<string, number>();
      const partnershipOf = (name: string) => {
        const key = normaliseName(name);
        const id = partnershipIds.get(key) ?? resolvePartnership(ctx, name, now);
        partnershipIds.set(key, id);
        return id;
      };
      const ids = ctx.store.bids.insertMany(
        bids.map((bid) => ({
          roundId: input.roundId,
          ref: bid.ref,
          partnershipId: partnershipOf(bid.partnership),
          title: bid.title,
          summary: bid.summary,
          requestedPence: bid.requestedPence ?? 0,
          reducedPence: bid.reducedPence,
          reductionNote: bid.note,
          statedTotalPence: null,
          durationText: null,
          startsOn: null,
          endsOn: null,
          matchFundingPence: null,
          status: bid.status,
          statusReason: null,
        })),
        now,
      );
      for (const total of preview.totals) {
        ctx.store.bids.setScheduleTotal(
          input.roundId,
          partnershipOf(total.partnership),
          total.label,
          total.statedPence,
          total.statedReducedPence,
        );
      }
      ctx.store.bids.reindex(ids, true);
      return {
        imported: ids.length,
        warnings: preview.warnings,
        partnerships: partnershipIds.size,
        requestedPence: preview.requestedPence,
        reducedRequestedPence: preview.reducedRequestedPence,
      };
    });
  },

  'bids:importCase': async (input: ParsedInput<'bids:importCase'>, ctx: HandlerContext) => {
    const bid = ctx.store.bids.get(input.bidId);
    if (!bid) throw notFound(`Bid ${input.bidId}`);
    mustGetOpenRound(ctx, bid.roundId);
    if (!/\.docx$/i.test(input.fileName))
      throw new Refusal(
        'invalid_input',
        `${input.fileName} is not a Word document: business cases are read from .docx files`,
      );
    const data = decode(input.dataBase64);
    let parsed;
    try {
      parsed = await parseBusinessCase(data);
    } catch (error) {
      if (error instanceof BusinessCaseError)
        throw new Refusal('invalid_input', `${input.fileName}: ${error.message}`);
      throw error;
    }
    parsed = caseWithinLimits(parsed, input.fileName, input.replace ? 0 : bid.sections.length);
    return ctx.store.transaction(() => {
      const now = ctx.now();
      const current = getBid(ctx, input.bidId);
      const sections = input.replace
        ? parsed.sections
        : [...current.sections.map(({ heading, body }) => ({ heading, body })), ...parsed.sections];
      const lines =
        input.replace || current.costLines.length === 0
          ? parsed.costLines
          : current.costLines.map(({ description, quantity, unitCostPence, amountPence }) => ({
              description,
              quantity,
              unitCostPence,
              amountPence,
            }));
      ctx.store.bids.replaceSections(input.bidId, sections);
      if (parsed.costLines.length > 0) ctx.store.bids.replaceCostLines(input.bidId, lines);
      ctx.store.bids.update(
        input.bidId,
        {
          ref: current.ref,
          partnershipId: current.partnershipId,
          title: current.title,
          summary: current.summary,
          requestedPence: current.requestedPence,
          reducedPence: current.reducedPence,
          reductionNote: current.reductionNote,
          statedTotalPence: parsed.statedTotalPence ?? current.statedTotalPence,
          durationText: current.durationText,
          startsOn: current.startsOn,
          endsOn: current.endsOn,
          matchFundingPence: current.matchFundingPence,
          status: current.status,
          statusReason: current.statusReason,
        },
        now,
      );
      ctx.store.bids.addAttachment(
        input.bidId,
        {
          fileName: input.fileName,
          mediaType: MEDIA_TYPES.docx ?? DOCX_TYPE,
          content: data,
          sha256: sha256(data),
        },
        now,
      );
      ctx.store.bids.reindex([input.bidId]);
      return {
        bid: getBid(ctx, input.bidId),
        sections: parsed.sections.length,
        costLines: parsed.costLines.length,
        statedTotal: parsed.statedTotalPence === null ? null : formatMoney(parsed.statedTotalPence),
        warnings: parsed.warnings,
      };
    });
  },
};
