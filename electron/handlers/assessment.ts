import { parse } from 'csv-parse/sync';
import { MIN_JUSTIFICATION, type ScoringSheet } from '../../shared/assessment';
import { bidFlags } from '../../shared/checks';
import type { ParsedInput } from '../../shared/contract';
import { templateFramework, type Framework } from '../../shared/frameworks';
import type { Person } from '../../shared/people';
import { rankBids, spread, type RankBid } from '../../shared/ranking';
import { readScoringSheetXlsx, ScoringSheetError } from './exports/scoring-sheet';
import { LEAD, OFFICERS, currentActor, requireRole } from './actor';
import type { HandlerContext } from './context';
import { fieldRefusal, notFound, Refusal } from './refusal';
import { mustGetOpenRound, mustGetRound } from './rounds';

// Assessment: frameworks, assignment, conflicts, independent scoring, moderation and ranking.

export function getFramework(ctx: HandlerContext, roundId: number): Framework | null {
  const f = ctx.store.frameworks.forRound(roundId);
  if (!f) return null;
  return {
    roundId,
    template: f.template,
    scale: {
      min: f.scaleMin,
      max: f.scaleMax,
      descriptors: f.descriptors.map(({ score, descriptor }) => ({ score, descriptor })),
    },
    criteria: f.criteria,
    threshold: f.thresholdPercent,
    divergence: f.divergence,
    scoringStarted: ctx.store.scoring.anyScoreInRound(roundId),
    changes: f.changes,
  };
}

function mustGetFramework(ctx: HandlerContext, roundId: number): Framework {
  const framework = getFramework(ctx, roundId);
  if (!framework)
    throw new Refusal('conflict', 'This round has no scoring framework yet: choose a template first');
  return framework;
}

function guardChangeAfterScoring(
  ctx: HandlerContext,
  roundId: number,
  confirmed: boolean,
  actor: Person | null,
  summary: string,
) {
  if (!ctx.store.scoring.anyScoreInRound(roundId)) return;
  if (!confirmed)
    throw new Refusal(
      'conflict',
      'Scoring has started in this round: confirm the change to the framework (it will be recorded)',
    );
  const framework = ctx.store.frameworks.forRound(roundId);
  if (framework) ctx.store.frameworks.recordChange(framework.id, actor?.id ?? null, summary, ctx.now());
}

function bidByRef(ctx: HandlerContext, roundId: number, ref: string) {
  const found = ctx.store.bids.findByRef(roundId, ref);
  if (!found) throw new Refusal('not_found', `There is no bid ${ref} in this round`);
  return found.id;
}

function mustGetPerson(ctx: HandlerContext, id: number): Person {
  const person = ctx.store.people.get(id);
  if (!person) throw notFound(`Person ${id}`);
  return person;
}

function personNamed(ctx: HandlerContext, name: string): Person {
  const person = ctx.store.people.findByName(name);
  if (!person) throw new Refusal('not_found', `There is no person called "${name}"`);
  return person;
}

function selectedBidIds(
  ctx: HandlerContext,
  roundId: number,
  input: { bidRefs?: string[] | undefined; all: boolean },
  onlyAssignedTo?: number,
): number[] {
  if (input.all) {
    const ids = ctx.store.bids.ids(roundId);
    return onlyAssignedTo === undefined
      ? ids
      : ids.filter((id) => ctx.store.scoring.isAssigned(id, onlyAssignedTo));
  }
  return (input.bidRefs ?? []).map((ref) => bidByRef(ctx, roundId, ref));
}

