import { sealPending } from './audit/recorder';
import { auditTablesPresent } from './audit/tables';
import type { Connection } from './connection';
import { allocationQueries } from './queries/allocation';
import { boardQueries } from './queries/board';
import { feedbackQueries } from './queries/feedback';
import { frameworkQueries, scoringQueries } from './queries/assessment';
import { peopleQueries } from './queries/people';
import { bidQueries } from './queries/bids';
import { noticeQueries } from './queries/notices';
import { packQueries } from './queries/packs';
import { fundQueries } from './queries/funds';
import { grantQueries } from './queries/grants';
import { identityQueries } from './queries/identities';
import { organisationQueries } from './queries/organisations';
import { roundQueries } from './queries/rounds';

/** What handlers get instead of the database handle: named queries and a transaction boundary. */
export function createStore(connection: Connection) {
  const { db, sqlite } = connection;
  const audited = !connection.health.readOnly && auditTablesPresent(sqlite);
  return {
    funds: fundQueries(db),
    rounds: roundQueries(db),
    bids: bidQueries(db),
    organisations: organisationQueries(db),
    people: peopleQueries(db),
    identities: identityQueries(db),
    frameworks: frameworkQueries(db),
    scoring: scoringQueries(db),
    allocation: allocationQueries(db),
    board: boardQueries(db),
    feedback: feedbackQueries(db),
    notices: noticeQueries(db),
    packs: packQueries(db),
    grants: grantQueries(db),
    /**
     * Runs `work` atomically: every write in it lands, or none does. The outermost transaction
     * also seals what it changed into the audit chain before it commits (db/audit/).
     */
    transaction<T>(work: () => T): T {
      const outermost = !sqlite.inTransaction;
      return db.transaction(() => {
        const result = work();
        if (outermost && audited) sealPending(sqlite);
        return result;
      });
    },
    /** The raw connection, for the audit chain, verify and backups. */
    sqlite,
    health: connection.health,
    file: connection.file,
    schemaVersion: connection.schemaVersion,
  };
}

export type Store = ReturnType<typeof createStore>;
