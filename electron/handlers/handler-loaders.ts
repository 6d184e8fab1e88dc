import type { Channel } from '../../shared/channels';
import type { Handler, Handlers } from './handler-types';

// Each channel's handler, loaded the first time it is called: its module, and what that module
// imports, and nothing else. A command that lists rounds never reads the modules that score, rank,
// write notices or make packs, nor the libraries they use.

const fromApp = () => import('./app').then((m) => m.appHandlers);
const fromRound = () => import('./rounds').then((m) => m.roundHandlers);
const fromDashboard = () => import('./dashboard').then((m) => m.dashboardHandlers);
const fromRoundProgress = () => import('./round-progress').then((m) => m.roundProgressHandlers);
const fromBid = () => import('./bids').then((m) => m.bidHandlers);
const fromImport = () => import('./imports').then((m) => m.importHandlers);
const fromPartnership = () => import('./partnerships').then((m) => m.partnershipHandlers);
const fromPlan = () => import('./plans').then((m) => m.planHandlers);
const fromSearch = () => import('./search').then((m) => m.searchHandlers);
const fromPeople = () => import('./people').then((m) => m.peopleHandlers);
const fromFramework = () => import('./frameworks').then((m) => m.frameworkHandlers);
const fromAssessor = () => import('./assessors').then((m) => m.assessorHandlers);
const fromScoring = () => import('./scoring').then((m) => m.scoringHandlers);
const fromScoreImport = () => import('./score-import').then((m) => m.scoreImportHandlers);
const fromModeration = () => import('./moderation').then((m) => m.moderationHandlers);
const fromRanking = () => import('./ranking').then((m) => m.rankingHandlers);
const fromAlignment = () => import('./alignment').then((m) => m.alignmentHandlers);
const fromExport = () => import('./exports').then((m) => m.exportHandlers);
const fromAllocation = () => import('./allocation').then((m) => m.allocationHandlers);
const fromBoard = () => import('./board').then((m) => m.boardHandlers);
const fromReport = () => import('./reports').then((m) => m.reportHandlers);
const fromOffice = () => import('./office').then((m) => m.officeHandlers);
const fromNoticeWording = () => import('./notice-wording').then((m) => m.noticeWordingHandlers);
const fromNoticeLifecycle = () => import('./notice-lifecycle').then((m) => m.noticeLifecycleHandlers);
const fromNoticeWords = () => import('./notice-words').then((m) => m.noticeWordsHandlers);
const fromPublish = () => import('./publish').then((m) => m.publishHandlers);
const fromThreeSixtyGiving = () => import('./three-sixty-giving').then((m) => m.threeSixtyGivingHandlers);
const fromFeedback = () => import('./feedback').then((m) => m.feedbackHandlers);
const fromReadiness = () => import('./readiness').then((m) => m.readinessHandlers);
const fromNoticeExport = () => import('./notice-export').then((m) => m.noticeExportHandlers);
const fromLetter = () => import('./letters').then((m) => m.letterHandlers);
const fromPack = () => import('./packs').then((m) => m.packHandlers);
const fromAudit = () => import('./audit/handlers').then((m) => m.auditHandlers);
const fromGrant = () => import('./grants').then((m) => m.grantHandlers);
const fromDemo = () =>
  import('./demo/load').then(({ loadDemo }): Pick<Handlers, 'demo:load'> => ({
    'demo:load': (_input, ctx) => loadDemo(ctx),
  }));