/** The sheet an assessor scores a bid on, with others' scores hidden until they submit. */
export function scoringSheet(ctx: HandlerContext, bidId: number, assessor: Person): ScoringSheet {
  const bid = ctx.store.bids.get(bidId);
  if (!bid) throw notFound(`Bid ${bidId}`);
  const declaration = ctx.store.scoring.declaration(bidId, assessor.id);
  const submission = ctx.store.scoring.submission(bidId, assessor.id);
  const all = ctx.store.scoring.scoresForBid(bidId);
  const view = (rows: typeof all) =>
    rows.map(({ criterionId, score, justification }) => ({ criterionId, score, justification }));
  const conflicted = declaration?.conflict === true;
  let others: ScoringSheet['others'] = null;
  if (submission && !conflicted) {
    const byPerson = new Map<string, typeof all>();
    const submittedBy = new Set(
      ctx.store.scoring
        .submissionsForRound(bid.roundId)
        .filter((s) => s.bidId === bidId)
        .map((s) => s.personId),
    );
    for (const row of all)
      if (row.personId !== assessor.id && submittedBy.has(row.personId))
        byPerson.set(row.person, [...(byPerson.get(row.person) ?? []), row]);
    others = [...byPerson.entries()].map(([person, rows]) => ({ person, scores: view(rows) }));
  }
  return {
    bidId,
    roundId: bid.roundId,
    ref: bid.ref,
    title: bid.title,
    partnership: bid.partnership,
    assessor: { id: assessor.id, name: assessor.name },
    assigned: ctx.store.scoring.isAssigned(bidId, assessor.id),
    declaration: declaration
      ? { conflict: declaration.conflict, nature: declaration.nature, declaredAt: declaration.declaredAt }
      : null,
    submittedAt: submission?.submittedAt ?? null,
    own: view(all.filter((r) => r.personId === assessor.id)),
    others,
    history: conflicted
      ? []
      : ctx.store.scoring
          .historyForBid(bidId)
          .filter((h) => h.person === assessor.name)
          .map(({ criterionId, score, justification, submitted, at }) => ({
            criterionId,
            score,
            justification,
            submitted,
            at,
          })),
  };
}

interface ScoreLine {
  criterionId: number;
  score: number | null;
  justification: string;
}

/** A row of a scores file, CSV or scoring sheet, as written. */
interface ScoreRow {
  row: number;
  bid: string;
  assessor: string;
  criterion: string;
  score: string;
  justification: string;
}

