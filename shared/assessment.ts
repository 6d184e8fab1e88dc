import * as z from 'zod';
import { importFileFields } from './imports';
import { idSchema, requiredText } from './schemas';
import { BOARD_VIEWS } from './board-views';

export const MIN_JUSTIFICATION = 20;

const bidSelection = {
  roundId: idSchema,
  /** Bid references in the round; or `all` for every bid (declare: every bid assigned to the assessor). */
  bidRefs: z.array(z.string().trim().min(1)).max(10_000).optional(),
  all: z.boolean().default(false),
};

export const assignSchema = z
  .object({ ...bidSelection, assessor: requiredText('assessor', 120), remove: z.boolean().default(false) })
  .refine((v) => v.all || (v.bidRefs?.length ?? 0) > 0, {
    error: 'Name the bids (--bid REF) or choose all of them (--all)',
    path: ['bidRefs'],
  });

export const declareSchema = z
  .object({
    ...bidSelection,
    /** Whose declaration; defaults to the person acting. */
    assessor: z.string().trim().min(1).optional(),
    conflict: z.boolean(),
    nature: z.string().trim().max(2_000).optional(),
    /** Why a declared conflict is withdrawn: needed then, and only a lead officer may do it. */
    reason: z.string().trim().max(2_000).optional(),
    /**
     * All one's bids in one declaration: with `conflict: false`, the chosen bids listed here are
     * declared with a conflict (each its own nature) and the rest without one.
     */
    conflicts: z
      .array(
        z.object({ bidRef: z.string().trim().min(1), nature: requiredText('what the conflict is', 2_000) }),
      )
      .max(10_000)
      .optional(),
  })
  .refine((v) => v.all || (v.bidRefs?.length ?? 0) > 0, {
    error: 'Name the bids (--bid REF) or choose all of them (--all)',
    path: ['bidRefs'],
  })
  .refine((v) => !v.conflict || (v.nature ?? '').length > 0, {
    error: 'Say what the conflict is',
    path: ['nature'],
  })
  .refine((v) => !v.conflict || !v.conflicts?.length, {
    error: 'List conflicts bid by bid only when declaring the rest without one',
    path: ['conflicts'],
  });

export const scoreEntrySchema = z.object({
  criterionId: idSchema,
  score: z.number().int({ error: 'A score is a whole number on the scale' }).nullable(),
  justification: z.string().max(10_000).default(''),
});

export const scoreSaveSchema = z.object({
  bidId: idSchema,
  scores: z.array(scoreEntrySchema).max(40),
  /** Submit: every criterion scored and justified; the scores then count, and others' become visible. */
  submit: z.boolean().default(false),
});

export const reopenSchema = z.object({
  bidId: idSchema,
  /** Whose submitted sheet to reopen. */
  assessor: requiredText('assessor', 120),
  reason: requiredText('reason for reopening the scores', 2_000),
});

export const moderateSchema = z.object({
  roundId: idSchema,
  bidRef: requiredText('bid reference', 24),
  criterion: requiredText('criterion code', 12),
  score: z.number().int(),
  reason: requiredText('reason for the moderated score', 2_000),
});

export const scoresImportSchema = z.object({
  roundId: idSchema,
  fileName: importFileFields.fileName,
  dataBase64: importFileFields.dataBase64,
});

const scoreView = z.object({
  criterionId: idSchema,
  score: z.number().int().nullable(),
  justification: z.string(),
});

export const scoringSheetSchema = z.object({
  bidId: idSchema,
  roundId: idSchema,
  ref: z.string(),
  title: z.string(),
  partnership: z.string(),
  assessor: z.object({ id: idSchema, name: z.string() }),
  assigned: z.boolean(),
  declaration: z
    .object({ conflict: z.boolean(), nature: z.string().nullable(), declaredAt: z.string() })
    .nullable(),
  submittedAt: z.string().nullable(),
  own: z.array(scoreView),
  /** Other assessors' scores: null until this assessor has submitted (no anchoring). */
  others: z.array(z.object({ person: z.string(), scores: z.array(scoreView) })).nullable(),
  history: z.array(
    z.object({
      criterionId: idSchema,
      score: z.number().int().nullable(),
      justification: z.string(),
      submitted: z.boolean(),
      at: z.string(),
    }),
  ),
});
export type ScoringSheet = z.infer<typeof scoringSheetSchema>;

