import { randomUUID } from 'node:crypto';
import { FRAUD_RISKS, GRANT_STATUSES } from '../shared/grant-terms';
import { STAGES } from '../shared/stages';
import { sql } from 'drizzle-orm';
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

// Money columns hold integer pence and end in `_pence`. Timestamps are ISO-8601 UTC text; calendar
// dates are YYYY-MM-DD text. Figures that can be computed from others (a round's commitments and
// available money, a bid's cost-line total) are never stored; figures a document states are kept
// in `stated_*` columns only to be checked against the computed ones.

// Columns that point at a bid, a round or a person, declared the same way wherever they appear:
// rows belonging to a bid or round go with it; a person on the record cannot be deleted.
const bidColumn = () =>
  integer('bid_id')
    .notNull()
    .references((): AnySQLiteColumn => bids.id, { onDelete: 'cascade' });
const roundColumn = () =>
  integer('round_id')
    .notNull()
    .references((): AnySQLiteColumn => rounds.id, { onDelete: 'cascade' });
const personColumn = () =>
  integer('person_id')
    .notNull()
    .references((): AnySQLiteColumn => people.id, { onDelete: 'restrict' });

export const funds = sqliteTable(
  'funds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** Most one bid may ask of the fund, where its rules set a cap. */
    capPence: integer('cap_pence'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('funds_name_unique').on(sql`lower(${t.name})`),
    check('funds_cap_positive', sql`${t.capPence} IS NULL OR ${t.capPence} > 0`),
  ],
);

export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    period: text('period').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('plans_title_unique').on(sql`lower(${t.title})`)],
);

export const priorities = sqliteTable(
  'priorities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => priorities.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('priorities_plan_code_unique').on(t.planId, sql`lower(${t.code})`),
    index('priorities_parent_idx').on(t.parentId),
  ],
);

export const rounds = sqliteTable(
  'rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => funds.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    financialYear: text('financial_year'),
    tranche: text('tranche'),
    budgetPence: integer('budget_pence').notNull(),
    opensOn: text('opens_on'),
    closesOn: text('closes_on'),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'restrict' }),
    /** Set on demonstration rounds: says where the data came from, shown wherever the round is. */
    demoNotice: text('demo_notice'),
    /** Where the round stands (shared/stages.ts); the rule book allows each write in some stages. */
    stage: text('stage', { enum: STAGES }).notNull().default('setup'),
    archivedAt: text('archived_at'),
    /**
     * The round's identity across laptops (packs name rounds by it, never by the local id): a
     * random UUID given when the round is made here, or the office's uid on a copy.
     */
    // Every insert draws a fresh UUID here. The migration that added the column (0012) gives it
    // an SQL default of '' by hand, only so it could be added to a table with rows, and then gives
    // each existing round its own uid; the unique index refuses a second ''.
    uid: text('uid')
      .notNull()
      .$defaultFn(() => randomUUID()),
    /**
     * Set on a copy of another office's round received in a pack (JSON of where it came from);
     * null on a round this database owns. On a copy only the recipient's own work may be written.
     */
    copyOf: text('copy_of'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('rounds_uid_unique').on(t.uid),
    uniqueIndex('rounds_fund_name_unique').on(t.fundId, sql`lower(${t.name})`),
    index('rounds_archived_idx').on(t.archivedAt),
    check('rounds_budget_not_negative', sql`${t.budgetPence} >= 0`),
    check('rounds_status_known', sql`${t.status} IN ('open', 'closed')`),
  ],
);

/** Money already promised from a round's budget before bids are decided (each with what it is for). */
export const commitments = sqliteTable(
  'commitments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: roundColumn(),
    description: text('description').notNull(),
    amountPence: integer('amount_pence').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    index('commitments_round_idx').on(t.roundId),
    check('commitments_amount_positive', sql`${t.amountPence} > 0`),
  ],
);

export const partnerships = sqliteTable(
  'partnerships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    area: text('area'),
    /** One of the office's own partnerships (`partnerships add`): Appendix A lists it even without a bid. */
    office: integer('office', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('partnerships_name_unique').on(sql`lower(${t.name})`)],
);

