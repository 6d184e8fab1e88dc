import type { Channel } from '../channels';
import type { Domain, DomainContract, Operation } from './kit';

// Each domain's part of the contract, loaded the first time one of its channels is called: a command
// that lists rounds builds the rounds schemas and none of the others (and the bundled command line
// splits each domain into a chunk of its own, read only then).

const loaders: { [D in Domain]: () => Promise<DomainContract<D>> } = {
  app: () => import('./app').then((m) => m.appContract),
  funds: () => import('./funds').then((m) => m.fundsContract),
  rounds: () => import('./rounds').then((m) => m.roundsContract),
  bids: () => import('./bids').then((m) => m.bidsContract),
  partnerships: () => import('./partnerships').then((m) => m.partnershipsContract),
  plans: () => import('./plans').then((m) => m.plansContract),
  search: () => import('./search').then((m) => m.searchContract),
  people: () => import('./people').then((m) => m.peopleContract),
  frameworks: () => import('./frameworks').then((m) => m.frameworksContract),
  assessment: () => import('./assessment').then((m) => m.assessmentContract),
  queries: () => import('./queries').then((m) => m.queriesContract),
  allocation: () => import('./allocation').then((m) => m.allocationContract),
  scenarios: () => import('./scenarios').then((m) => m.scenariosContract),
  shortlist: () => import('./shortlist').then((m) => m.shortlistContract),
  board: () => import('./board').then((m) => m.boardContract),
  reports: () => import('./reports').then((m) => m.reportsContract),
  office: () => import('./office').then((m) => m.officeContract),
  notices: () => import('./notices').then((m) => m.noticesContract),
  publish: () => import('./publish').then((m) => m.publishContract),
  feedback: () => import('./feedback').then((m) => m.feedbackContract),
  letters: () => import('./letters').then((m) => m.lettersContract),
  demo: () => import('./demo').then((m) => m.demoContract),
  packs: () => import('./packs').then((m) => m.packsContract),
  audit: () => import('./audit').then((m) => m.auditContract),
  grants: () => import('./grants').then((m) => m.grantsContract),
  claims: () => import('./claims').then((m) => m.claimsContract),
  returns: () => import('./returns').then((m) => m.returnsContract),
};

/**
 * Channels with a part of their domain's contract to themselves: calling one loads only that part
 * (a domain's file gathers its parts, so the operations are the same objects either way).
 */
const reading = () => import('./rounds-reading').then((m) => m.roundsReadingContract);
const parts: Partial<Record<Channel, () => Promise<Record<string, Operation>>>> = {
  'rounds:list': reading,
  'rounds:get': reading,
  'rounds:archive': reading,
  'rounds:restore': reading,
};

const loaded = new Map<Domain, Record<string, Operation>>();
const loadedChannels = new Map<string, Operation>();

export function domainOf(channel: Channel): Domain {
  return channel.slice(0, channel.indexOf(':')) as Domain;
}

/** The channel's operation when its domain (or its own part) is loaded, without waiting; otherwise undefined. */
export function loadedOperation(channel: Channel): Operation | undefined {
  return loadedChannels.get(channel);
}

function keep(operations: Record<string, Operation>) {
  for (const [channel, operation] of Object.entries(operations)) loadedChannels.set(channel, operation);
}

async function loadDomain(domain: Domain): Promise<Record<string, Operation>> {
  let operations = loaded.get(domain);
  if (!operations) {
    operations = (await loaders[domain]()) as Record<string, Operation>;
    loaded.set(domain, operations);
    keep(operations);
  }
  return operations;
}

/** The channel's operation, loading its domain's part of the contract first if need be. */
export async function loadOperation(channel: Channel): Promise<Operation> {
  const part = parts[channel];
  if (part && !loadedChannels.has(channel)) keep(await part());
  const operation = loadedChannels.get(channel) ?? (await loadDomain(domainOf(channel)))[channel];
  if (!operation) throw new Error(`The contract has no ${channel}`);
  return operation;
}

/** Every domain at once, for a long-running process (the engine) that will answer them all anyway. */
export async function loadAllOperations(): Promise<void> {
  await Promise.all((Object.keys(loaders) as Domain[]).map(loadDomain));
}