export const myBidSchema = z.object({
  bidId: idSchema,
  ref: z.string(),
  title: z.string(),
  partnership: z.string(),
  state: z.enum(['declare', 'conflict', 'to_score', 'draft', 'submitted']),
});

export const progressSchema = z.object({
  assessors: z.array(
    z.object({
      personId: idSchema,
      person: z.string(),
      assigned: z.number().int(),
      declared: z.number().int(),
      conflicts: z.number().int(),
      submitted: z.number().int(),
    }),
  ),
  bids: z.array(
    z.object({
      bidId: idSchema,
      ref: z.string(),
      assessors: z.array(z.string()),
      submitted: z.number().int(),
      conflicts: z.number().int(),
      warning: z.string().nullable(),
    }),
  ),
  declarations: z.array(
    z.object({
      ref: z.string(),
      person: z.string(),
      conflict: z.boolean(),
      nature: z.string().nullable(),
      declaredAt: z.string(),
    }),
  ),
});

const criterionResult = z.object({
  code: z.string(),
  value: z.number().nullable(),
  moderated: z.boolean(),
  scores: z.array(z.number()),
  normalised: z.number().nullable(),
  contribution: z.number().nullable(),
});

export const rankedBidSchema = z.object({
  rank: z.number().int(),
  bidId: idSchema,
  ref: z.string(),
  partnership: z.string(),
  title: z.string(),
  requestedPence: z.number().int(),
  weightedScore: z.number().nullable(),
  assessorCount: z.number().int(),
  /** Assessors expected to score it: assigned and without a conflict (at least those who did). */
  assessorsExpected: z.number().int(),
  failedGateway: z.boolean(),
  belowMinimum: z.boolean(),
  belowThreshold: z.boolean(),
  /** Every criterion has a value and every expected assessor has submitted: only then a rank. */
  complete: z.boolean(),
  /** A criterion's scores differ by the round's divergence or more and are not yet moderated. */
  moderationOpen: z.boolean(),
  criteria: z.array(criterionResult),
  /** The automatic checks that found problems, and queries still open: visible to the panel. */
  checks: z.array(z.string()),
  openQueries: z.array(z.string()),
});
export type RankedBidView = z.infer<typeof rankedBidSchema>;

/**
 * A bid's row on the ranking and allocation pages: the ranking without each criterion's breakdown
 * (fetched when a row is opened, `assessment:breakdown`), and with the bid's reduced amount, so
 * the pages need not read every bid and its scores again for what their rows show.
 */
export const rankingRowSchema = rankedBidSchema
  .omit({ criteria: true })
  .extend({ reducedPence: z.number().int().nullable() });
export type RankingRowView = z.infer<typeof rankingRowSchema>;

/** How one bid's weighted score was reached, criterion by criterion. */
export const breakdownSchema = z.object({ bidId: idSchema, criteria: z.array(criterionResult) });

/** A bid's place in the ranking, as the shortlist and the board see it. */
const rankedBidSummary = rankedBidSchema.pick({
  rank: true,
  bidId: true,
  ref: true,
  title: true,
  partnership: true,
  requestedPence: true,
  weightedScore: true,
});

export const moderationViewSchema = z.object({
  divergence: z.number().int(),
  items: z.array(
    z.object({
      bidId: idSchema,
      ref: z.string(),
      criterionId: idSchema,
      criterion: z.string(),
      spread: z.number(),
      scores: z.array(z.object({ person: z.string(), score: z.number().int(), justification: z.string() })),
      moderated: z
        .object({ score: z.number().int(), reason: z.string(), by: z.string().nullable(), at: z.string() })
        .nullable(),
    }),
  ),
  /** How often each assessor gave each point of the scale, to show harsh and lenient scoring. */
  distributions: z.array(
    z.object({ person: z.string(), counts: z.array(z.number().int()), mean: z.number().nullable() }),
  ),
  scaleMin: z.number().int(),
});

export const STRENGTHS = ['none', 'some', 'strong'] as const;
export type Strength = (typeof STRENGTHS)[number];

export const alignSchema = z.object({
  bidId: idSchema,
  alignments: z.array(z.object({ priorityId: idSchema, strength: z.enum(STRENGTHS) })).max(200),
});