/** Other names a partnership is written as ("BCSP", "Birmingham CSP"), for matching imports. */
export const partnershipAliases = sqliteTable(
  'partnership_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
  },
  (t) => [
    uniqueIndex('partnership_aliases_alias_unique').on(sql`lower(${t.alias})`),
    index('partnership_aliases_partnership_idx').on(t.partnershipId),
  ],
);

export const bids = sqliteTable(
  'bids',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: roundColumn(),
    ref: text('ref').notNull(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    requestedPence: integer('requested_pence').notNull(),
    /** The smaller amount the bidder offers to accept, if any, and what would be cut to reach it. */
    reducedPence: integer('reduced_pence'),
    reductionNote: text('reduction_note'),
    /** The total the business case states, checked against its cost lines. */
    statedTotalPence: integer('stated_total_pence'),
    durationText: text('duration_text'),
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    matchFundingPence: integer('match_funding_pence'),
    status: text('status', { enum: ['received', 'eligible', 'ineligible', 'withdrawn'] })
      .notNull()
      .default('received'),
    statusReason: text('status_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('bids_round_ref_unique').on(t.roundId, sql`lower(${t.ref})`),
    index('bids_round_partnership_idx').on(t.roundId, t.partnershipId),
    index('bids_round_status_idx').on(t.roundId, t.status),
    check('bids_requested_not_negative', sql`${t.requestedPence} >= 0`),
    check('bids_reduced_not_negative', sql`${t.reducedPence} IS NULL OR ${t.reducedPence} >= 0`),
    check('bids_stated_total_not_negative', sql`${t.statedTotalPence} IS NULL OR ${t.statedTotalPence} >= 0`),
    check('bids_match_not_negative', sql`${t.matchFundingPence} IS NULL OR ${t.matchFundingPence} >= 0`),
    check('bids_status_known', sql`${t.status} IN ('received', 'eligible', 'ineligible', 'withdrawn')`),
  ],
);

export const bidCostLines = sqliteTable(
  'bid_cost_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bidId: bidColumn(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: real('quantity'),
    unitCostPence: integer('unit_cost_pence'),
    /** The line amount as stated; null when the document gives none. */
    amountPence: integer('amount_pence'),
  },
  (t) => [index('bid_cost_lines_bid_idx').on(t.bidId, t.position)],
);

export const bidSections = sqliteTable(
  'bid_sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bidId: bidColumn(),
    position: integer('position').notNull(),
    heading: text('heading').notNull(),
    body: text('body').notNull(),
  },
  (t) => [index('bid_sections_bid_idx').on(t.bidId, t.position)],
);

/** The plan priorities a bidder says its bid advances. */
export const bidPriorityClaims = sqliteTable(
  'bid_priority_claims',
  {
    bidId: bidColumn(),
    priorityId: integer('priority_id')
      .notNull()
      .references(() => priorities.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.priorityId] })],
);

/** Original files as received, kept byte for byte with their SHA-256. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bidId: bidColumn(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('attachments_bid_idx').on(t.bidId)],
);

/** A partnership subtotal as an imported schedule states it, checked against the bids' sum. */
export const scheduleTotals = sqliteTable(
  'schedule_totals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: roundColumn(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'restrict' }),
    label: text('label').notNull(),
    statedPence: integer('stated_pence').notNull(),
    statedReducedPence: integer('stated_reduced_pence'),
  },
  (t) => [uniqueIndex('schedule_totals_round_partnership_unique').on(t.roundId, t.partnershipId)],
);

// ---- People and assessment ----

export const ROLES = ['policy_officer', 'lead_officer', 'board_member', 'commissioner'] as const;

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: text('created_at').notNull(),
    /** When a lead officer retired them: they can no longer act, but stay in the record. */
    retiredAt: text('retired_at'),
    /**
     * When `role` (commissioner or lead officer) was granted, while it waits for the sitting
     * commissioner's approval; null once approved, or for a role that needs none. Until then the
     * person acts in `roleBefore` (null: a new person, who cannot act at all).
     */
    pendingSince: text('pending_since'),
    roleBefore: text('role_before', { enum: ROLES }),
  },
  (t) => [
    uniqueIndex('people_name_unique').on(sql`lower(${t.name})`),
    check(
      'people_role_known',
      sql`${t.role} IN ('policy_officer', 'lead_officer', 'board_member', 'commissioner')`,
    ),
  ],
);