function rowsFromCsv(data: Buffer): ScoreRow[] {
  let rows: string[][];
  try {
    rows = parse(data.toString('utf8').replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    throw new Refusal(
      'invalid_input',
      `The scores file cannot be read as CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const expected = ['bid', 'assessor', 'criterion', 'score', 'justification'] as const;
  const missing = expected.filter((name) => !header.includes(name));
  if (missing.length > 0)
    throw new Refusal(
      'invalid_input',
      `The header row must name the columns bid, assessor, criterion, score, justification (missing: ${missing.join(', ')})`,
    );
  const at = (cells: string[], name: (typeof expected)[number]) => cells[header.indexOf(name)] ?? '';
  return rows.slice(1).map((cells, index) => ({
    row: index + 2,
    bid: at(cells, 'bid'),
    assessor: at(cells, 'assessor'),
    criterion: at(cells, 'criterion'),
    score: at(cells, 'score'),
    justification: at(cells, 'justification'),
  }));
}

async function rowsFromSheet(data: Buffer, roundId: number): Promise<ScoreRow[]> {
  let sheet;
  try {
    sheet = await readScoringSheetXlsx(data);
  } catch (error) {
    if (error instanceof ScoringSheetError) throw new Refusal('invalid_input', error.message);
    throw error;
  }
  if (sheet.roundId !== null && sheet.roundId !== roundId)
    throw new Refusal(
      'invalid_input',
      `This scoring sheet is for round ${sheet.roundId}, not round ${roundId}`,
    );
  const assessor = sheet.assessor ?? '';
  return sheet.rows.map((r) => ({
    row: r.row,
    bid: r.bid,
    assessor,
    criterion: r.criterion,
    score: r.score === null ? '' : String(r.score),
    justification: r.justification,
  }));
}

/** Saves (and, when asked, submits) one assessor's scores for one bid, enforcing every rule. */
function recordScores(
  ctx: HandlerContext,
  bidId: number,
  assessor: Person,
  lines: ScoreLine[],
  submit: boolean,
  where: (criterionId: number) => string = () => '',
) {
  const bid = ctx.store.bids.get(bidId);
  if (!bid) throw notFound(`Bid ${bidId}`);
  mustGetOpenRound(ctx, bid.roundId);
  const framework = mustGetFramework(ctx, bid.roundId);
  if (!ctx.store.scoring.isAssigned(bidId, assessor.id))
    throw new Refusal('forbidden', `${assessor.name} is not assigned to score ${bid.ref}`);
  const declaration = ctx.store.scoring.declaration(bidId, assessor.id);
  if (!declaration)
    throw new Refusal(
      'forbidden',
      `${assessor.name} must declare any conflict of interest in ${bid.ref} before scoring it`,
    );
  if (declaration.conflict)
    throw new Refusal(
      'forbidden',
      `${assessor.name} has declared a conflict of interest in ${bid.ref} and cannot score it`,
    );

  const issues: { path: string; message: string }[] = [];
  for (const line of lines) {
    const criterion = framework.criteria.find((c) => c.id === line.criterionId);
    if (!criterion) {
      issues.push({
        path: `criterion ${line.criterionId}`,
        message: `${where(line.criterionId)}criterion ${line.criterionId} is not in this round's framework`,
      });
      continue;
    }
    const [min, max] = criterion.gateway ? [0, 1] : [framework.scale.min, framework.scale.max];
    if (line.score !== null && (line.score < min || line.score > max)) {
      issues.push({
        path: criterion.code,
        message: `${where(line.criterionId)}${criterion.code}: ${line.score} is off the scale (${min} to ${max}${criterion.gateway ? ': 1 pass, 0 fail' : ''})`,
      });
    }
  }
  if (submit) {
    for (const criterion of framework.criteria) {
      const line = lines.find((l) => l.criterionId === criterion.id);
      if (!line || line.score === null)
        issues.push({
          path: criterion.code,
          message: `${where(criterion.id)}${criterion.code}: give a score before submitting`,
        });
      else if (line.justification.trim().length < MIN_JUSTIFICATION) {
        issues.push({
          path: criterion.code,
          message: `${where(criterion.id)}${criterion.code}: write a justification of at least ${MIN_JUSTIFICATION} characters`,
        });
      }
    }
  }
  if (issues.length > 0) throw new Refusal('invalid_input', issues.map((i) => i.message).join('; '), issues);
  const now = ctx.now();
  for (const line of lines)
    ctx.store.scoring.saveScore(
      bidId,
      assessor.id,
      line.criterionId,
      line.score,
      line.justification.trim(),
      submit,
      now,
    );
  if (submit) ctx.store.scoring.submit(bidId, assessor.id, now);
}

