import { z } from 'zod';
import { appInfoSchema } from './app-info';
import { registerInputSchema, threeSixtyGivingInputSchema } from './publish';
import { feedbackApproveSchema, feedbackSetSchema, feedbackSummarySchema } from './feedback';
import { databaseStatusSchema, historyEntrySchema, historyInputSchema } from './audit';
import type { Channel } from './channels';
import type { Result } from './result';
import {
  lettersExportSchema,
  noticeExportSchema,
  noticeUpdateSchema,
  noticeSetSchema,
  noticeViewSchema,
  officeSettingsSchema,
  signSchema,
  wordingSchema,
} from './notices';
import {
  fundReportSchema,
  priorityReportSchema,
  boardPackSchema,
  boardViewInputSchema,
  shortlistOverrideSchema,
  shortlistRuleSchema,
  shortlistSchema,
  allocateSchema,
  allocationSchema,
  scenarioSaveSchema,
  scenarioSchema,
  suggestionSchema,
  suggestInputSchema,
  exportedFileSchema,
  panelPackSchema,
  sheetExportSchema,
  alignSchema,
  alignmentViewSchema,
  bidQuerySchema,
  coverageSchema,
  queryRaiseSchema,
  queryResolveSchema,
  assignSchema,
  declareSchema,
  moderateSchema,
  reopenSchema,
  moderationViewSchema,
  myBidSchema,
  progressSchema,
  rankedBidSchema,
  rankingRowSchema,
  breakdownSchema,
  scoreSaveSchema,
  scoresImportSchema,
  scoringSheetSchema,
} from './assessment';
import {
  bidCreateSchema,
  bidDetailSchema,
  bidListSchema,
  bidRefSchema,
  bidSummarySchema,
  bidUpdateSchema,
} from './bids';
import { roundDashboardSchema, searchHitSchema, searchInputSchema } from './dashboard';
import {
  caseImportSchema,
  scheduleImportResultSchema,
  scheduleImportSchema,
  schedulePreviewSchema,
} from './imports';
import {
  claimAddInputSchema,
  claimApproveInputSchema,
  claimResultSchema,
  closeInputSchema,
  deliveryReportSchema,
  diligenceInputSchema,
  grantDetailSchema,
  grantListInputSchema,
  grantRefInputSchema,
  grantSummarySchema,
  returnImportResultSchema,
  scheduleInputSchema,
  signAgreementInputSchema,
  thresholdInputSchema,
  varyInputSchema,
} from './grants';
import { frameworkSchema, frameworkUpdateSchema, frameworkUseSchema } from './frameworks';
import {
  enrolmentCodeNewSchema,
  enrolSchema,
  passphraseChangeSchema,
  personAddedSchema,
  personApproveSchema,
  personCreateSchema,
  personListItemSchema,
  personRetireSchema,
  personRoleSchema,
  personSchema,
  profileSetSchema,
  sessionSchema,
} from './people';
import { roundProgressSchema } from './progress';
import { readinessReasonSchema, readinessSchema } from './readiness';
import {
  packFileSchema,
  packListSchema,
  packLogSchema,
  packMadeSchema,
  packMakeSchema,
  packOpenedSchema,
  packOpenSchema,
  packReceivedSchema,
  packReceiveSchema,
  packReturnSchema,
} from './packs';
import { partnershipAddSchema, partnershipSchema, planCreateSchema, planSchema } from './organisations';
import {
  fundSchema,
  roundCreateSchema,
  roundListSchema,
  roundRefSchema,
  roundSchema,
  roundUpdateSchema,
  stageMoveSchema,
} from './rounds';

// Every operation the renderer, the command line and the test bridge may ask of the main process.
// Channel names read `domain:verb`. Main parses each input with `input`; `output` describes what
// comes back. Nothing outside this map can be called. Its keys are exactly CHANNELS (channels.ts).

const none = z.object({}).strict().default({});