/**
 * Each person's key pair: the Ed25519 public key (raw, base64) and its fingerprint, and the private
 * key sealed with their passphrase (AES-256-GCM under a scrypt-derived key). People added before
 * identities existed have no row here until they are enrolled.
 */
export const personKeys = sqliteTable('person_keys', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'restrict' }),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  sealedPrivateKey: text('sealed_private_key').notNull(),
  salt: text('salt').notNull(),
  nonce: text('nonce').notNull(),
  /** JSON of the key derivation's name and parameters, e.g. {"algorithm":"scrypt","N":32768,…}. */
  kdf: text('kdf').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The commissioner's approval of a grant of the commissioner or lead officer role: the statement
 * approved (canonical JSON naming the person, the role and when it was granted) and the approving
 * commissioner's Ed25519 signature over it, so that anyone can check it with their public key.
 */
export const roleApprovals = sqliteTable('role_approvals', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  personId: integer('person_id')
    .notNull()
    .references(() => people.id, { onDelete: 'restrict' }),
  role: text('role', { enum: ROLES }).notNull(),
  approvedBy: integer('approved_by')
    .notNull()
    .references(() => people.id, { onDelete: 'restrict' }),
  approvedAt: text('approved_at').notNull(),
  statement: text('statement').notNull(),
  signature: text('signature').notNull(),
  approverFingerprint: text('approver_fingerprint').notNull(),
});

/**
 * The one-time code a lead officer was shown when adding someone, with which that person chooses
 * their own passphrase. The code, with the salt through scrypt, makes an Ed25519 key (bound to the
 * person); only its public half is kept, which can check the code but neither give it back nor
 * sign. `proof` is that key's signature over the key the person made at enrolment, which verify
 * checks; `usedAt` makes the code single-use. A code issued before proofs has no public key.
 */
export const enrolmentCodes = sqliteTable('enrolment_codes', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'restrict' }),
  codePublicKey: text('code_public_key'),
  proof: text('proof'),
  salt: text('salt').notNull(),
  /** JSON of the key derivation's parameters, as for person_keys. */
  kdf: text('kdf').notNull(),
  issuedAt: text('issued_at').notNull(),
  usedAt: text('used_at'),
});

// ---- Packs: laptops that work apart (electron/packs/) ----

/**
 * Public keys of people whose private key lives on another laptop, pinned when a pack first
 * proved them (`via` says how: an enrolment, or the office's assessor pack). For such a person
 * this key, not any local one, is the one packs from them must be signed with.
 */
export const pinnedKeys = sqliteTable('pinned_keys', {
  personId: integer('person_id')
    .primaryKey()
    .references(() => people.id, { onDelete: 'restrict' }),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  pinnedAt: text('pinned_at').notNull(),
  via: text('via').notNull(),
});

/**
 * One-time enrolment codes given with a first pack to someone whose key this office has not
 * pinned: only the code's SHA-256 is kept. Used when their first return proves the code.
 */
