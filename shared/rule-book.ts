import type { Channel } from './channels';
import type { Role } from './people';
import { STAGES, type Stage } from './stages';

// The rule book: for every channel of the contract, whether it only reads or also writes the
// record, who may call it, and (for writes that touch a round) in which of the round's stages.
// Dispatch enforces it before any handler runs (electron/handlers/guard.ts), so that no handler
// has to remember a rule on its own. A channel missing from this map does not compile, and a test
// checks every channel at run time as well.

export type Access = 'read' | 'write';

/**
 * How to find the round a write touches, from its parsed input: the input field that holds the
 * round's id, or a bid's, a notice's or a query's id (each of which belongs to one round). The
 * main process resolves it (electron/handlers/round-of-input.ts).
 */
export type RoundLocator =
  | { kind: 'round'; field: 'roundId' | 'id' }
  | { kind: 'bid'; field: 'bidId' | 'id' }
  | { kind: 'notice'; field: 'noticeId' }
  | { kind: 'query'; field: 'id' };

export interface Rule {
  access: Access;
  /** What the channel does, as it reads in a refusal: "Only a lead officer can <action>". */
  action: string;
  /** Who may call it; `anyone` includes an installation with no profile yet. */
  roles: readonly Role[] | 'anyone';
  /**
   * Allowed without a profile while nobody at all is set up (a new installation): setting up
   * rounds, bids, imports, plans and the first person.
   */
  setup?: boolean;
  /** For writes: the round the input touches, and the stages in which the write is allowed. */
  round?: RoundLocator;
  stages?: readonly Stage[];
  /** A boolean input field without which the call changes nothing (a dry run), e.g. `apply`. */
  writesOnlyWith?: string;
  /** Who may make the dry run, when others than `roles` may, and what it does. */
  dryRunRoles?: readonly Role[] | 'anyone';
  dryRunAction?: string;
  /**
   * Allowed on a round copy received in a pack (electron/packs/): the recipient's own work, such
   * as their declarations and scores; `delivery` only on a delivery pack's copy (due diligence,
   * claims and returns recorded away from the office). Every other write that touches a copy is refused.
   */
  onCopy?: true | 'delivery';
  /**
   * A duty kept apart from another (GovS 015): whoever did the named channel's write on the same
   * thing may not do this one. The handler checks it, as it depends on the record.
   */
  separateFrom?: Channel;
}

const ANYONE = 'anyone' as const;
const LEAD: readonly Role[] = ['lead_officer'];
const OFFICERS: readonly Role[] = ['policy_officer', 'lead_officer'];
/** Those who may see scores side by side (ranking, moderation, shortlist, board and panel packs). */
const PANEL: readonly Role[] = ['lead_officer', 'board_member', 'commissioner'];
const ALLOCATORS: readonly Role[] = ['lead_officer', 'commissioner'];
const EVERYONE: readonly Role[] = ['policy_officer', 'lead_officer', 'board_member', 'commissioner'];

/** Every stage but `signed`: the decision is open to change. */
const UNSIGNED: readonly Stage[] = STAGES.filter((s) => s !== 'signed');
const BIDDING: readonly Stage[] = ['setup', 'open'];
const BEFORE_SCORING: readonly Stage[] = ['setup', 'open', 'assessment'];
const ASSESSMENT: readonly Stage[] = ['assessment'];
const MODERATION: readonly Stage[] = ['assessment', 'board'];
const BOARD: readonly Stage[] = ['board'];
const ALLOCATING: readonly Stage[] = ['board', 'decision'];
const DECISION: readonly Stage[] = ['decision'];
const REVIEW: readonly Stage[] = ['open', 'assessment', 'board', 'decision'];
/**
 * Delivery: after the award, once the notice is signed (a superseding notice in draft pauses it).
 * Officers record due diligence, claims and returns; a lead officer or the commissioner approves a
 * payment, never the person who recorded the claim (`separateFrom`); a lead officer closes a grant.
 */