export const contract = {
  'app:info': { input: none, output: appInfoSchema },
  'funds:list': { input: none, output: z.array(fundSchema) },
  'rounds:list': { input: roundListSchema, output: z.array(roundSchema) },
  'rounds:get': { input: roundRefSchema, output: roundSchema },
  'rounds:create': { input: roundCreateSchema, output: roundSchema },
  'rounds:update': { input: roundUpdateSchema, output: roundSchema },
  'rounds:archive': { input: roundRefSchema, output: roundSchema },
  'rounds:restore': { input: roundRefSchema, output: roundSchema },
  'rounds:setStage': { input: stageMoveSchema, output: roundSchema },
  'rounds:dashboard': { input: roundRefSchema, output: roundDashboardSchema },
  'rounds:progress': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: roundProgressSchema,
  },
  'bids:list': { input: bidListSchema, output: z.array(bidSummarySchema) },
  'bids:get': { input: bidRefSchema, output: bidDetailSchema },
  'bids:create': { input: bidCreateSchema, output: bidDetailSchema },
  'bids:update': { input: bidUpdateSchema, output: bidDetailSchema },
  'bids:previewImport': { input: scheduleImportSchema, output: schedulePreviewSchema },
  'bids:import': { input: scheduleImportSchema, output: scheduleImportResultSchema },
  'bids:importCase': {
    input: caseImportSchema,
    output: z.object({
      bid: bidDetailSchema,
      sections: z.number().int(),
      costLines: z.number().int(),
      statedTotal: z.string().nullable(),
      warnings: z.array(z.string()),
    }),
  },
  'partnerships:list': { input: none, output: z.array(partnershipSchema) },
  'partnerships:add': { input: partnershipAddSchema, output: partnershipSchema },
  'plans:list': { input: none, output: z.array(planSchema) },
  'plans:create': { input: planCreateSchema, output: planSchema },
  'search:query': { input: searchInputSchema, output: z.array(searchHitSchema) },
  'people:list': { input: none, output: z.array(personListItemSchema) },
  'people:add': { input: personCreateSchema, output: personAddedSchema },
  'people:me': { input: none, output: personSchema.nullable() },
  'people:setProfile': { input: profileSetSchema, output: personSchema },
  'people:session': { input: none, output: sessionSchema },
  'people:lock': { input: none, output: sessionSchema },
  'people:passphrase': { input: passphraseChangeSchema, output: personListItemSchema },
  'people:enrol': { input: enrolSchema, output: personListItemSchema },
  'people:setRole': { input: personRoleSchema, output: personListItemSchema },
  'people:retire': { input: personRetireSchema, output: personListItemSchema },
  'people:approve': { input: personApproveSchema, output: personListItemSchema },
  'people:newCode': { input: enrolmentCodeNewSchema, output: personAddedSchema },
  'people:history': { input: none, output: z.array(historyEntrySchema) },
  'frameworks:get': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: frameworkSchema.nullable(),
  },
  'frameworks:use': { input: frameworkUseSchema, output: frameworkSchema },
  'frameworks:update': { input: frameworkUpdateSchema, output: frameworkSchema },
  'assessment:assign': {
    input: assignSchema,
    output: z.object({ changed: z.number().int(), warnings: z.array(z.string()) }),
  },
  'assessment:declare': { input: declareSchema, output: z.object({ declared: z.number().int() }) },
  'assessment:myBids': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(myBidSchema),
  },
  'assessment:sheet': { input: z.object({ bidId: z.number().int().positive() }), output: scoringSheetSchema },
  'assessment:score': { input: scoreSaveSchema, output: scoringSheetSchema },
  'assessment:reopen': { input: reopenSchema, output: scoringSheetSchema },
  'assessment:importScores': { input: scoresImportSchema, output: z.object({ imported: z.number().int() }) },
  'assessment:progress': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: progressSchema,
  },
  'assessment:moderation': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: moderationViewSchema,
  },
  'assessment:moderate': { input: moderateSchema, output: z.array(rankedBidSchema) },
  'assessment:ranking': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(rankedBidSchema),
  },
  'assessment:rankingRows': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(rankingRowSchema),
  },
  'assessment:breakdown': {
    input: z.object({ roundId: z.number().int().positive(), bidId: z.number().int().positive() }),
    output: breakdownSchema,
  },
  'assessment:alignment': {
    input: z.object({ bidId: z.number().int().positive() }),
    output: alignmentViewSchema,
  },
  'assessment:align': { input: alignSchema, output: z.object({ saved: z.number().int() }) },
  'assessment:coverage': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: coverageSchema,
  },
  'queries:raise': { input: queryRaiseSchema, output: z.array(bidQuerySchema) },
  'queries:resolve': { input: queryResolveSchema, output: z.array(bidQuerySchema) },
  'queries:list': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(bidQuerySchema),
  },
  'assessment:exportSheet': { input: sheetExportSchema, output: exportedFileSchema },
  'assessment:panelPack': { input: panelPackSchema, output: exportedFileSchema },
  'allocation:get': { input: z.object({ roundId: z.number().int().positive() }), output: allocationSchema },
  'allocation:set': { input: allocateSchema, output: allocationSchema },
  'allocation:suggest': { input: suggestInputSchema, output: suggestionSchema },
  'scenarios:list': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(scenarioSchema),
  },
  'scenarios:save': { input: scenarioSaveSchema, output: z.array(scenarioSchema) },
  'scenarios:adopt': {
    input: z.object({
      roundId: z.number().int().positive(),
      scenarioId: z.number().int().positive(),
      /** Needed when the scenario departs from the ranking. */
      reason: z.string().trim().max(2_000).optional(),
    }),
    output: allocationSchema,
  },
  'shortlist:get': { input: z.object({ roundId: z.number().int().positive() }), output: shortlistSchema },
  'shortlist:setRule': { input: shortlistRuleSchema, output: shortlistSchema },
  'shortlist:override': { input: shortlistOverrideSchema, output: shortlistSchema },
  'board:pack': { input: z.object({ roundId: z.number().int().positive() }), output: boardPackSchema },
  'board:recordView': { input: boardViewInputSchema, output: boardPackSchema },
  'reports:fund': {
    input: z.object({ fund: z.string().trim().min(1, { error: 'Name the fund' }) }),
    output: fundReportSchema,
  },
  'reports:fundXlsx': {
    input: z.object({ fund: z.string().trim().min(1, { error: 'Name the fund' }) }),
    output: exportedFileSchema,
  },
  'reports:byPriority': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: priorityReportSchema,
  },
  'office:get': { input: none, output: officeSettingsSchema },
  'office:set': { input: officeSettingsSchema, output: officeSettingsSchema },
  'notices:template': { input: z.object({ fund: z.string().trim().min(1) }), output: wordingSchema },
  'notices:setTemplate': {
    input: z.object({ fund: z.string().trim().min(1), wording: wordingSchema }),
    output: wordingSchema,
  },
  'notices:get': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: noticeViewSchema.nullable(),
  },
  'notices:create': { input: z.object({ roundId: z.number().int().positive() }), output: noticeViewSchema },
  'notices:update': { input: noticeUpdateSchema, output: noticeViewSchema },
  'notices:set': { input: noticeSetSchema, output: noticeViewSchema },
  'publish:register': { input: registerInputSchema, output: exportedFileSchema },
  'publish:threeSixtyGiving': { input: threeSixtyGivingInputSchema, output: exportedFileSchema },
  'feedback:list': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: z.array(feedbackSummarySchema),
  },
  'feedback:set': { input: feedbackSetSchema, output: z.array(feedbackSummarySchema) },
  'feedback:approve': { input: feedbackApproveSchema, output: z.array(feedbackSummarySchema) },
  'notices:readiness': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: readinessSchema,
  },
  'notices:ready': {
    input: z.object({ roundId: z.number().int().positive(), readinessReason: readinessReasonSchema }),
    output: noticeViewSchema,
  },
  'notices:sign': { input: signSchema, output: noticeViewSchema },
  'notices:supersede': {
    input: z.object({ roundId: z.number().int().positive() }),
    output: noticeViewSchema,
  },
  'notices:export': { input: noticeExportSchema, output: exportedFileSchema },
  'letters:export': {
    input: lettersExportSchema,
    output: z.array(exportedFileSchema.extend({ summary: z.string() })),
  },
  'demo:load': {
    input: none,
    output: z.object({
      loaded: z.boolean(),
      notice: z.string(),
      rounds: z.array(
        z.object({ id: z.number().int(), fund: z.string(), name: z.string(), created: z.boolean() }),
      ),
    }),
  },
  'packs:make': { input: packMakeSchema, output: packMadeSchema },
  'packs:open': { input: packOpenSchema, output: packOpenedSchema },
  'packs:return': { input: packReturnSchema, output: packFileSchema },
  'packs:receive': { input: packReceiveSchema, output: packReceivedSchema },
  'packs:list': { input: packListSchema, output: packLogSchema },
  'audit:history': { input: historyInputSchema, output: z.array(historyEntrySchema) },
  'grants:list': { input: grantListInputSchema, output: z.array(grantSummarySchema) },
  'grants:get': { input: grantRefInputSchema, output: grantDetailSchema },
  'grants:threshold': { input: none, output: z.object({ thresholdPence: z.number().int() }) },
  'grants:diligence': { input: diligenceInputSchema, output: grantDetailSchema },
  'grants:agreement': { input: grantRefInputSchema, output: exportedFileSchema },
  'grants:signAgreement': { input: signAgreementInputSchema, output: grantDetailSchema },
  'grants:schedule': { input: scheduleInputSchema, output: grantDetailSchema },
  'grants:vary': { input: varyInputSchema, output: grantDetailSchema },
  'grants:setThreshold': {
    input: thresholdInputSchema,
    output: z.object({ thresholdPence: z.number().int() }),
  },
  'grants:close': { input: closeInputSchema, output: grantDetailSchema },
  'claims:add': { input: claimAddInputSchema, output: claimResultSchema },
  'claims:approve': { input: claimApproveInputSchema, output: claimResultSchema },
  'returns:template': { input: grantRefInputSchema, output: exportedFileSchema },
  'returns:import': { input: scoresImportSchema, output: returnImportResultSchema },
  'reports:delivery': { input: grantListInputSchema, output: deliveryReportSchema },
  'reports:deliveryXlsx': { input: grantListInputSchema, output: exportedFileSchema },
  'audit:status': { input: none, output: databaseStatusSchema },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
/** What a caller may send (defaults not yet applied). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives (parsed, defaults applied). */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;

type DomainOf<C> = C extends `${infer D}:${string}` ? D : never;
type Domain = DomainOf<Channel>;

/** `window.api` and every other client: `api.rounds.create(input)` for channel `rounds:create`. */
export type Api = {
  [D in Domain]: {
    [C in Channel as C extends `${D}:${infer V}` ? V : never]: undefined extends Input<C>
      ? (input?: Input<C>) => Promise<Result<Output<C>>>
      : (input: Input<C>) => Promise<Result<Output<C>>>;
  };
};

export { CHANNELS, isChannel, buildApi, type Channel, type Transport } from './channels';