export const enrolments = sqliteTable(
  'enrolments',
  {
    id: text('id').primaryKey(),
    personId: personColumn(),
    roundId: roundColumn(),
    codeHash: text('code_hash').notNull(),
    createdAt: text('created_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('enrolments_person_idx').on(t.personId)],
);

/** Every pack this database accepted: the same pack twice changes nothing; older returns are refused. */
export const packsReceived = sqliteTable(
  'packs_received',
  {
    packId: text('pack_id').primaryKey(),
    kind: text('kind').notNull(),
    roundId: roundColumn(),
    senderPersonId: integer('sender_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    sequence: integer('sequence').notNull(),
    sha256: text('sha256').notNull(),
    /** When the sender made it (the pack's header), and when it arrived here. */
    createdAt: text('created_at').notNull(),
    receivedAt: text('received_at').notNull(),
    /** JSON of what it changed, for the assessment page. */
    summary: text('summary').notNull(),
  },
  (t) => [index('packs_received_round_idx').on(t.roundId, t.senderPersonId)],
);

/** Every pack this database made, with its numbering per recipient (or sender's return) and round. */
export const packsSent = sqliteTable(
  'packs_sent',
  {
    packId: text('pack_id').primaryKey(),
    kind: text('kind').notNull(),
    roundId: roundColumn(),
    toPersonId: integer('to_person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    sequence: integer('sequence').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: text('created_at').notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [index('packs_sent_round_idx').on(t.roundId, t.toPersonId)],
);

/** Settings of this installation, such as whose profile the app acts as. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const frameworks = sqliteTable(
  'frameworks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: roundColumn(),
    template: text('template'),
    scaleMin: integer('scale_min').notNull(),
    scaleMax: integer('scale_max').notNull(),
    /** Overall quality threshold on the 0–100 weighted score; null for none. */
    thresholdPercent: integer('threshold_percent'),
    /** Spread between assessors on a criterion at which a bid needs moderation. */
    divergence: integer('divergence').notNull().default(2),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('frameworks_round_unique').on(t.roundId),
    check(
      'frameworks_scale_order',
      sql`${t.scaleMin} >= 0 AND ${t.scaleMax} > ${t.scaleMin} AND ${t.scaleMax} <= 10`,
    ),
    check(
      'frameworks_threshold_range',
      sql`${t.thresholdPercent} IS NULL OR (${t.thresholdPercent} >= 0 AND ${t.thresholdPercent} <= 100)`,
    ),
  ],
);

export const scaleDescriptors = sqliteTable(
  'scale_descriptors',
  {
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    descriptor: text('descriptor').notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.score] })],
);

export const criteria = sqliteTable(
  'criteria',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    guidance: text('guidance').notNull().default(''),
    /** Whole percent; the weighted criteria of a framework sum to 100. Gateways weigh 0. */
    weightPercent: integer('weight_percent').notNull(),
    minScore: integer('min_score'),
    gateway: integer('gateway', { mode: 'boolean' }).notNull().default(false),
    position: integer('position').notNull(),
    /** Set when a framework change drops a criterion that has scores: kept, never deleted. */
    retiredAt: text('retired_at'),
  },
  (t) => [
    uniqueIndex('criteria_framework_code_unique').on(t.frameworkId, sql`lower(${t.code})`),
    check('criteria_weight_range', sql`${t.weightPercent} >= 0 AND ${t.weightPercent} <= 100`),
  ],
);

/** Changes to a framework made after scoring began, confirmed and on the record. */
export const frameworkChanges = sqliteTable('framework_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  frameworkId: integer('framework_id')
    .notNull()
    .references(() => frameworks.id, { onDelete: 'cascade' }),
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  summary: text('summary').notNull(),
  at: text('at').notNull(),
});

export const assignments = sqliteTable(
  'assignments',
  {
    bidId: bidColumn(),
    personId: personColumn(),
    assignedAt: text('assigned_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.personId] }), index('assignments_person_idx').on(t.personId)],
);

export const declarations = sqliteTable(
  'declarations',
  {
    bidId: bidColumn(),
    personId: personColumn(),
    conflict: integer('conflict', { mode: 'boolean' }).notNull(),
    nature: text('nature'),
    declaredAt: text('declared_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.personId] })],
);

/** Every declaration ever recorded, never changed: the current one is in `declarations`. */
export const declarationHistory = sqliteTable(
  'declaration_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bidId: bidColumn(),
    personId: personColumn(),
    conflict: integer('conflict', { mode: 'boolean' }).notNull(),
    nature: text('nature'),
    /** Why a declared conflict was withdrawn (required then), else null. */
    reason: text('reason'),
    recordedBy: integer('recorded_by').references(() => people.id, { onDelete: 'set null' }),
    at: text('at').notNull(),
  },
  (t) => [index('declaration_history_bid_idx').on(t.bidId, t.personId)],
);

/** The current score of each assessor on each criterion of each bid. */
export const scores = sqliteTable(
  'scores',
  {
    bidId: bidColumn(),
    personId: personColumn(),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => criteria.id, { onDelete: 'cascade' }),
    score: integer('score'),
    justification: text('justification').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bidId, t.personId, t.criterionId] }),
    index('scores_criterion_idx').on(t.criterionId),
  ],
);