export const alignmentViewSchema = z.object({
  /** The round's plan priorities, flattened in order, with depth for indenting. */
  priorities: z.array(
    z.object({ id: idSchema, code: z.string(), title: z.string(), depth: z.number().int() }),
  ),
  /** What the bidder claimed. */
  claimed: z.array(idSchema),
  /** This assessor's judgement, where given. */
  mine: z.array(z.object({ priorityId: idSchema, strength: z.enum(STRENGTHS) })),
});

export const coverageSchema = z.object({
  planTitle: z.string().nullable(),
  priorities: z.array(
    z.object({
      id: idSchema,
      code: z.string(),
      title: z.string(),
      depth: z.number().int(),
      /** Bids judged to advance it strongly (by any assessor without a conflict), or somewhat. */
      strong: z.array(z.string()),
      some: z.array(z.string()),
      claimedBy: z.array(z.string()),
    }),
  ),
});

export const queryRaiseSchema = z.object({
  bidId: idSchema,
  text: requiredText('query', 2_000),
  assignTo: z.string().trim().min(1).optional(),
});
export const queryResolveSchema = z.object({
  id: idSchema,
  resolution: requiredText('resolution note', 2_000),
});
export const bidQuerySchema = z.object({
  id: idSchema,
  bidId: idSchema,
  ref: z.string(),
  text: z.string(),
  raisedBy: z.string().nullable(),
  assignedTo: z.string().nullable(),
  raisedAt: z.string(),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type BidQuery = z.infer<typeof bidQuerySchema>;

export const exportedFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  dataBase64: z.string(),
});
export const sheetExportSchema = z.object({
  roundId: idSchema,
  assessor: z.string().trim().min(1).optional(),
});
export const panelPackSchema = z.object({ roundId: idSchema, format: z.enum(['xlsx', 'pdf']) });

// ---- Allocation ----

export const ALLOCATION_OPTIONS = ['full', 'reduced', 'custom'] as const;

export const allocateSchema = z
  .object({
    roundId: idSchema,
    bidRef: requiredText('bid reference', 24),
    option: z.enum([...ALLOCATION_OPTIONS, 'none']),
    /** For a custom amount. */
    amountPence: z.number().int().positive({ error: 'A custom amount must be more than £0' }).optional(),
    conditions: z.string().trim().max(5_000).optional(),
    /**
     * Why an award departs from the ranking: funded out of rank order, below the threshold or below
     * a criterion's minimum. Required then (the handler says so); kept with the award otherwise.
     */
    reason: z.string().trim().max(2_000).optional(),
    /** Why the commissioner considers the award will reduce crime and disorder (published with it). */
    crimeReduction: z.string().trim().max(2_000).optional(),
  })
  .refine((v) => v.option !== 'custom' || v.amountPence !== undefined, {
    error: 'Give the custom amount',
    path: ['amountPence'],
  });

export const allocationItemSchema = z.object({
  bidId: idSchema,
  ref: z.string(),
  partnership: z.string(),
  title: z.string(),
  requestedPence: z.number().int(),
  reducedPence: z.number().int().nullable(),
  amountPence: z.number().int(),
  option: z.enum(ALLOCATION_OPTIONS),
  conditions: z.string(),
  /** The recorded reason for a departure from the ranking ('' when none was needed or given). */
  reason: z.string(),
  /** Why it will reduce crime and disorder ('' until written). */
  crimeReduction: z.string(),
  /** How this award departs from the ranking, in words; empty when it follows it. */
  departures: z.array(z.string()),
});

export const allocationSchema = z.object({
  roundId: idSchema,
  availablePence: z.number().int(),
  allocatedPence: z.number().int(),
  remainingPence: z.number().int(),
  items: z.array(allocationItemSchema),
  byPartnership: z.array(
    z.object({ partnership: z.string(), requestedPence: z.number().int(), allocatedPence: z.number().int() }),
  ),
});
export type Allocation = z.infer<typeof allocationSchema>;

export const SUGGEST_METHODS = ['rank', 'value'] as const;
export type SuggestMethod = (typeof SUGGEST_METHODS)[number];
export const SUGGEST_METHOD_LABELS: Record<SuggestMethod, string> = {
  rank: 'In rank order',
  value: 'Most score per pound (departs from rank order)',
};

