import type { ParsedInput } from '../../../shared/contract';
import { currentActor } from '../actor';
import { getFramework } from '../frameworks';
import { rankingFor } from '../ranking';
import { assertSeesRanking, scoreVisibilityFor } from '../blind-scoring';
import type { ReadContext } from '../context';
import { Refusal } from '../refusal';
import { mustGetRound } from '../round-lookup';
import { buildPanelPackPdf, buildPanelPackXlsx } from './panel-pack';
import { buildScoringSheetXlsx } from './scoring-sheet';
import type { ExportFramework } from './types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name people can keep: letters, digits and dashes only. */
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function exportFramework(ctx: ReadContext, roundId: number): ExportFramework {
  const framework = getFramework(ctx, roundId);
  if (!framework) throw new Refusal('conflict', 'This round has no scoring framework yet');
  return {
    scaleMin: framework.scale.min,
    scaleMax: framework.scale.max,
    descriptors: framework.scale.descriptors,
    threshold: framework.threshold,
    criteria: framework.criteria.map(({ code, name, guidance, weight, minScore, gateway }) => ({
      code,
      name,
      guidance,
      weight,
      minScore,
      gateway,
    })),
  };
}

export const exportHandlers = {
  /** An offline scoring workbook for one assessor: their bids without a conflict, their scores so far. */
  'assessment:exportSheet': async (input: ParsedInput<'assessment:exportSheet'>, ctx: ReadContext) => {
    const actor = currentActor(ctx);
    const round = mustGetRound(ctx, input.roundId);
    const assessor = input.assessor ? ctx.store.people.findByName(input.assessor) : actor;
    if (!assessor)
      throw new Refusal(
        'not_found',
        input.assessor ? `There is no person called "${input.assessor}"` : 'Set up your profile first',
      );
    if (actor && actor.id !== assessor.id && actor.role !== 'lead_officer')
      throw new Refusal(
        'forbidden',
        `Only ${assessor.name} or a lead officer can download ${assessor.name}'s scoring sheet`,
      );
    const framework = exportFramework(ctx, round.id);
    const codes = new Map((getFramework(ctx, round.id)?.criteria ?? []).map((c) => [c.id, c.code]));
    // The assessor's assignments and conflicts read once for the round, not two queries per bid.
    const assigned = new Set(
      ctx.store.scoring
        .assignmentsForRound(round.id)
        .filter((a) => a.personId === assessor.id)
        .map((a) => a.bidId),
    );
    const conflicted = new Set(
      ctx.store.scoring
        .declarationsForRound(round.id)
        .filter((d) => d.personId === assessor.id && d.conflict)
        .map((d) => d.bidId),
    );
    const bids = ctx.store.bids
      .listForRound(round.id)
      .filter((b) => assigned.has(b.id) && !conflicted.has(b.id));
    const refOf = new Map(bids.map((b) => [b.id, b.ref]));
    const existing: Record<string, Record<string, { score: number | null; justification: string }>> = {};
    // Someone else's sheet (a lead officer's download) carries their scores only where the rule
    // lets the lead officer see them.
    const visibility = scoreVisibilityFor(ctx, round.id);
    const shown = (bidId: number) => assessor.id === actor?.id || visibility.bid(bidId);
    for (const s of ctx.store.scoring
      .scoresForRound(round.id)
      .filter((x) => x.personId === assessor.id && shown(x.bidId))) {
      const ref = refOf.get(s.bidId);
      const code = codes.get(s.criterionId);
      if (ref && code) (existing[ref] ??= {})[code] = { score: s.score, justification: s.justification };
    }
    const data = await buildScoringSheetXlsx({
      fund: round.fund,
      roundName: round.name,
      roundId: round.id,
      assessor: assessor.name,
      generatedAt: ctx.now(),
      framework,
      bids: bids.map((b) => ({
        ref: b.ref,
        partnership: b.partnership,
        title: b.title,
        requestedPence: b.requestedPence,
      })),
      existing,
    });
    return {
      fileName: `Scoring sheet - ${slug(round.name)} - ${slug(assessor.name)}.xlsx`,
      mediaType: XLSX,
      dataBase64: data.toString('base64'),
    };
  },

  /** Every criterion score and justification per bid and assessor, and the ranking, for the panel. */
  'assessment:panelPack': async (input: ParsedInput<'assessment:panelPack'>, ctx: ReadContext) => {
    const round = mustGetRound(ctx, input.roundId);
    const visibility = assertSeesRanking(ctx, round.id, 'the panel pack');
    const framework = exportFramework(ctx, round.id);
    const criterionCode = new Map((getFramework(ctx, round.id)?.criteria ?? []).map((c) => [c.id, c.code]));
    const conflicts = new Set(
      ctx.store.scoring
        .declarationsForRound(round.id)
        .filter((d) => d.conflict)
        .map((d) => `${d.bidId}:${d.personId}`),
    );
    const submitted = new Set(
      ctx.store.scoring.submissionsForRound(round.id).map((s) => `${s.bidId}:${s.personId}`),
    );
    const refOf = new Map(ctx.store.bids.listForRound(round.id).map((b) => [b.id, b.ref]));
    const data = {
      fund: round.fund,
      roundName: round.name,
      financialYear: round.financialYear,
      generatedAt: ctx.now(),
      demoNotice: round.demoNotice,
      availablePence: round.availablePence,
      framework,
      ranking: rankingFor(ctx, round.id).filter((r) => visibility.bid(r.bidId)),
      scores: ctx.store.scoring
        .scoresForRound(round.id)
        .filter(
          (s) =>
            s.score !== null &&
            visibility.bid(s.bidId) &&
            submitted.has(`${s.bidId}:${s.personId}`) &&
            !conflicts.has(`${s.bidId}:${s.personId}`),
        )
        .map((s) => ({
          ref: refOf.get(s.bidId) ?? '',
          assessor: s.person,
          criterion: criterionCode.get(s.criterionId) ?? '',
          score: s.score as number,
          justification: s.justification,
        })),
      moderations: ctx.store.scoring
        .moderationsForRound(round.id)
        .filter((m) => visibility.bid(m.bidId))
        .map((m) => ({
          ref: refOf.get(m.bidId) ?? '',
          criterion: criterionCode.get(m.criterionId) ?? '',
          score: m.score,
          reason: m.reason,
          by: m.by,
        })),
      declarations: ctx.store.scoring
        .declarationsForRound(round.id)
        .map(({ ref, person, conflict, nature }) => ({ ref, person, conflict, nature })),
    };
    const pdf = input.format === 'pdf';
    const file = pdf ? await buildPanelPackPdf(data) : await buildPanelPackXlsx(data);
    return {
      fileName: `Panel pack - ${slug(round.fund)} - ${slug(round.name)}.${pdf ? 'pdf' : 'xlsx'}`,
      mediaType: pdf ? 'application/pdf' : XLSX,
      dataBase64: file.toString('base64'),
    };
  },
};