/** Every score ever saved, never changed: the record behind re-scoring. */
export const scoreHistory = sqliteTable(
  'score_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bidId: bidColumn(),
    personId: personColumn(),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => criteria.id, { onDelete: 'cascade' }),
    score: integer('score'),
    justification: text('justification').notNull(),
    submitted: integer('submitted', { mode: 'boolean' }).notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('score_history_bid_idx').on(t.bidId, t.personId)],
);

/** An assessor's scores for a bid count once submitted. */
export const submissions = sqliteTable(
  'submissions',
  {
    bidId: bidColumn(),
    personId: personColumn(),
    submittedAt: text('submitted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.personId] })],
);

/** A submitted sheet reopened by a lead officer, with the reason: the submission it undid is kept. */
export const reopenings = sqliteTable(
  'reopenings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bidId: bidColumn(),
    personId: personColumn(),
    submittedAt: text('submitted_at').notNull(),
    reason: text('reason').notNull(),
    reopenedBy: integer('reopened_by').references(() => people.id, { onDelete: 'set null' }),
    at: text('at').notNull(),
  },
  (t) => [index('reopenings_bid_idx').on(t.bidId, t.personId)],
);

/** Moderated scores; the latest for a bid and criterion stands in place of the assessors' mean. */
export const moderations = sqliteTable(
  'moderations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bidId: bidColumn(),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => criteria.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    reason: text('reason').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    at: text('at').notNull(),
  },
  (t) => [index('moderations_bid_idx').on(t.bidId, t.criterionId)],
);

/** How strongly an assessor judges a bid advances each plan priority. */
export const alignments = sqliteTable(
  'alignments',
  {
    bidId: bidColumn(),
    personId: personColumn(),
    priorityId: integer('priority_id')
      .notNull()
      .references(() => priorities.id, { onDelete: 'cascade' }),
    strength: text('strength', { enum: ['none', 'some', 'strong'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.personId, t.priorityId] })],
);

/** Queries raised on a bid ("costs don't add up"), assigned and resolved with a note. */
export const bidQueriesTable = sqliteTable(
  'bid_queries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bidId: bidColumn(),
    text: text('text').notNull(),
    raisedBy: integer('raised_by').references(() => people.id, { onDelete: 'set null' }),
    assignedTo: integer('assigned_to').references(() => people.id, { onDelete: 'set null' }),
    raisedAt: text('raised_at').notNull(),
    resolution: text('resolution'),
    resolvedBy: integer('resolved_by').references(() => people.id, { onDelete: 'set null' }),
    resolvedAt: text('resolved_at'),
  },
  (t) => [index('bid_queries_bid_idx').on(t.bidId)],
);

// ---- Allocation ----

export const ALLOCATION_OPTIONS = ['full', 'reduced', 'custom'] as const;

/** The round's working allocation: what each funded bid would get. Bids without a row get nothing. */
export const allocationItems = sqliteTable(
  'allocation_items',
  {
    roundId: roundColumn(),
    bidId: bidColumn(),
    option: text('option', { enum: ALLOCATION_OPTIONS }).notNull(),
    amountPence: integer('amount_pence').notNull(),
    conditions: text('conditions').notNull().default(''),
    /** Why the award departs from the ranking (out of rank order, below the threshold or a minimum). */
    reason: text('reason').notNull().default(''),
    /** Why the commissioner considers the grant will reduce crime and disorder (Specified Information Order). */
    crimeReduction: text('crime_reduction').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.bidId] }),
    check('allocation_amount_positive', sql`${t.amountPence} > 0`),
  ],
);

/** Named allocations to compare ("fund the top five in full"); one may be adopted as the round's. */
export const scenarios = sqliteTable(
  'scenarios',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: roundColumn(),
    name: text('name').notNull(),
    createdBy: integer('created_by').references(() => people.id, { onDelete: 'set null' }),
    createdAt: text('created_at').notNull(),
    adoptedAt: text('adopted_at'),
  },
  (t) => [uniqueIndex('scenarios_round_name_unique').on(t.roundId, sql`lower(${t.name})`)],
);