const DELIVERY: readonly Stage[] = ['signed'];
/** Feedback for the letters: from the board's review of the shortlist to after the decision. */
const FEEDBACK: readonly Stage[] = ['board', 'decision', 'signed'];

const byRoundId = { kind: 'round', field: 'roundId' } as const;
const byBidId = { kind: 'bid', field: 'bidId' } as const;

const read = (action: string, roles: readonly Role[] | 'anyone' = ANYONE): Rule & { access: 'read' } => ({
  access: 'read',
  action,
  roles,
});

export const RULE_BOOK = {
  'app:info': read('see which version this is'),
  'funds:list': read('list funds'),
  'rounds:list': read('list rounds'),
  'rounds:get': read('see a round'),
  'rounds:create': { access: 'write', action: 'set up funding rounds', roles: LEAD, setup: true },
  'rounds:update': {
    access: 'write',
    action: 'change funding rounds',
    roles: LEAD,
    setup: true,
    round: { kind: 'round', field: 'id' },
    stages: UNSIGNED,
  },
  // Archiving hides a round and changes nothing it decided: allowed in every stage.
  'rounds:archive': { access: 'write', action: 'archive funding rounds', roles: LEAD, setup: true },
  'rounds:restore': { access: 'write', action: 'restore funding rounds', roles: LEAD, setup: true },
  'rounds:setStage': {
    access: 'write',
    action: 'move a round between stages',
    roles: LEAD,
    round: byRoundId,
    stages: UNSIGNED,
  },
  'rounds:dashboard': read("see a round's figures"),
  // Counts only; what would reveal scores is left out for those who may not see the ranking.
  'rounds:progress': read('see where a round stands'),
  'bids:list': read('list bids'),
  'bids:get': read('see a bid'),
  'bids:create': {
    access: 'write',
    action: 'record bids',
    roles: OFFICERS,
    setup: true,
    round: byRoundId,
    stages: BIDDING,
  },
  // A bid can be corrected or withdrawn up to the decision; never after it is signed.
  'bids:update': {
    access: 'write',
    action: 'change bids',
    roles: OFFICERS,
    setup: true,
    round: { kind: 'bid', field: 'id' },
    stages: UNSIGNED,
  },
  'bids:previewImport': read('preview a schedule of bids'),
  'bids:import': {
    access: 'write',
    action: 'import bids',
    roles: OFFICERS,
    setup: true,
    round: byRoundId,
    stages: BIDDING,
  },
  'bids:importCase': {
    access: 'write',
    action: 'import business cases',
    roles: OFFICERS,
    setup: true,
    round: byBidId,
    stages: BEFORE_SCORING,
  },
  'partnerships:list': read('list partnerships'),
  'partnerships:add': { access: 'write', action: "add one of the office's partnerships", roles: LEAD },
  'plans:list': read('list Police and Crime Plans'),
  'plans:create': { access: 'write', action: 'add Police and Crime Plans', roles: LEAD, setup: true },
  'search:query': read('search bids'),
  'people:list': read('list people'),
  'people:add': { access: 'write', action: 'add people', roles: LEAD, setup: true },
  'people:me': read('see your profile'),
  'people:setProfile': { access: 'write', action: 'choose your profile', roles: ANYONE },
  // Identity: the handlers decide (a passphrase proves who you are; only a lead officer enrols
  // others, except the first lead officer of a database where nobody holds a key yet).
  'people:session': read('see who is acting'),
  'people:lock': read('lock Tranche'),
  'people:passphrase': { access: 'write', action: 'change your passphrase', roles: ANYONE },
  // Anyone: the person enrolling is not yet anyone; their enrolment code proves who they are.
  'people:enrol': {
    access: 'write',
    action: 'choose your passphrase with your enrolment code',
    roles: ANYONE,
  },
  'people:setRole': { access: 'write', action: "change people's roles", roles: LEAD },
  'people:retire': { access: 'write', action: 'retire people', roles: LEAD },
  // The commissioner is the root of the office's trust: only they make a commissioner or lead officer.
  'people:approve': {
    access: 'write',
    action: 'approve a commissioner or lead officer',
    roles: ['commissioner'],
  },
  'people:newCode': { access: 'write', action: 'give people enrolment codes', roles: LEAD },
  'people:history': read("see the history of people's roles", ['lead_officer', 'commissioner']),
  'frameworks:get': read("see a round's scoring framework"),
  'frameworks:use': {
    access: 'write',
    action: 'choose a scoring framework',
    roles: LEAD,
    round: byRoundId,
    stages: BEFORE_SCORING,
  },
  'frameworks:update': {
    access: 'write',
    action: 'edit a scoring framework',
    roles: LEAD,
    round: byRoundId,
    stages: BEFORE_SCORING,
  },
  'assessment:assign': {
    access: 'write',
    action: 'assign assessors',
    roles: LEAD,
    round: byRoundId,
    stages: BEFORE_SCORING,
  },
  'assessment:declare': {
    access: 'write',
    action: 'declare interests for assessment',
    roles: OFFICERS,
    round: byRoundId,
    stages: ASSESSMENT,
    onCopy: true,
  },
  'assessment:myBids': read('score bids', OFFICERS),
  'assessment:sheet': read('open a scoring sheet', OFFICERS),
  'assessment:score': {
    access: 'write',
    action: 'score bids',
    roles: OFFICERS,
    round: byBidId,
    stages: ASSESSMENT,
    onCopy: true,
  },
  'assessment:reopen': {
    access: 'write',
    action: "reopen an assessor's submitted scores",
    roles: LEAD,
    round: byBidId,
    // Like moderation, a correction the board's review may still call for.
    stages: MODERATION,
  },
  'assessment:importScores': {
    access: 'write',
    action: 'import scores',
    roles: OFFICERS,
    round: byRoundId,
    stages: ASSESSMENT,
    onCopy: true,
  },
  'assessment:progress': read('see how far assessment has got'),
  'assessment:moderation': read('see assessors\u2019 scores side by side', PANEL),
  'assessment:moderate': {
    access: 'write',
    action: 'moderate scores',
    roles: LEAD,
    round: byRoundId,
    stages: MODERATION,
  },
  'assessment:ranking': read('see the ranking', PANEL),
  'assessment:rankingRows': read('see the ranking', PANEL),
  'assessment:breakdown': read('see the ranking', PANEL),
  'assessment:alignment': read('record priority alignment', OFFICERS),
  'assessment:align': {
    access: 'write',
    action: 'record priority alignment',
    roles: OFFICERS,
    round: byBidId,
    stages: ASSESSMENT,
  },
  'assessment:coverage': read('see which priorities the bids cover'),
  'queries:raise': {
    access: 'write',
    action: 'raise a query',
    roles: EVERYONE,
    round: byBidId,
    stages: REVIEW,
  },
  'queries:resolve': {
    access: 'write',
    action: 'resolve a query',
    roles: OFFICERS,
    round: { kind: 'query', field: 'id' },
    stages: REVIEW,
  },
  'queries:list': read('list queries'),
  // Exports write files, not the record.
  'assessment:exportSheet': read('download a scoring sheet', OFFICERS),
  'assessment:panelPack': read('export the panel pack', PANEL),
  'allocation:get': read('see the allocation'),
  'allocation:set': {
    access: 'write',
    action: 'allocate money',
    roles: ALLOCATORS,
    round: byRoundId,
    stages: ALLOCATING,
  },
  // The suggestion itself is a read (it names scores, so only for those who may see the ranking);
  // applying it writes the allocation.
  'allocation:suggest': {
    access: 'write',
    action: 'adopt a suggested allocation',
    roles: ALLOCATORS,
    dryRunRoles: PANEL,
    dryRunAction: 'see a suggested allocation',
    round: byRoundId,
    stages: ALLOCATING,
    writesOnlyWith: 'apply',
  },
  'scenarios:list': read('list allocation scenarios'),
  'scenarios:save': {
    access: 'write',
    action: 'save allocation scenarios',
    roles: ALLOCATORS,
    round: byRoundId,
    stages: ALLOCATING,
  },
  'scenarios:adopt': {
    access: 'write',
    action: 'adopt an allocation',
    roles: ALLOCATORS,
    round: byRoundId,
    stages: ALLOCATING,
  },
  'shortlist:get': read('see the shortlist', PANEL),
  'shortlist:setRule': {
    access: 'write',
    action: 'set the shortlist',
    roles: LEAD,
    round: byRoundId,
    stages: MODERATION,
  },
  'shortlist:override': {
    access: 'write',
    action: 'change the shortlist',
    roles: LEAD,
    round: byRoundId,
    stages: MODERATION,
  },
  'board:pack': read('see the board pack', PANEL),
  'board:recordView': {
    access: 'write',
    action: "record the board's view",
    roles: ['board_member', 'lead_officer'],
    round: byRoundId,
    stages: BOARD,
    onCopy: true,
  },
  'reports:fund': read('see a fund report'),
  'reports:fundXlsx': read('export a fund report'),
  'reports:byPriority': read('see a report by priority'),
  'office:get': read('see the office settings'),
  'office:set': { access: 'write', action: 'change the office settings', roles: LEAD, setup: true },
  'notices:template': read("see the office's standard wording"),
  'notices:setTemplate': { access: 'write', action: "edit the office's standard wording", roles: LEAD },
  'notices:get': read('see a decision notice'),
  'notices:create': {
    access: 'write',
    action: 'draft a decision notice',
    roles: LEAD,
    round: byRoundId,
    stages: DECISION,
  },
  'notices:update': {
    access: 'write',
    action: 'edit a decision notice',
    roles: LEAD,
    round: { kind: 'notice', field: 'noticeId' },
    stages: DECISION,
  },
  'notices:set': {
    access: 'write',
    action: "write the notice's summary, background and board meeting",
    roles: LEAD,
    round: byRoundId,
    stages: DECISION,
  },
  'notices:readiness': read('see whether the decision is ready to sign', ALLOCATORS),
  'notices:ready': {
    access: 'write',
    action: 'send a notice for sign-off',
    roles: LEAD,
    round: byRoundId,
    stages: DECISION,
  },
  'notices:sign': {
    access: 'write',
    action: 'sign a decision notice',
    roles: ['commissioner'],
    round: byRoundId,
    stages: DECISION,
    onCopy: true,
  },
  'notices:supersede': {
    access: 'write',
    action: 'draft a superseding notice',
    roles: LEAD,
    round: byRoundId,
    stages: ['signed'],
  },
  // Exporting before anyone drafted the notice drafts one from the record; signed ones are frozen.
  'notices:export': read('export a decision notice'),
  // What the Specified Information Order asks to be published: read from signed decisions only.
  'publish:register': read('export the register of grants'),
  'publish:threeSixtyGiving': read("export a round's awards as 360Giving data"),
  // Feedback for the letters: officers draft it, a lead officer approves it; letters print only
  // approved words. Written once the board has seen the shortlist, and after the decision too.
  'feedback:list': read('read the feedback written for letters', OFFICERS),
  'feedback:set': {
    access: 'write',
    action: 'write feedback for the letters',
    roles: OFFICERS,
    round: byRoundId,
    stages: FEEDBACK,
  },
  'feedback:approve': {
    access: 'write',
    action: 'approve feedback for the letters',
    roles: LEAD,
    round: byRoundId,
    stages: FEEDBACK,
  },
  'letters:export': read('write letters to bidders', LEAD),
  // Packs between laptops (electron/packs/). Opening checks in its handler who may open it (the
  // recipient, or anyone on a new installation, who becomes the recipient with the code).
  // Each kind of pack is made in its own stage (assessment, board review, decision; a delivery pack
  // once the decision is signed), which its module checks (electron/packs/kinds/).
  'packs:make': {
    access: 'write',
    action: 'send packs to assessors, the board, the commissioner or officers following grants',
    roles: LEAD,
    round: byRoundId,
    stages: STAGES,
  },
  'packs:open': { access: 'write', action: 'open a pack from your office', roles: ANYONE },
  // A return is the recipient's own work from their copy, in whatever stage it stands.
  'packs:return': {
    access: 'write',
    action: 'return a pack to your office',
    roles: EVERYONE,
    round: byRoundId,
    stages: STAGES,
    onCopy: true,
  },
  'packs:receive': { access: 'write', action: 'receive packs returned to the office', roles: LEAD },
  'packs:list': read('see the packs sent and received for a round'),
  'demo:load': { access: 'write', action: 'load the demonstration data', roles: ANYONE },
  // After the award (electron/handlers/grants/): the delivery of a signed decision's grants.
  'grants:list': read("see a round's grants"),
  'grants:get': read('see a grant'),
  'grants:threshold': read("see the office's variation threshold"),
  'grants:diligence': {
    access: 'write',
    action: 'record due diligence on a grant',
    roles: OFFICERS,
    round: byRoundId,
    stages: DELIVERY,
    onCopy: 'delivery',
  },
  // Drafting the agreement writes a file, not the record.
  'grants:agreement': read('draft a grant agreement', OFFICERS),
  'grants:signAgreement': {
    access: 'write',
    action: 'record the signing of a grant agreement',
    roles: ALLOCATORS,
    round: byRoundId,
    stages: DELIVERY,
  },
  'grants:schedule': {
    access: 'write',
    action: "set a grant's payment schedule",
    roles: LEAD,
    round: byRoundId,
    stages: DELIVERY,
  },
  'grants:vary': {
    access: 'write',
    action: 'vary a grant',
    roles: LEAD,
    round: byRoundId,
    stages: DELIVERY,
  },
  'grants:setThreshold': { access: 'write', action: "set the office's variation threshold", roles: LEAD },
  'grants:close': {
    access: 'write',
    action: 'close a grant',
    roles: LEAD,
    round: byRoundId,
    stages: DELIVERY,
  },
  'claims:add': {
    access: 'write',
    action: 'record a claim',
    roles: OFFICERS,
    round: byRoundId,
    stages: DELIVERY,
    onCopy: 'delivery',
  },
  'claims:approve': {
    access: 'write',
    action: 'approve a payment',
    roles: ALLOCATORS,
    round: byRoundId,
    stages: DELIVERY,
    separateFrom: 'claims:add',
  },
  'returns:template': read('make a monitoring return template', OFFICERS),
  'returns:import': {
    access: 'write',
    action: 'import monitoring returns',
    roles: OFFICERS,
    round: byRoundId,
    stages: DELIVERY,
    onCopy: 'delivery',
  },
  'reports:delivery': read('see the delivery report'),
  'reports:deliveryXlsx': read('export the delivery report'),
  'audit:history': read("see a round's history", ALLOCATORS),
  // How the record was found at start: shown to everyone, before anyone is set up too.
  'audit:status': read('see whether the record checked out at start'),
} as const satisfies Record<Channel, Rule>;

export const ruleFor = (channel: Channel): Rule => RULE_BOOK[channel];

/** The channels that write the record: each has a line in the round's history. */
export type WriteChannel = {
  [C in Channel]: (typeof RULE_BOOK)[C]['access'] extends 'write' ? C : never;
}[Channel];

/** Whether this call writes: a write channel, unless it is a dry run (`writesOnlyWith` unset). */
export function writes(rule: Rule, input: unknown): boolean {
  if (rule.access !== 'write') return false;
  if (!rule.writesOnlyWith) return true;
  return Boolean((input as Record<string, unknown> | undefined)?.[rule.writesOnlyWith]);
}