export const suggestInputSchema = z.object({
  roundId: idSchema,
  apply: z.boolean().default(false),
  /** `rank` (the default): fund in rank order. `value`: the most weighted score per pound. */
  method: z.enum(SUGGEST_METHODS).default('rank'),
  /** Needed to adopt a suggestion that departs from the ranking (the value method can). */
  reason: z.string().trim().max(2_000).optional(),
});

export const suggestionSchema = z.object({
  method: z.enum(SUGGEST_METHODS),
  /** The rule the suggestion followed, in one sentence. */
  explanation: z.string(),
  allocatedPence: z.number().int(),
  items: z.array(
    z.object({ ref: z.string(), amountPence: z.number().int(), option: z.enum(['full', 'reduced']) }),
  ),
  excluded: z.array(z.object({ ref: z.string(), reason: z.string() })),
  applied: z.boolean(),
});

export const scenarioSaveSchema = z.object({
  roundId: idSchema,
  name: requiredText('scenario name', 120),
  /** What to save: the round's current allocation, or the suggestion. */
  from: z.enum(['current', 'suggestion']).default('current'),
});

export const scenarioSchema = z.object({
  id: idSchema,
  name: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  adoptedAt: z.string().nullable(),
  allocatedPence: z.number().int(),
  items: z.array(
    z.object({
      bidId: idSchema,
      ref: z.string(),
      partnership: z.string(),
      option: z.enum(ALLOCATION_OPTIONS),
      amountPence: z.number().int(),
    }),
  ),
});

// ---- Shortlist and board review ----

export { BOARD_VIEWS, BOARD_VIEW_LABELS } from './board-views';

export const shortlistRuleSchema = z
  .object({
    roundId: idSchema,
    rule: z.enum(['threshold', 'top', 'manual']),
    topN: z.number().int().positive().optional(),
  })
  .refine((v) => v.rule !== 'top' || v.topN !== undefined, {
    error: 'Say how many of the top bids to shortlist',
    path: ['topN'],
  });

export const shortlistOverrideSchema = z.object({
  roundId: idSchema,
  bidRef: requiredText('bid reference', 24),
  included: z.boolean(),
  reason: z.string().trim().max(2_000).default(''),
});

export const shortlistSchema = z.object({
  rule: z.enum(['threshold', 'top', 'manual']),
  topN: z.number().int().nullable(),
  items: z.array(
    rankedBidSummary.extend({
      byRule: z.boolean(),
      included: z.boolean(),
      override: z
        .object({ included: z.boolean(), reason: z.string(), by: z.string().nullable(), at: z.string() })
        .nullable(),
    }),
  ),
});

export const boardViewInputSchema = z.object({
  roundId: idSchema,
  bidRef: requiredText('bid reference', 24),
  view: z.enum(BOARD_VIEWS),
  comment: z.string().trim().max(5_000).default(''),
  meetingOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export const boardPackSchema = z.array(
  rankedBidSummary.extend({
    reducedPence: z.number().int().nullable(),
    summary: z.string(),
    checks: z.array(z.string()),
    openQueries: z.array(z.string()),
    /** What the officers propose: the round's current allocation for the bid, if any. */
    recommendedPence: z.number().int().nullable(),
    /** The recorded reason the proposed award departs from the ranking; '' when none. */
    departureReason: z.string(),
    views: z.array(
      z.object({
        person: z.string(),
        view: z.enum(BOARD_VIEWS),
        comment: z.string(),
        meetingOn: z.string().nullable(),
      }),
    ),
  }),
);

export const fundReportSchema = z.object({
  fund: z.string(),
  rows: z.array(
    z.object({
      round: z.string(),
      financialYear: z.string().nullable(),
      area: z.string(),
      partnership: z.string(),
      bids: z.number().int(),
      requestedPence: z.number().int(),
      allocatedPence: z.number().int(),
      /** The round's notice is signed: the money is awarded, not a draft allocation. */
      decided: z.boolean(),
    }),
  ),
});

export const priorityReportSchema = z.object({
  priorities: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      allocatedPence: z.number().int(),
      bids: z.array(z.string()),
    }),
  ),
  unclaimedPence: z.number().int(),
  unclaimedBids: z.array(z.string()),
  note: z.string(),
  /** The round's notice is signed: the money is awarded, not a draft allocation. */
  decided: z.boolean(),
});
