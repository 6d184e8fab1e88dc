import type { Channel } from '../../shared/channels';
import type { Domain } from '../../shared/contracts/kit';
import type { DomainHandlers, Handler } from './handler-types';

// Each domain's handlers, loaded the first time one of its channels is called, as its part of the
// contract is (shared/contracts/load.ts): a command that lists rounds never reads the modules that
// score, rank, write notices or make packs, nor the libraries they use.

const loaders: { [D in Domain]: () => Promise<DomainHandlers<D>> } = {
  app: async () => (await import('./app')).appHandlers,
  funds: async () => (await import('./app')).appHandlers,
  rounds: async () => {
    const [m0, m1, m2] = await Promise.all([
      import('./rounds'),
      import('./round-progress'),
      import('./dashboard'),
    ]);
    return { ...m0.roundHandlers, ...m1.roundProgressHandlers, ...m2.dashboardHandlers };
  },
  bids: async () => {
    const [m0, m1] = await Promise.all([import('./bids'), import('./imports')]);
    return { ...m0.bidHandlers, ...m1.importHandlers };
  },
  partnerships: async () => (await import('./partnerships')).partnershipHandlers,
  plans: async () => (await import('./plans')).planHandlers,
  search: async () => (await import('./search')).searchHandlers,
  people: async () => (await import('./people')).peopleHandlers,
  frameworks: async () => (await import('./frameworks')).frameworkHandlers,
  assessment: async () => {
    const [m0, m1, m2, m3, m4, m5, m6] = await Promise.all([
      import('./alignment'),
      import('./assessors'),
      import('./scoring'),
      import('./score-import'),
      import('./moderation'),
      import('./ranking'),
      import('./exports'),
    ]);
    return {
      ...m0.alignmentHandlers,
      ...m1.assessorHandlers,
      ...m2.scoringHandlers,
      ...m3.scoreImportHandlers,
      ...m4.moderationHandlers,
      ...m5.rankingHandlers,
      ...m6.exportHandlers,
    };
  },
  queries: async () => (await import('./alignment')).alignmentHandlers,
  allocation: async () => (await import('./allocation')).allocationHandlers,
  scenarios: async () => (await import('./allocation')).allocationHandlers,
  shortlist: async () => (await import('./board')).boardHandlers,
  board: async () => (await import('./board')).boardHandlers,
  reports: async () => {
    const [m0, m1] = await Promise.all([import('./reports'), import('./grants')]);
    return { ...m0.reportHandlers, ...m1.grantHandlers };
  },
  office: async () => (await import('./office')).officeHandlers,
  notices: async () => {
    const [m0, m1, m2, m3, m4] = await Promise.all([
      import('./notice-wording'),
      import('./notice-lifecycle'),
      import('./notice-words'),
      import('./readiness'),
      import('./notice-export'),
    ]);
    return {
      ...m0.noticeWordingHandlers,
      ...m1.noticeLifecycleHandlers,
      ...m2.noticeWordsHandlers,
      ...m3.readinessHandlers,
      ...m4.noticeExportHandlers,
    };
  },
  publish: async () => {
    const [m0, m1] = await Promise.all([import('./publish'), import('./three-sixty-giving')]);
    return { ...m0.publishHandlers, ...m1.threeSixtyGivingHandlers };
  },
  feedback: async () => (await import('./feedback')).feedbackHandlers,
  letters: async () => (await import('./letters')).letterHandlers,
  demo: async () => {
    const { loadDemo } = await import('./demo/load');
    return { 'demo:load': (_input, ctx) => loadDemo(ctx) };
  },
  packs: async () => (await import('./packs')).packHandlers,
  audit: async () => (await import('./audit/handlers')).auditHandlers,
  grants: async () => (await import('./grants')).grantHandlers,
  claims: async () => (await import('./grants')).grantHandlers,
  returns: async () => (await import('./grants')).grantHandlers,
};

const loaded = new Map<Domain, Record<string, Handler>>();

const domainOf = (channel: Channel) => channel.slice(0, channel.indexOf(':')) as Domain;

async function loadDomain(domain: Domain): Promise<Record<string, Handler>> {
  let handlers = loaded.get(domain);
  if (!handlers) {
    handlers = (await loaders[domain]()) as Record<string, Handler>;
    loaded.set(domain, handlers);
  }
  return handlers;
}

/** The channel's handler when its domain is already loaded, without waiting; otherwise undefined. */
export function loadedHandler(channel: Channel): Handler | undefined {
  return loaded.get(domainOf(channel))?.[channel];
}

/** The channel's handler, loading its domain's handlers first if need be. */
export async function loadHandler(channel: Channel): Promise<Handler> {
  const handler = (await loadDomain(domainOf(channel)))[channel];
  if (!handler) throw new Error(`No handler answers ${channel}`);
  return handler;
}

/** Every domain's handlers at once, for a long-running process (the engine) that will answer them all. */
export async function loadAllHandlers(): Promise<void> {
  await Promise.all((Object.keys(loaders) as Domain[]).map(loadDomain));
}
