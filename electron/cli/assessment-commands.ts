import { rankText, sharedRanks } from '../../shared/ranking';
import type { Output } from '../../shared/contract';
import { TEMPLATE_KEYS, type TemplateKey } from '../../shared/framework-templates';
import { textTable } from './output';
import {
  bidRefs,
  CliRefusal,
  idOption,
  printJson,
  readInputFile,
  requiredOption,
  writeOutput,
  type Command,
} from './command-kit';

// Assessment: the scoring framework, assigning assessors, declarations, scores, moderation, the
// scoring sheet and panel pack, and the ranking.

export const assessmentCommands: Command[] = [
  {
    words: ['framework', 'use'],
    usage: 'framework use --round ID --template invest-to-save|safer-streets [--confirm]',
    summary:
      "Start a round's scoring framework from a template (replacing it; --confirm once scoring has begun)",
    options: { round: { type: 'string' }, template: { type: 'string' }, confirm: { type: 'boolean' } },
    async run(ctx) {
      const template = requiredOption(ctx, 'template');
      if (!TEMPLATE_KEYS.includes(template as TemplateKey))
        throw new CliRefusal(`--template must be ${TEMPLATE_KEYS.join(' or ')}, not "${template}"`);
      const framework = await ctx.call('frameworks:use', {
        roundId: idOption(ctx, 'round'),
        template: template as TemplateKey,
        confirmChangeAfterScoring: ctx.values.confirm === true,
      });
      if (ctx.json) return printJson(ctx, frameworkJson(framework));
      ctx.print(
        `Round ${framework.roundId} now scores with the ${template} template: ` +
          `${framework.criteria.map((c) => `${c.code} ${c.weight}%`).join(', ')}`,
      );
    },
  },
  {
    words: ['framework', 'show'],
    usage: 'framework show --round ID [--json]',
    summary: "Show a round's scale, criteria, weights, minimums, gateways and threshold",
    options: { round: { type: 'string' } },
    async run(ctx) {
      const framework = await ctx.call('frameworks:get', { roundId: idOption(ctx, 'round') });
      if (!framework)
        throw new CliRefusal(
          'This round has no scoring framework yet: framework use --round ID --template NAME',
        );
      if (ctx.json) return printJson(ctx, frameworkJson(framework));
      ctx.print(
        `Scale ${framework.scale.min} to ${framework.scale.max}; threshold ${framework.threshold ?? 'none'}`,
      );
      ctx.print(
        textTable(
          ['Code', 'Criterion', 'Weight', 'Minimum', 'Gateway'],
          framework.criteria.map((c) => [
            c.code,
            c.name,
            `${c.weight}%`,
            c.minScore === null ? '' : String(c.minScore),
            c.gateway ? 'pass/fail' : '',
          ]),
        ),
      );
    },
  },
  {
    words: ['assign'],
    usage: 'assign --round ID --assessor NAME (--bid REF ... | --all)',
    summary: 'Assign an assessor to bids (as a lead officer)',
    options: {
      round: { type: 'string' },
      assessor: { type: 'string' },
      bid: { type: 'string', multiple: true },
      all: { type: 'boolean' },
    },
    async run(ctx) {
      const result = await ctx.call('assessment:assign', {
        roundId: idOption(ctx, 'round'),
        assessor: requiredOption(ctx, 'assessor'),
        bidRefs: bidRefs(ctx),
        all: ctx.values.all === true,
      });
      if (ctx.json) return printJson(ctx, result);
      ctx.print(
        `Assigned ${requiredOption(ctx, 'assessor')} to ${result.changed} bid${result.changed === 1 ? '' : 's'}.`,
      );
      for (const warning of result.warnings) ctx.print(`Warning: ${warning}`);
    },
  },
  {
    words: ['declare'],
    usage:
      'declare --round ID --assessor NAME (--bid REF ... | --all) (--none [--reason TEXT] | --conflict TEXT)',
    summary:
      "Record an assessor's declaration of interests before scoring (--all: every bid assigned to them)",
    options: {
      round: { type: 'string' },
      assessor: { type: 'string' },
      bid: { type: 'string', multiple: true },
      all: { type: 'boolean' },
      none: { type: 'boolean' },
      conflict: { type: 'string' },
      reason: { type: 'string' },
    },
    async run(ctx) {
      const conflict = ctx.values.conflict;
      if ((ctx.values.none === true) === (typeof conflict === 'string'))
        throw new CliRefusal('Give exactly one of --none or --conflict TEXT');
      const result = await ctx.call('assessment:declare', {
        roundId: idOption(ctx, 'round'),
        assessor: requiredOption(ctx, 'assessor'),
        bidRefs: bidRefs(ctx),
        all: ctx.values.all === true,
        conflict: typeof conflict === 'string',
        ...(typeof conflict === 'string' ? { nature: conflict } : {}),
        ...(typeof ctx.values.reason === 'string' ? { reason: ctx.values.reason } : {}),
      });
      if (ctx.json) return printJson(ctx, result);
      ctx.print(`Recorded ${result.declared} declaration${result.declared === 1 ? '' : 's'}.`);
    },
  },
  {
    words: ['import', 'scores'],
    usage: 'import scores FILE --round ID [--json]',
    summary:
      'Import submitted scores from CSV (bid,assessor,criterion,score,justification) or a completed ' +
      'scoring sheet (.xlsx); all or nothing',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const file = readInputFile(ctx.args[0]);
      const result = await ctx.call('assessment:importScores', { roundId: idOption(ctx, 'round'), ...file });
      if (ctx.json) return printJson(ctx, result);
      ctx.print(`Imported ${result.imported} scores.`);
    },
  },
  {
    words: ['reopen'],
    usage: 'reopen --round ID --bid REF --assessor NAME --reason TEXT [--json]',
    summary: "Reopen an assessor's submitted scores for a bid so they can change them (as a lead officer)",
    options: {
      round: { type: 'string' },
      bid: { type: 'string' },
      assessor: { type: 'string' },
      reason: { type: 'string' },
    },
    async run(ctx) {
      const ref = requiredOption(ctx, 'bid');
      const bids = await ctx.call('bids:list', { roundId: idOption(ctx, 'round') });
      const bid = bids.find((b) => b.ref.toLowerCase() === ref.toLowerCase());
      if (!bid) throw new CliRefusal(`There is no bid ${ref} in this round`);
      const sheet = await ctx.call('assessment:reopen', {
        bidId: bid.id,
        assessor: requiredOption(ctx, 'assessor'),
        reason: requiredOption(ctx, 'reason'),
      });
      if (ctx.json)
        return printJson(ctx, { ref: sheet.ref, assessor: sheet.assessor.name, submittedAt: null });
      ctx.print(`${sheet.assessor.name}'s scores for ${sheet.ref} are open again.`);
    },
  },
  {
    words: ['moderate'],
    usage: 'moderate --round ID --bid REF --criterion CODE --score N --reason TEXT',
    summary: "Record a moderated score, which stands in place of the assessors' mean (as a lead officer)",
    options: {
      round: { type: 'string' },
      bid: { type: 'string' },
      criterion: { type: 'string' },
      score: { type: 'string' },
      reason: { type: 'string' },
    },
    async run(ctx) {
      const text = requiredOption(ctx, 'score');
      if (!/^-?\d+$/.test(text)) throw new CliRefusal(`--score must be a whole number, not "${text}"`);
      const ranked = await ctx.call('assessment:moderate', {
        roundId: idOption(ctx, 'round'),
        bidRef: requiredOption(ctx, 'bid'),
        criterion: requiredOption(ctx, 'criterion'),
        score: Number(text),
        reason: requiredOption(ctx, 'reason'),
      });
      const bid = ranked.find((r) => r.ref.toLowerCase() === requiredOption(ctx, 'bid').toLowerCase());
      if (ctx.json) return printJson(ctx, bid ? rankJson(bid) : null);
      ctx.print(
        bid ? `${bid.ref} now scores ${bid.weightedScore ?? '—'} and ranks ${bid.rank}.` : 'Moderated.',
      );
    },
  },
  {
    words: ['scores', 'sheet'],
    usage: 'scores sheet --round ID [--assessor NAME] --out FILE.xlsx',
    summary:
      'Write an offline scoring sheet (Excel) for an assessor; fill it in and bring it back with import scores',
    options: { round: { type: 'string' }, assessor: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      requiredOption(ctx, 'out');
      const assessor = ctx.values.assessor;
      writeOutput(
        ctx,
        await ctx.call('assessment:exportSheet', {
          roundId: idOption(ctx, 'round'),
          ...(typeof assessor === 'string' ? { assessor } : {}),
        }),
      );
    },
  },
  {
    words: ['panel-pack'],
    usage: 'panel-pack --round ID --format xlsx|pdf --out FILE',
    summary: 'Write the panel pack: every score and justification, moderations, declarations and the ranking',
    options: { round: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const format = requiredOption(ctx, 'format');
      if (format !== 'xlsx' && format !== 'pdf')
        throw new CliRefusal(`--format must be xlsx or pdf, not "${format}"`);
      requiredOption(ctx, 'out');
      writeOutput(ctx, await ctx.call('assessment:panelPack', { roundId: idOption(ctx, 'round'), format }));
    },
  },
  {
    words: ['rank'],
    usage: 'rank --round ID [--json]',
    summary: 'The ranking: weighted scores 0–100, gateway and threshold failures ranked last',
    options: { round: { type: 'string' } },
    async run(ctx) {
      const ranked = await ctx.call('assessment:ranking', { roundId: idOption(ctx, 'round') });
      if (ctx.json) return printJson(ctx, ranked.map(rankJson));
      const shared = sharedRanks(ranked.filter((r) => r.complete).map((r) => r.rank));
      ctx.print(
        textTable(
          ['Rank', 'Ref', 'Score', 'Assessors', 'Marked'],
          ranked.map((r) => [
            r.complete ? rankText(r.rank, shared) : '',
            r.ref,
            r.weightedScore === null
              ? `not yet scored (${r.assessorCount} of ${r.assessorsExpected} assessors)`
              : r.weightedScore.toFixed(2),
            String(r.assessorCount),
            [
              r.moderationOpen && 'moderation open',
              r.failedGateway && 'failed gateway',
              r.belowMinimum && 'below a minimum',
              r.belowThreshold && 'below threshold',
            ]
              .filter(Boolean)
              .join(', '),
          ]),
          [0, 2, 3],
        ),
      );
    },
  },
];

function frameworkJson(framework: Output<'frameworks:get'> & object) {
  return {
    scale: { min: framework.scale.min, max: framework.scale.max, descriptors: framework.scale.descriptors },
    criteria: framework.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      weight: c.weight,
      minScore: c.minScore,
      gateway: c.gateway,
    })),
    threshold: framework.threshold,
  };
}

function rankJson(r: Output<'assessment:ranking'>[number]) {
  return {
    rank: r.rank,
    ref: r.ref,
    weightedScore: r.weightedScore,
    assessorCount: r.assessorCount,
    failedGateway: r.failedGateway,
    belowThreshold: r.belowThreshold,
    belowMinimum: r.belowMinimum,
    complete: r.complete,
    moderationOpen: r.moderationOpen,
  };
}
