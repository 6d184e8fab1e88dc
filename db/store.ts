import type Database from 'better-sqlite3';
import { sealPending } from './audit/recorder';
import { auditTablesPresent } from './audit/tables';
import type { Connection, TrancheDb } from './connection';
import { allocationQueries } from './queries/allocation';
import { approvalQueries, enrolmentCodeQueries } from './queries/approvals';
import { boardQueries } from './queries/board';
import { feedbackQueries } from './queries/feedback';
import { frameworkQueries, scoringQueries } from './queries/assessment';
import { auditQueries } from './queries/audit';
import { peopleQueries } from './queries/people';
import { bidQueries } from './queries/bids';
import { noticeQueries } from './queries/notices';
import { packQueries } from './queries/packs';
import { fundQueries } from './queries/funds';
import { grantQueries } from './queries/grants';
import { identityQueries } from './queries/identities';
import { organisationQueries } from './queries/organisations';
import { roundQueries } from './queries/rounds';

function queries(db: TrancheDb, sqlite: Database.Database) {
  return {
    funds: fundQueries(db),
    rounds: roundQueries(db),
    bids: bidQueries(db),
    organisations: organisationQueries(db),
    people: peopleQueries(db),
    identities: identityQueries(db),
    approvals: approvalQueries(db),
    enrolmentCodes: enrolmentCodeQueries(db),
    frameworks: frameworkQueries(db),
    scoring: scoringQueries(db),
    allocation: allocationQueries(db),
    board: boardQueries(db),
    feedback: feedbackQueries(db),
    notices: noticeQueries(db),
    packs: packQueries(db),
    grants: grantQueries(db),
    audit: auditQueries(sqlite),
  };
}

type Queries = ReturnType<typeof queries>;

/**
 * The named queries a read may use: every one of them only reads. A query left off this list is
 * not in the `ReadStore` type, so a read channel's handler cannot call it and compile; add a new
 * query here only when it reads.
 */
const READS = {
  funds: ['list', 'get'],
  rounds: ['list', 'get', 'findByName'],
  bids: [
    'summariesForRound',
    'allocationRows',
    'listForRound',
    'get',
    'findByRef',
    'refsInRound',
    'attachmentContent',
    'scheduleTotals',
    'ids',
    'refsAndIds',
    'search',
    'sectionsForRound',
  ],
  organisations: [
    'listPartnerships',
    'partnershipIndex',
    'findPlanByTitle',
    'listPlans',
    'priorityIdsByCode',
    'priorityPlans',
  ],
  people: ['list', 'count', 'get', 'findByName', 'activeLeadCount', 'setting', 'sittingCommissioner'],
  identities: ['get', 'fingerprints', 'count'],
  approvals: ['list', 'forPerson'],
  enrolmentCodes: ['get'],
  frameworks: ['forRound'],
  scoring: [
    'assignmentsForRound',
    'isAssigned',
    'declarationHistory',
    'declaration',
    'declarationsForRound',
    'sheetsOf',
    'reopeningsForRound',
    'submission',
    'submissionsForRound',
    'scoresForBid',
    'countedScoresForRound',
    'conflictsForRound',
    'scoresForRound',
    'historyForBid',
    'scoredBidsForRound',
    'anyScoreInRound',
    'moderationsForRound',
    'alignmentsForRound',
    'query',
    'queriesForRound',
  ],
  allocation: ['items', 'findScenarioByName', 'scenarios'],
  board: ['rule', 'overrides', 'views'],
  notices: ['template', 'forRound', 'get', 'nextSequence', 'signedBetween', 'signedStanding'],
  packs: [
    'roundIdentity',
    'roundByUid',
    'isCopy',
    'pinnedKey',
    'localKey',
    'leadOfficerKeys',
    'enrolment',
    'received',
    'lastReceived',
    'sentForRound',
    'receivedForRound',
    'scoreVersions',
    'currentScores',
  ],
  grants: ['forRound', 'byBid', 'years', 'claims', 'claim', 'returns', 'variations', 'personNames'],
  feedback: ['forRound'],
  audit: ['history', 'ofOperations'],
} as const satisfies { [G in keyof Queries]: readonly (keyof Queries[G])[] };

type ReadQueries = {
  readonly [G in keyof Queries]: Pick<Queries[G], Extract<(typeof READS)[G][number], keyof Queries[G]>>;
};

/**
 * A mark that changes whenever what this connection sees may have changed: SQLite's data_version
 * moves when another connection (the writing one beside a reader, another Tranche) commits, and
 * total_changes when this one writes. Null inside a transaction, which may yet roll back. Handlers
 * use it to reuse what they worked out from an unchanged database (the ranking, rankingFor).
 */
function changeMarkOf(sqlite: Database.Database): () => string | null {
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  return () =>
    sqlite.inTransaction
      ? null
      : `${String(sqlite.pragma('data_version', { simple: true }))}:${String(changes.get())}`;
}

/** How the file was found and what it is, for reads and writes alike. */
function about(connection: Connection) {
  return {
    health: connection.health,
    file: connection.file,
    schemaVersion: connection.schemaVersion,
  };
}

/**
 * What a read channel's handler gets: the reading queries alone, over a read-only connection of
 * its own, so that a read cannot write, whatever it calls.
 */
export type ReadStore = ReadQueries & ReturnType<typeof about> & { changeMark: () => string | null };

function readStore(connection: Connection): ReadStore {
  const all = queries(connection.reader.db, connection.reader.sqlite);
  const picked = Object.fromEntries(
    Object.entries(READS).map(([group, names]) => {
      const source = all[group as keyof Queries] as Record<string, unknown>;
      return [group, Object.fromEntries(names.map((name) => [name, source[name]]))];
    }),
  ) as ReadQueries;
  return { ...picked, ...about(connection), changeMark: changeMarkOf(connection.reader.sqlite) };
}

/** What handlers get instead of the database handle: named queries and a transaction boundary. */
export function createStore(connection: Connection) {
  const { db, sqlite } = connection;
  // A file still being checked alongside is written only once the check passes (connection.ts).
  const openedReadOnly = !connection.health.checkedAlongside && connection.health.readOnly;
  const audited = !openedReadOnly && auditTablesPresent(sqlite);
  return {
    ...queries(db, sqlite),
    /**
     * Runs `work` atomically: every write in it lands, or none does. The outermost transaction
     * also seals what it changed into the audit chain before it commits (db/audit/). It begins
     * IMMEDIATE: it waits its turn behind another Tranche writing (the busy timeout) instead of
     * reading first and failing when it comes to write.
     */
    transaction<T>(work: () => T): T {
      const outermost = !sqlite.inTransaction;
      return db.transaction(
        () => {
          const result = work();
          if (outermost && audited) sealPending(sqlite);
          return result;
        },
        { behavior: 'immediate' },
      );
    },
    /** The raw connection, for the audit chain, verify and backups. */
    sqlite,
    changeMark: changeMarkOf(sqlite),
    ...about(connection),
    /** The same database through its read-only connection, for read channels (dispatch). */
    reader: readStore(connection),
  };
}

export type Store = ReturnType<typeof createStore>;