export function rankingFor(ctx: HandlerContext, roundId: number) {
  const framework = mustGetFramework(ctx, roundId);
  const bids = ctx.store.bids.listForRound(roundId).filter((b) => b.status !== 'withdrawn');
  const conflicts = new Set(
    ctx.store.scoring
      .declarationsForRound(roundId)
      .filter((d) => d.conflict)
      .map((d) => `${d.bidId}:${d.personId}`),
  );
  const submitted = new Set(
    ctx.store.scoring.submissionsForRound(roundId).map((s) => `${s.bidId}:${s.personId}`),
  );
  const counted = ctx.store.scoring
    .scoresForRound(roundId)
    .filter(
      (s) =>
        s.score !== null &&
        submitted.has(`${s.bidId}:${s.personId}`) &&
        !conflicts.has(`${s.bidId}:${s.personId}`),
    );
  const moderations = ctx.store.scoring.moderationsForRound(roundId);
  const assigned = ctx.store.scoring
    .assignmentsForRound(roundId)
    .filter((a) => !conflicts.has(`${a.bidId}:${a.personId}`));
  const rankInput: RankBid[] = bids.map((bid) => {
    const own = counted.filter((s) => s.bidId === bid.id);
    const scores = new Map<number, number[]>();
    for (const s of own) scores.set(s.criterionId, [...(scores.get(s.criterionId) ?? []), s.score as number]);
    return {
      bidId: bid.id,
      ref: bid.ref,
      scores,
      moderated: new Map(moderations.filter((m) => m.bidId === bid.id).map((m) => [m.criterionId, m.score])),
      assessorCount: new Set(own.map((s) => s.personId)).size,
      assessorsExpected: assigned.filter((a) => a.bidId === bid.id).length,
    };
  });
  // Moderation is open on a bid while a criterion's submitted scores differ by the round's
  // divergence or more and the lead officer has not yet moderated it.
  const moderationOpen = (input: RankBid) =>
    framework.criteria.some(
      (c) => !input.moderated.has(c.id) && spread(input.scores.get(c.id) ?? []) >= framework.divergence,
    );
  const ranked = rankBids(
    {
      scaleMin: framework.scale.min,
      scaleMax: framework.scale.max,
      threshold: framework.threshold,
      criteria: framework.criteria.map(({ id, code, weight, minScore, gateway }) => ({
        id,
        code,
        weight,
        minScore,
        gateway,
      })),
    },
    rankInput,
  );
  const round = mustGetRound(ctx, roundId);
  const open = ctx.store.scoring.queriesForRound(roundId).filter((q) => !q.resolvedAt);
  return ranked.map((r) => {
    const bid = bids.find((b) => b.id === r.bidId);
    const input = rankInput.find((b) => b.bidId === r.bidId);
    return {
      ...r,
      moderationOpen: input ? moderationOpen(input) : false,
      partnership: bid?.partnership ?? '',
      title: bid?.title ?? '',
      requestedPence: bid?.requestedPence ?? 0,
      checks: bid
        ? bidFlags(bid, { name: round.fund, capPence: round.fundCapPence })
            .filter((f) => f.severity === 'problem')
            .map((f) => f.message)
        : [],
      openQueries: open.filter((q) => q.bidId === r.bidId).map((q) => q.text),
    };
  });
}