const loaders: { [C in Channel]: () => Promise<Pick<Handlers, C>> } = {
  'app:info': fromApp,
  'funds:list': fromApp,
  'rounds:list': fromRound,
  'rounds:get': fromRound,
  'rounds:create': fromRound,
  'rounds:update': fromRound,
  'rounds:archive': fromRound,
  'rounds:restore': fromRound,
  'rounds:setStage': fromRound,
  'rounds:dashboard': fromDashboard,
  'rounds:progress': fromRoundProgress,
  'bids:list': fromBid,
  'bids:get': fromBid,
  'bids:create': fromBid,
  'bids:update': fromBid,
  'bids:previewImport': fromImport,
  'bids:import': fromImport,
  'bids:importCase': fromImport,
  'partnerships:list': fromPartnership,
  'partnerships:add': fromPartnership,
  'plans:list': fromPlan,
  'plans:create': fromPlan,
  'search:query': fromSearch,
  'people:list': fromPeople,
  'people:add': fromPeople,
  'people:me': fromPeople,
  'people:setProfile': fromPeople,
  'people:session': fromPeople,
  'people:lock': fromPeople,
  'people:passphrase': fromPeople,
  'people:enrol': fromPeople,
  'people:setRole': fromPeople,
  'people:retire': fromPeople,
  'people:approve': fromPeople,
  'people:newCode': fromPeople,
  'people:history': fromPeople,
  'frameworks:get': fromFramework,
  'frameworks:use': fromFramework,
  'frameworks:update': fromFramework,
  'assessment:assign': fromAssessor,
  'assessment:declare': fromAssessor,
  'assessment:myBids': fromScoring,
  'assessment:sheet': fromScoring,
  'assessment:score': fromScoring,
  'assessment:reopen': fromScoring,
  'assessment:importScores': fromScoreImport,
  'assessment:progress': fromAssessor,
  'assessment:moderation': fromModeration,
  'assessment:moderate': fromModeration,
  'assessment:ranking': fromRanking,
  'assessment:rankingRows': fromRanking,
  'assessment:breakdown': fromRanking,
  'assessment:alignment': fromAlignment,
  'assessment:align': fromAlignment,
  'assessment:coverage': fromAlignment,
  'queries:raise': fromAlignment,
  'queries:resolve': fromAlignment,
  'queries:list': fromAlignment,
  'assessment:exportSheet': fromExport,
  'assessment:panelPack': fromExport,
  'allocation:get': fromAllocation,
  'allocation:set': fromAllocation,
  'allocation:suggest': fromAllocation,
  'scenarios:list': fromAllocation,
  'scenarios:save': fromAllocation,
  'scenarios:adopt': fromAllocation,
  'shortlist:get': fromBoard,
  'shortlist:setRule': fromBoard,
  'shortlist:override': fromBoard,
  'board:pack': fromBoard,
  'board:recordView': fromBoard,
  'reports:fund': fromReport,
  'reports:fundXlsx': fromReport,
  'reports:byPriority': fromReport,
  'office:get': fromOffice,
  'office:set': fromOffice,
  'notices:template': fromNoticeWording,
  'notices:setTemplate': fromNoticeWording,
  'notices:get': fromNoticeLifecycle,
  'notices:create': fromNoticeLifecycle,
  'notices:update': fromNoticeLifecycle,
  'notices:set': fromNoticeWords,
  'publish:register': fromPublish,
  'publish:threeSixtyGiving': fromThreeSixtyGiving,
  'feedback:list': fromFeedback,
  'feedback:set': fromFeedback,
  'feedback:approve': fromFeedback,
  'notices:readiness': fromReadiness,
  'notices:ready': fromNoticeLifecycle,
  'notices:sign': fromNoticeLifecycle,
  'notices:supersede': fromNoticeLifecycle,
  'notices:export': fromNoticeExport,
  'letters:export': fromLetter,
  'demo:load': fromDemo,
  'packs:make': fromPack,
  'packs:open': fromPack,
  'packs:return': fromPack,
  'packs:receive': fromPack,
  'packs:list': fromPack,
  'audit:history': fromAudit,
  'grants:list': fromGrant,
  'grants:get': fromGrant,
  'grants:threshold': fromGrant,
  'grants:diligence': fromGrant,
  'grants:agreement': fromGrant,
  'grants:signAgreement': fromGrant,
  'grants:schedule': fromGrant,
  'grants:vary': fromGrant,
  'grants:setThreshold': fromGrant,
  'grants:close': fromGrant,
  'claims:add': fromGrant,
  'claims:approve': fromGrant,
  'returns:template': fromGrant,
  'returns:import': fromGrant,
  'reports:delivery': fromGrant,
  'reports:deliveryXlsx': fromGrant,
  'audit:status': fromAudit,
};

const loaded = new Map<Channel, Handler>();

/** The channel's handler when it is already loaded, without waiting; otherwise undefined. */
export function loadedHandler(channel: Channel): Handler | undefined {
  return loaded.get(channel);
}

/** The channel's handler, loading its module first if need be. */
export async function loadHandler(channel: Channel): Promise<Handler> {
  let handler = loaded.get(channel);
  if (!handler) {
    const handlers = (await loaders[channel]()) as Record<string, Handler | undefined>;
    handler = handlers[channel];
    if (!handler) throw new Error(`No handler answers ${channel}`);
    loaded.set(channel, handler);
  }
  return handler;
}

/** Every handler at once, for a long-running process (the engine) that will answer them all. */
export async function loadAllHandlers(): Promise<void> {
  await Promise.all((Object.keys(loaders) as Channel[]).map(loadHandler));
}