export const scenarioItems = sqliteTable(
  'scenario_items',
  {
    scenarioId: integer('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    bidId: bidColumn(),
    option: text('option', { enum: ALLOCATION_OPTIONS }).notNull(),
    amountPence: integer('amount_pence').notNull(),
    conditions: text('conditions').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.bidId] })],
);

// ---- Shortlist and board review ----

/** How a round's shortlist is drawn from the ranking. */
export const shortlistRules = sqliteTable('shortlist_rules', {
  roundId: integer('round_id')
    .primaryKey()
    .references(() => rounds.id, { onDelete: 'cascade' }),
  rule: text('rule', { enum: ['threshold', 'top', 'manual'] }).notNull(),
  topN: integer('top_n'),
  updatedAt: text('updated_at').notNull(),
});

/** A bid put on or taken off the shortlist against the rule, with the reason. */
export const shortlistOverrides = sqliteTable(
  'shortlist_overrides',
  {
    roundId: roundColumn(),
    bidId: bidColumn(),
    included: integer('included', { mode: 'boolean' }).notNull(),
    reason: text('reason').notNull(),
    personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.bidId] })],
);

/** A board member's view of a shortlisted bid, as recorded at or before the board meeting. */
export const boardViews = sqliteTable(
  'board_views',
  {
    bidId: bidColumn(),
    personId: personColumn(),
    view: text('view', { enum: ['support', 'support_with_conditions', 'do_not_support'] }).notNull(),
    comment: text('comment').notNull().default(''),
    meetingOn: text('meeting_on'),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.personId] })],
);

/**
 * The feedback a letter gives on one criterion of a bid, in the office's words: drafted by an officer
 * and printed only once a lead officer approved it (a lead officer's own words are approved as
 * written). Changing the words clears an approval.
 */
export const feedbackSummaries = sqliteTable(
  'feedback_summaries',
  {
    bidId: bidColumn(),
    criterionCode: text('criterion_code').notNull(),
    text: text('text').notNull(),
    writtenBy: integer('written_by').references(() => people.id, { onDelete: 'set null' }),
    writtenAt: text('written_at').notNull(),
    approvedBy: integer('approved_by').references(() => people.id, { onDelete: 'set null' }),
    approvedAt: text('approved_at'),
  },
  (t) => [primaryKey({ columns: [t.bidId, t.criterionCode] })],
);

// ---- Decision notices ----