export const assessmentHandlers = {
  'people:list': (_input: object, ctx: HandlerContext) => ctx.store.people.list(),

  'people:add': (input: ParsedInput<'people:add'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'add people', { setup: true });
      if (ctx.store.people.findByName(input.name))
        throw fieldRefusal('conflict', 'name', `There is already a person called "${input.name}"`);
      const id = ctx.store.people.create(input.name, input.role, ctx.now());
      return mustGetPerson(ctx, id);
    }),

  'people:me': (_input: object, ctx: HandlerContext) => currentActor(ctx),

  'people:setProfile': (input: ParsedInput<'people:setProfile'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      let id: number;
      if ('personId' in input) {
        if (!ctx.store.people.get(input.personId)) throw notFound(`Person ${input.personId}`);
        id = input.personId;
      } else {
        if (ctx.store.people.findByName(input.name))
          throw fieldRefusal(
            'conflict',
            'name',
            `There is already a person called "${input.name}": choose them instead`,
          );
        id = ctx.store.people.create(input.name, input.role, ctx.now());
      }
      ctx.store.people.setSetting('profile_person_id', String(id));
      return mustGetPerson(ctx, id);
    }),

  'frameworks:get': (input: ParsedInput<'frameworks:get'>, ctx: HandlerContext) => {
    mustGetRound(ctx, input.roundId);
    return getFramework(ctx, input.roundId);
  },

  'frameworks:use': (input: ParsedInput<'frameworks:use'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = requireRole(ctx, LEAD, 'choose a scoring framework');
      mustGetOpenRound(ctx, input.roundId);
      let values;
      if (input.copyFromRoundId !== undefined) {
        const source = getFramework(ctx, input.copyFromRoundId);
        if (!source)
          throw new Refusal('not_found', `Round ${input.copyFromRoundId} has no framework to copy`);
        values = {
          template: source.template,
          scaleMin: source.scale.min,
          scaleMax: source.scale.max,
          descriptors: source.scale.descriptors.map((d) => d.descriptor),
          threshold: source.threshold,
          divergence: source.divergence,
          criteria: source.criteria.map(({ code, name, guidance, weight, minScore, gateway }) => ({
            code,
            name,
            guidance,
            weight,
            minScore,
            gateway,
          })),
        };
      } else {
        values = templateFramework(input.template ?? 'invest-to-save');
      }
      guardChangeAfterScoring(
        ctx,
        input.roundId,
        input.confirmChangeAfterScoring,
        actor,
        `Framework replaced (${input.copyFromRoundId !== undefined ? `copied from round ${input.copyFromRoundId}` : `template ${values.template}`})`,
      );
      ctx.store.frameworks.save(input.roundId, values, ctx.now());
      return mustGetFramework(ctx, input.roundId);
    }),

  'frameworks:update': (input: ParsedInput<'frameworks:update'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = requireRole(ctx, LEAD, 'edit a scoring framework');
      mustGetOpenRound(ctx, input.roundId);
      const current = getFramework(ctx, input.roundId);
      guardChangeAfterScoring(
        ctx,
        input.roundId,
        input.confirmChangeAfterScoring,
        actor,
        input.reason ? `Framework edited: ${input.reason}` : 'Framework edited',
      );
      ctx.store.frameworks.save(
        input.roundId,
        {
          template: current?.template ?? null,
          scaleMin: input.scaleMin,
          scaleMax: input.scaleMax,
          descriptors: input.descriptors,
          threshold: input.threshold,
          divergence: input.divergence,
          criteria: input.criteria,
        },
        ctx.now(),
      );
      return mustGetFramework(ctx, input.roundId);
    }),

  'assessment:assign': (input: ParsedInput<'assessment:assign'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      requireRole(ctx, LEAD, 'assign assessors');
      mustGetOpenRound(ctx, input.roundId);
      const assessor = personNamed(ctx, input.assessor);
      if (!OFFICERS.includes(assessor.role))
        throw new Refusal(
          'invalid_input',
          `${assessor.name} is a ${assessor.role.replace('_', ' ')}: only policy and lead officers assess bids`,
        );
      const ids = selectedBidIds(ctx, input.roundId, input);
      const now = ctx.now();
      for (const id of ids) {
        if (input.remove) ctx.store.scoring.unassign(id, assessor.id);
        else ctx.store.scoring.assign(id, assessor.id, now);
      }
      const perBid = new Map<number, number>();
      for (const a of ctx.store.scoring.assignmentsForRound(input.roundId))
        perBid.set(a.bidId, (perBid.get(a.bidId) ?? 0) + 1);
      const fewer = ctx.store.bids
        .listForRound(input.roundId)
        .filter((b) => (perBid.get(b.id) ?? 0) < 2)
        .map((b) => b.ref);
      return {
        changed: ids.length,
        warnings:
          fewer.length > 0
            ? [
                `${fewer.length} ${fewer.length === 1 ? 'bid has' : 'bids have'} fewer than two assessors: ${fewer.slice(0, 20).join(', ')}${fewer.length > 20 ? '…' : ''}`,
              ]
            : [],
      };
    }),

  'assessment:declare': (input: ParsedInput<'assessment:declare'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = requireRole(ctx, OFFICERS, 'declare interests for assessment');
      if (!actor) throw new Refusal('forbidden', 'Set up your profile before declaring');
      const assessor = input.assessor ? personNamed(ctx, input.assessor) : actor;
      if (assessor.id !== actor.id && actor.role !== 'lead_officer')
        throw new Refusal(
          'forbidden',
          `Only ${assessor.name} or a lead officer can record ${assessor.name}'s declaration`,
        );
      mustGetOpenRound(ctx, input.roundId);
      const ids = selectedBidIds(ctx, input.roundId, input, assessor.id);
      for (const id of ids) {
        if (!ctx.store.scoring.isAssigned(id, assessor.id))
          throw new Refusal(
            'forbidden',
            `${assessor.name} is not assigned to ${ctx.store.bids.get(id)?.ref ?? id}`,
          );
      }
      const now = ctx.now();
      for (const id of ids)
        ctx.store.scoring.declare(
          id,
          assessor.id,
          input.conflict,
          input.conflict ? (input.nature ?? null) : null,
          now,
        );
      return { declared: ids.length };
    }),

  'assessment:myBids': (input: ParsedInput<'assessment:myBids'>, ctx: HandlerContext) => {
    const actor = requireRole(ctx, OFFICERS, 'score bids');
    if (!actor) return [];
    const bids = ctx.store.bids.listForRound(input.roundId);
    return bids
      .filter((b) => ctx.store.scoring.isAssigned(b.id, actor.id))
      .map((b) => {
        const declaration = ctx.store.scoring.declaration(b.id, actor.id);
        const submitted = ctx.store.scoring.submission(b.id, actor.id);
        const anyScore = ctx.store.scoring.scoresForBid(b.id).some((s) => s.personId === actor.id);
        const state = !declaration
          ? 'declare'
          : declaration.conflict
            ? 'conflict'
            : submitted
              ? 'submitted'
              : anyScore
                ? 'draft'
                : 'to_score';
        return { bidId: b.id, ref: b.ref, title: b.title, partnership: b.partnership, state } as const;
      });
  },

  'assessment:sheet': (input: ParsedInput<'assessment:sheet'>, ctx: HandlerContext) => {
    const actor = requireRole(ctx, OFFICERS, 'open a scoring sheet');
    if (!actor) throw new Refusal('forbidden', 'Set up your profile first');
    return scoringSheet(ctx, input.bidId, actor);
  },

  'assessment:score': (input: ParsedInput<'assessment:score'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = requireRole(ctx, OFFICERS, 'score bids');
      if (!actor) throw new Refusal('forbidden', 'Set up your profile first');
      recordScores(ctx, input.bidId, actor, input.scores, input.submit);
      return scoringSheet(ctx, input.bidId, actor);
    }),

  'assessment:importScores': async (input: ParsedInput<'assessment:importScores'>, ctx: HandlerContext) => {
    const actor = requireRole(ctx, OFFICERS, 'import scores');
    const data = Buffer.from(input.dataBase64, 'base64');
    const rows = /\.xlsx$/i.test(input.fileName)
      ? await rowsFromSheet(data, input.roundId)
      : rowsFromCsv(data);
    return ctx.store.transaction(() => {
      mustGetOpenRound(ctx, input.roundId);
      const framework = mustGetFramework(ctx, input.roundId);
      // Every row is checked before anything is written; problems are collected per row.
      const problems: string[] = [];
      type Group = { bidId: number; assessor: Person; lines: ScoreLine[]; rows: Map<number, number> };
      const groups = new Map<string, Group>();
      rows.forEach((line) => {
        const row = line.row;
        const cell = (name: keyof ScoreRow) => String(line[name] ?? '').trim();
        const say = (message: string) => problems.push(`Row ${row}: ${message}`);
        const bid = ctx.store.bids.findByRef(input.roundId, cell('bid'));
        if (!bid) return say(`there is no bid "${cell('bid')}" in this round`);
        const assessor = ctx.store.people.findByName(cell('assessor'));
        if (!assessor) return say(`there is no person called "${cell('assessor')}"`);
        if (actor && actor.role !== 'lead_officer' && actor.id !== assessor.id)
          return say(`only a lead officer can import ${assessor.name}'s scores`);
        const criterion = framework.criteria.find(
          (c) => c.code.toLowerCase() === cell('criterion').toLowerCase(),
        );
        if (!criterion)
          return say(
            `"${cell('criterion')}" is not a criterion of this round (${framework.criteria.map((c) => c.code).join(', ')})`,
          );
        if (!/^-?\d+$/.test(cell('score'))) return say(`the score "${cell('score')}" is not a whole number`);
        const score = Number(cell('score'));
        const [min, max] = criterion.gateway ? [0, 1] : [framework.scale.min, framework.scale.max];
        if (score < min || score > max)
          return say(`${criterion.code}: ${score} is off the scale (${min} to ${max})`);
        if (cell('justification').length < MIN_JUSTIFICATION)
          return say(
            `${criterion.code}: the justification is missing or shorter than ${MIN_JUSTIFICATION} characters`,
          );
        if (!ctx.store.scoring.isAssigned(bid.id, assessor.id))
          return say(`${assessor.name} is not assigned to ${bid.ref}`);
        const declaration = ctx.store.scoring.declaration(bid.id, assessor.id);
        if (!declaration) return say(`${assessor.name} has not declared interests in ${bid.ref}`);
        if (declaration.conflict) return say(`${assessor.name} has a conflict of interest in ${bid.ref}`);
        const key = `${bid.id}:${assessor.id}`;
        const group: Group = groups.get(key) ?? { bidId: bid.id, assessor, lines: [], rows: new Map() };
        if (group.rows.has(criterion.id))
          return say(
            `${bid.ref} ${criterion.code} for ${assessor.name} is already on row ${group.rows.get(criterion.id)}`,
          );
        group.rows.set(criterion.id, row);
        group.lines.push({ criterionId: criterion.id, score, justification: cell('justification') });
        groups.set(key, group);
      });
      // A row already refused would be reported again as a missing score; say each thing once.
      for (const group of problems.length > 0 ? [] : groups.values()) {
        const absent = framework.criteria.filter((c) => !group.rows.has(c.id)).map((c) => c.code);
        if (absent.length > 0)
          problems.push(
            `${ctx.store.bids.get(group.bidId)?.ref} for ${group.assessor.name}: no score for ${absent.join(', ')} (every criterion is needed, as imported scores count as submitted)`,
          );
      }
      if (rows.length === 0) problems.push('The file has no scores in it');
      if (problems.length > 0) {
        throw new Refusal(
          'invalid_input',
          `Nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${input.fileName}`,
          problems.map((message) => ({ path: '', message })),
        );
      }
      let imported = 0;
      for (const group of groups.values()) {
        recordScores(ctx, group.bidId, group.assessor, group.lines, true);
        imported += group.lines.length;
      }
      return { imported };
    });
  },

  'assessment:progress': (input: ParsedInput<'assessment:progress'>, ctx: HandlerContext) => {
    mustGetRound(ctx, input.roundId);
    const assignments = ctx.store.scoring.assignmentsForRound(input.roundId);
    const declarations = ctx.store.scoring.declarationsForRound(input.roundId);
    const submissions = ctx.store.scoring.submissionsForRound(input.roundId);
    const peopleIds = [...new Set(assignments.map((a) => a.personId))];
    return {
      assessors: peopleIds.map((personId) => ({
        personId,
        person: assignments.find((a) => a.personId === personId)?.person ?? '',
        assigned: assignments.filter((a) => a.personId === personId).length,
        declared: declarations.filter((d) => d.personId === personId).length,
        conflicts: declarations.filter((d) => d.personId === personId && d.conflict).length,
        submitted: submissions.filter((s) => s.personId === personId).length,
      })),
      bids: ctx.store.bids.listForRound(input.roundId).map((bid) => {
        const assessors = assignments.filter((a) => a.bidId === bid.id);
        const conflicts = declarations.filter((d) => d.bidId === bid.id && d.conflict).length;
        const able = assessors.length - conflicts;
        return {
          bidId: bid.id,
          ref: bid.ref,
          assessors: assessors.map((a) => a.person),
          submitted: submissions.filter((s) => s.bidId === bid.id).length,
          conflicts,
          warning:
            able < 2
              ? `${able} assessor${able === 1 ? '' : 's'} without a conflict: assign at least two`
              : null,
        };
      }),
      declarations: declarations.map(({ ref, person, conflict, nature, declaredAt }) => ({
        ref,
        person,
        conflict,
        nature,
        declaredAt,
      })),
    };
  },

  'assessment:moderation': (input: ParsedInput<'assessment:moderation'>, ctx: HandlerContext) => {
    requireRole(ctx, ['lead_officer', 'commissioner'], 'see assessors\u2019 scores side by side');
    const framework = mustGetFramework(ctx, input.roundId);
    const conflicts = new Set(
      ctx.store.scoring
        .declarationsForRound(input.roundId)
        .filter((d) => d.conflict)
        .map((d) => `${d.bidId}:${d.personId}`),
    );
    const submitted = new Set(
      ctx.store.scoring.submissionsForRound(input.roundId).map((s) => `${s.bidId}:${s.personId}`),
    );
    const counted = ctx.store.scoring
      .scoresForRound(input.roundId)
      .filter(
        (s) =>
          s.score !== null &&
          submitted.has(`${s.bidId}:${s.personId}`) &&
          !conflicts.has(`${s.bidId}:${s.personId}`),
      );
    const moderations = ctx.store.scoring.moderationsForRound(input.roundId);
    const bids = ctx.store.bids.listForRound(input.roundId);
    const items = bids.flatMap((bid) =>
      framework.criteria.flatMap((criterion) => {
        const scored = counted.filter((s) => s.bidId === bid.id && s.criterionId === criterion.id);
        const range = spread(scored.map((s) => s.score as number));
        const moderated =
          moderations.find((m) => m.bidId === bid.id && m.criterionId === criterion.id) ?? null;
        if (range < framework.divergence && !moderated) return [];
        return [
          {
            bidId: bid.id,
            ref: bid.ref,
            criterionId: criterion.id,
            criterion: `${criterion.code} ${criterion.name}`,
            spread: range,
            scores: scored.map((s) => ({
              person: s.person,
              score: s.score as number,
              justification: s.justification,
            })),
            moderated: moderated
              ? { score: moderated.score, reason: moderated.reason, by: moderated.by, at: moderated.at }
              : null,
          },
        ];
      }),
    );
    const weighted = new Set(framework.criteria.filter((c) => !c.gateway).map((c) => c.id));
    const persons = [...new Set(counted.map((s) => s.person))].sort();
    const distributions = persons.map((person) => {
      const own = counted
        .filter((s) => s.person === person && weighted.has(s.criterionId))
        .map((s) => s.score as number);
      const counts = Array.from(
        { length: framework.scale.max - framework.scale.min + 1 },
        (_, i) => own.filter((v) => v === framework.scale.min + i).length,
      );
      return {
        person,
        counts,
        mean: own.length ? Math.round((own.reduce((a, b) => a + b, 0) / own.length) * 100) / 100 : null,
      };
    });
    return { divergence: framework.divergence, items, distributions, scaleMin: framework.scale.min };
  },

  'assessment:moderate': (input: ParsedInput<'assessment:moderate'>, ctx: HandlerContext) =>
    ctx.store.transaction(() => {
      const actor = requireRole(ctx, LEAD, 'moderate scores');
      mustGetOpenRound(ctx, input.roundId);
      const framework = mustGetFramework(ctx, input.roundId);
      const bidId = bidByRef(ctx, input.roundId, input.bidRef);
      const criterion = framework.criteria.find(
        (c) => c.code.toLowerCase() === input.criterion.toLowerCase(),
      );
      if (!criterion)
        throw fieldRefusal('not_found', 'criterion', `"${input.criterion}" is not a criterion of this round`);
      const [min, max] = criterion.gateway ? [0, 1] : [framework.scale.min, framework.scale.max];
      if (input.score < min || input.score > max)
        throw fieldRefusal('invalid_input', 'score', `${input.score} is off the scale (${min} to ${max})`);
      ctx.store.scoring.moderate(
        bidId,
        criterion.id,
        input.score,
        input.reason,
        actor?.id ?? null,
        ctx.now(),
      );
      return rankingFor(ctx, input.roundId);
    }),

  'assessment:ranking': (input: ParsedInput<'assessment:ranking'>, ctx: HandlerContext) => {
    mustGetRound(ctx, input.roundId);
    return rankingFor(ctx, input.roundId);
  },
};