/** The office's standard wording for a fund's notices, edited by the office; JSON of NoticeWording. */
export const noticeTemplates = sqliteTable('notice_templates', {
  fundId: integer('fund_id')
    .primaryKey()
    .references(() => funds.id, { onDelete: 'cascade' }),
  wording: text('wording').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: roundColumn(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    title: text('title').notNull(),
    marking: text('marking', { enum: ['NON-CONFIDENTIAL', 'CONFIDENTIAL'] })
      .notNull()
      .default('NON-CONFIDENTIAL'),
    status: text('status', { enum: ['draft', 'ready', 'signed', 'superseded'] })
      .notNull()
      .default('draft'),
    /** The standard wording as it stands on this notice (JSON), kept as issued once signed. */
    wording: text('wording').notNull(),
    includeAppendixB: integer('include_appendix_b', { mode: 'boolean' }).notNull().default(false),
    summary: text('summary'),
    /** The office's own words for the notice (`notice set`), part of the signed content. */
    executiveSummary: text('executive_summary'),
    background: text('background'),
    /** The board meeting that reviewed the shortlist: its name and date (YYYY-MM-DD). */
    boardName: text('board_name'),
    boardDate: text('board_date'),
    signedBy: text('signed_by'),
    signedRole: text('signed_role'),
    signedOn: text('signed_on'),
    interests: text('interests'),
    /** The notice's content frozen at signing (JSON) and its SHA-256. */
    content: text('content'),
    fingerprint: text('fingerprint'),
    /** The commissioner's Ed25519 signature (base64) over the canonical content, and their key. */
    signature: text('signature'),
    signerPublicKey: text('signer_public_key'),
    signerKeyFingerprint: text('signer_key_fingerprint'),
    /** Why it went ahead despite the readiness list's warnings, when sent for sign-off and signed. */
    sentReason: text('sent_reason'),
    signedReason: text('signed_reason'),
    supersedesId: integer('supersedes_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('notices_number_unique').on(t.number),
    uniqueIndex('notices_year_sequence_unique').on(t.year, t.sequence),
    index('notices_round_idx').on(t.roundId),
  ],
);

// After the award (electron/handlers/grants/): a grant for every award of a signed decision, the
// checks made before paying it, its money per financial year, the claims paid in arrears, the
// monitoring returns it sends and any change to its amount.

export const grants = sqliteTable(
  'grants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: roundColumn(),
    bidId: bidColumn(),
    /** The signed notice that made (or last changed) the award. */
    noticeId: integer('notice_id'),
    awardedPence: integer('awarded_pence').notNull(),
    /** The day the award was made: the notice's signing date; returns fall due from it. */
    awardedOn: text('awarded_on').notNull(),
    conditions: text('conditions').notNull().default(''),
    status: text('status', { enum: GRANT_STATUSES }).notNull().default('agreement_drafted'),
    // Due diligence, complete when the bank details are confirmed, the accountable body named and
    // the fraud risk rated with its reason (GovS 015, minimum requirement 7).
    bankConfirmed: integer('bank_confirmed', { mode: 'boolean' }).notNull().default(false),
    accountableBody: text('accountable_body'),
    conflicts: text('conflicts'),
    fraudRisk: text('fraud_risk', { enum: FRAUD_RISKS }),
    fraudReason: text('fraud_reason'),
    diligenceBy: integer('diligence_by').references((): AnySQLiteColumn => people.id, {
      onDelete: 'restrict',
    }),
    diligenceAt: text('diligence_at'),
    /** The agreement's signatures: the recipient's signatory by name, the office's by person. */
    recipientSignedBy: text('recipient_signed_by'),
    recipientSignedOn: text('recipient_signed_on'),
    officeSignedBy: integer('office_signed_by').references((): AnySQLiteColumn => people.id, {
      onDelete: 'restrict',
    }),
    officeSignedOn: text('office_signed_on'),
    finalReport: text('final_report'),
    closedOn: text('closed_on'),
    clawbackPence: integer('clawback_pence'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('grants_bid_unique').on(t.bidId),
    index('grants_round_idx').on(t.roundId),
    check('grants_awarded_positive', sql`${t.awardedPence} > 0`),
    check(
      'grants_status_known',
      sql`${t.status} IN ('agreement_drafted', 'agreement_signed', 'in_delivery', 'closed', 'clawed_back')`,
    ),
  ],
);

/** A grant's money per financial year, when the office sets it; no year's money carries over. */
export const grantYears = sqliteTable(
  'grant_years',
  {
    grantId: integer('grant_id')
      .notNull()
      .references((): AnySQLiteColumn => grants.id, { onDelete: 'cascade' }),
    financialYear: text('financial_year').notNull(),
    allocationPence: integer('allocation_pence').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.grantId, t.financialYear] }),
    check('grant_years_allocation_not_negative', sql`${t.allocationPence} >= 0`),
  ],
);

export const grantClaims = sqliteTable(
  'grant_claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    grantId: integer('grant_id')
      .notNull()
      .references((): AnySQLiteColumn => grants.id, { onDelete: 'cascade' }),
    /** The quarter claimed for, in arrears: `2026-27-Q1` is April to June 2026. */
    period: text('period').notNull(),
    financialYear: text('financial_year').notNull(),
    amountPence: integer('amount_pence').notNull(),
    /** Match funding spent in the period, where the fund needs it reported. */
    matchPence: integer('match_pence'),
    status: text('status', { enum: ['recorded', 'paid'] })
      .notNull()
      .default('recorded'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references((): AnySQLiteColumn => people.id, { onDelete: 'restrict' }),
    recordedAt: text('recorded_at').notNull(),
    approvedBy: integer('approved_by').references((): AnySQLiteColumn => people.id, { onDelete: 'restrict' }),
    approvedAt: text('approved_at'),
  },
  (t) => [
    index('grant_claims_grant_idx').on(t.grantId),
    check('grant_claims_amount_positive', sql`${t.amountPence} > 0`),
    check('grant_claims_match_not_negative', sql`${t.matchPence} IS NULL OR ${t.matchPence} >= 0`),
  ],
);

export const grantReturns = sqliteTable(
  'grant_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    grantId: integer('grant_id')
      .notNull()
      .references((): AnySQLiteColumn => grants.id, { onDelete: 'cascade' }),
    dueOn: text('due_on').notNull(),
    receivedOn: text('received_on').notNull(),
    spendToDatePence: integer('spend_to_date_pence').notNull(),
    outputs: text('outputs').notNull(),
    /** JSON: [{ priority, outcome }] against the plan's priorities the bid claimed. */
    outcomes: text('outcomes').notNull(),
    risks: text('risks').notNull(),
    narrative: text('narrative').notNull(),
    rag: text('rag', { enum: ['green', 'amber', 'red'] }).notNull(),
    recordedBy: integer('recorded_by').references((): AnySQLiteColumn => people.id, { onDelete: 'restrict' }),
  },
  (t) => [uniqueIndex('grant_returns_due_unique').on(t.grantId, t.dueOn)],
);

/** A change to a grant's amount within the office's threshold; above it, a new decision is needed. */
export const grantVariations = sqliteTable('grant_variations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  grantId: integer('grant_id')
    .notNull()
    .references((): AnySQLiteColumn => grants.id, { onDelete: 'cascade' }),
  fromPence: integer('from_pence').notNull(),
  toPence: integer('to_pence').notNull(),
  reason: text('reason').notNull(),
  personId: integer('person_id').references((): AnySQLiteColumn => people.id, { onDelete: 'restrict' }),
  createdAt: text('created_at').notNull(),
});

/**
 * This office's database: a random id given once (a backup or copy keeps it, so `restore` can
 * refuse another office's file), and the first audit entry that had to be signed (entries before
 * it were written before entries were signed, and verify lists them as notes).
 */
export const officeIdentity = sqliteTable('office_identity', {
  id: text('id').primaryKey(),
  createdAt: text('created_at').notNull(),
  signedFrom: integer('signed_from').notNull(),
});

// The audit chain (db/audit/): one entry per write, each holding the hash of the one before, and
// the image of every row the write changed. Append-only: triggers installed at every open refuse
// UPDATE and DELETE on both tables. Entries are keyed by their place in the chain.
export const auditEntries = sqliteTable('audit_entries', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  personId: integer('person_id'),
  personName: text('person_name'),
  /** The acting person's key fingerprint, when they have a key. */
  keyFingerprint: text('key_fingerprint'),
  operation: text('operation').notNull(),
  /** The rounds the write touched, as `,1,2,` so one LIKE finds a round's entries. */
  rounds: text('rounds').notNull(),
  summary: text('summary').notNull(),
  /** The input as canonical JSON, file bytes replaced by their SHA-256, secrets withheld. */
  input: text('input').notNull(),
  changesHash: text('changes_hash').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  /**
   * The acting person's Ed25519 signature (base64) over `hash`, made with the key `keyFingerprint`
   * names. Null for the named kinds no person does (db/audit/signers.ts) and for entries written
   * before entries were signed (below `office_identity.signed_from`).
   */
  signature: text('signature'),
});

export const auditChanges = sqliteTable(
  'audit_changes',
  {
    entrySeq: integer('entry_seq').notNull(),
    position: integer('position').notNull(),
    tableName: text('table_name').notNull(),
    /** The row's primary key as canonical JSON. */
    rowKey: text('row_key').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    /** The row as canonical JSON after the write (blobs as their SHA-256); null once deleted. */
    image: text('image'),
  },
  (t) => [
    primaryKey({ columns: [t.entrySeq, t.position] }),
    // A row's changes in chain order, so its latest is found without sorting (verify asks for every row's).
    index('audit_changes_row_idx').on(t.tableName, t.rowKey, t.entrySeq, t.position),
  ],
);

/** Rows changed since the last entry, recorded by triggers and emptied when an entry seals them. */
export const auditPending = sqliteTable('audit_pending', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tableName: text('table_name').notNull(),
  rowKey: text('row_key').notNull(),
});
