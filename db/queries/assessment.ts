import { and, asc, desc, eq, inArray, isNotNull, isNull, notExists, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { TrancheDb } from '../connection';
import { writeAsSet } from '../audit/set-record';
import {
  alignments,
  assignments,
  bidQueriesTable,
  bids,
  criteria,
  declarationHistory,
  declarations,
  frameworkChanges,
  frameworks,
  moderations,
  people,
  priorities,
  reopenings,
  scaleDescriptors,
  scoreHistory,
  scores,
  submissions,
} from '../schema';

export interface FrameworkValues {
  template: string | null;
  scaleMin: number;
  scaleMax: number;
  descriptors: string[];
  threshold: number | null;
  divergence: number;
  criteria: {
    code: string;
    name: string;
    guidance: string;
    weight: number;
    minScore: number | null;
    gateway: boolean;
  }[];
}

// long-function: the domain's query methods as one object from a factory; each method is short
export function frameworkQueries(db: TrancheDb) {
  const forRound = (roundId: number) =>
    db.select().from(frameworks).where(eq(frameworks.roundId, roundId)).get();
  return {
    forRound(roundId: number) {
      const framework = forRound(roundId);
      if (!framework) return undefined;
      const descriptorRows = db
        .select()
        .from(scaleDescriptors)
        .where(eq(scaleDescriptors.frameworkId, framework.id))
        .orderBy(asc(scaleDescriptors.score))
        .all();
      const criterionRows = db
        .select({
          id: criteria.id,
          code: criteria.code,
          name: criteria.name,
          guidance: criteria.guidance,
          weight: criteria.weightPercent,
          minScore: criteria.minScore,
          gateway: criteria.gateway,
        })
        .from(criteria)
        .where(and(eq(criteria.frameworkId, framework.id), isNull(criteria.retiredAt)))
        .orderBy(asc(criteria.position))
        .all();
      const changes = db
        .select({ summary: frameworkChanges.summary, by: people.name, at: frameworkChanges.at })
        .from(frameworkChanges)
        .leftJoin(people, eq(frameworkChanges.personId, people.id))
        .where(eq(frameworkChanges.frameworkId, framework.id))
        .orderBy(asc(frameworkChanges.id))
        .all();
      return { ...framework, descriptors: descriptorRows, criteria: criterionRows, changes };
    },
    /**
     * Writes a round's framework. Criteria are matched by code so the scores of criteria that
     * stay are kept. A criterion that goes is deleted only if nobody ever scored or moderated it;
     * otherwise it is retired, with its score history, and comes back if its code is used again.
     */
    // long-function: one transaction from the first check to the last write, so all of it happens or none does
    save(roundId: number, values: FrameworkValues, now: string): number {
      const existing = forRound(roundId);
      const frameworkId = existing
        ? (db
            .update(frameworks)
            .set({
              template: values.template,
              scaleMin: values.scaleMin,
              scaleMax: values.scaleMax,
              thresholdPercent: values.threshold,
              divergence: values.divergence,
              updatedAt: now,
            })
            .where(eq(frameworks.id, existing.id))
            .run(),
          existing.id)
        : db
            .insert(frameworks)
            .values({
              roundId,
              template: values.template,
              scaleMin: values.scaleMin,
              scaleMax: values.scaleMax,
              thresholdPercent: values.threshold,
              divergence: values.divergence,
              updatedAt: now,
            })
            .returning({ id: frameworks.id })
            .get().id;
      db.delete(scaleDescriptors).where(eq(scaleDescriptors.frameworkId, frameworkId)).run();
      values.descriptors.forEach((descriptor, i) =>
        db
          .insert(scaleDescriptors)
          .values({ frameworkId, score: values.scaleMin + i, descriptor })
          .run(),
      );
      const current = db
        .select({ id: criteria.id, code: criteria.code, retiredAt: criteria.retiredAt })
        .from(criteria)
        .where(eq(criteria.frameworkId, frameworkId))
        .all();
      const keep = new Set(values.criteria.map((c) => c.code.toLowerCase()));
      const gone = current
        .filter((c) => c.retiredAt === null && !keep.has(c.code.toLowerCase()))
        .map((c) => c.id);
      const scored = new Set(
        gone.length === 0
          ? []
          : [
              ...db
                .selectDistinct({ id: scoreHistory.criterionId })
                .from(scoreHistory)
                .where(inArray(scoreHistory.criterionId, gone))
                .all(),
              ...db
                .selectDistinct({ id: moderations.criterionId })
                .from(moderations)
                .where(inArray(moderations.criterionId, gone))
                .all(),
            ].map((r) => r.id),
      );
      const unscored = gone.filter((id) => !scored.has(id));
      if (unscored.length > 0) db.delete(criteria).where(inArray(criteria.id, unscored)).run();
      if (scored.size > 0)
        db.update(criteria)
          .set({ retiredAt: now })
          .where(inArray(criteria.id, [...scored]))
          .run();
      values.criteria.forEach((c, position) => {
        const match = current.find((x) => x.code.toLowerCase() === c.code.toLowerCase());
        const row = {
          code: c.code,
          name: c.name,
          guidance: c.guidance,
          weightPercent: c.weight,
          minScore: c.minScore,
          gateway: c.gateway,
          position,
          retiredAt: null,
        };
        if (match) db.update(criteria).set(row).where(eq(criteria.id, match.id)).run();
        else
          db.insert(criteria)
            .values({ frameworkId, ...row })
            .run();
      });
      return frameworkId;
    },
    recordChange(frameworkId: number, personId: number | null, summary: string, now: string): void {
      db.insert(frameworkChanges).values({ frameworkId, personId, summary, at: now }).run();
    },
  };
}

/** An assessor's sheet for one bid, as an import checks it: assigned, and declared or not. */
export interface AssignedSheet {
  bidId: number;
  personId: number;
  declared: boolean;
  conflict: boolean;
  submittedAt: string | null;
}

/** The better-sqlite3 handle under drizzle, for the set-based import (see bids.ts). */
function rawClient(db: TrancheDb): Database.Database {
  return (db as unknown as { $client: Database.Database }).$client;
}

// long-function: the domain's query methods as one object from a factory; each method is short
export function scoringQueries(db: TrancheDb) {
  return {
    assign(bidId: number, personId: number, now: string): void {
      db.insert(assignments).values({ bidId, personId, assignedAt: now }).onConflictDoNothing().run();
    },
    unassign(bidId: number, personId: number): void {
      db.delete(assignments)
        .where(and(eq(assignments.bidId, bidId), eq(assignments.personId, personId)))
        .run();
    },
    /** The round's assignments (optionally: one person's only). */
    assignmentsForRound(roundId: number, personId?: number) {
      return db
        .select({ bidId: assignments.bidId, personId: assignments.personId, person: people.name })
        .from(assignments)
        .innerJoin(bids, eq(assignments.bidId, bids.id))
        .innerJoin(people, eq(assignments.personId, people.id))
        .where(
          and(
            eq(bids.roundId, roundId),
            personId === undefined ? undefined : eq(assignments.personId, personId),
          ),
        )
        .all();
    },
    isAssigned(bidId: number, personId: number): boolean {
      return (
        db
          .select({ bidId: assignments.bidId })
          .from(assignments)
          .where(and(eq(assignments.bidId, bidId), eq(assignments.personId, personId)))
          .get() !== undefined
      );
    },
    /** Records a declaration as the current one, and as a new version in its history. */
    declare(
      bidId: number,
      personId: number,
      conflict: boolean,
      nature: string | null,
      now: string,
      recorded: { by: number | null; reason?: string | null } = { by: personId },
    ): void {
      db.insert(declarations)
        .values({ bidId, personId, conflict, nature, declaredAt: now })
        .onConflictDoUpdate({
          target: [declarations.bidId, declarations.personId],
          set: { conflict, nature, declaredAt: now },
        })
        .run();
      db.insert(declarationHistory)
        .values({
          bidId,
          personId,
          conflict,
          nature,
          reason: recorded.reason ?? null,
          recordedBy: recorded.by,
          at: now,
        })
        .run();
    },
    /**
     * Records many declarations at once (declaring in every bid): each as the current one and as a
     * new version in its history, through two statements prepared once.
     */
    saveDeclarations(
      rows: readonly { bidId: number; conflict: boolean; nature: string | null; reason: string | null }[],
      personId: number,
      now: string,
      by: number | null,
    ): void {
      const p = (name: string) => sql.placeholder(name);
      const current = db
        .insert(declarations)
        .values({
          bidId: p('bidId'),
          personId,
          conflict: p('conflict'),
          nature: p('nature'),
          declaredAt: now,
        })
        .onConflictDoUpdate({
          target: [declarations.bidId, declarations.personId],
          set: { conflict: sql`excluded.conflict`, nature: sql`excluded.nature`, declaredAt: now },
        })
        .prepare();
      const history = db
        .insert(declarationHistory)
        .values({
          bidId: p('bidId'),
          personId,
          conflict: p('conflict'),
          nature: p('nature'),
          reason: p('reason'),
          recordedBy: by,
          at: now,
        })
        .prepare();
      for (const row of rows) {
        // Placeholders bypass the column's mapping: SQLite stores the boolean as 0 or 1.
        const values = { ...row, conflict: row.conflict ? 1 : 0 };
        current.run(values);
        history.run(values);
      }
    },
    declarationHistory(bidId: number, personId: number) {
      return db
        .select()
        .from(declarationHistory)
        .where(and(eq(declarationHistory.bidId, bidId), eq(declarationHistory.personId, personId)))
        .orderBy(asc(declarationHistory.id))
        .all();
    },
    declaration(bidId: number, personId: number) {
      return db
        .select()
        .from(declarations)
        .where(and(eq(declarations.bidId, bidId), eq(declarations.personId, personId)))
        .get();
    },
    declarationsForRound(roundId: number) {
      return db
        .select({
          bidId: declarations.bidId,
          ref: bids.ref,
          personId: declarations.personId,
          person: people.name,
          conflict: declarations.conflict,
          nature: declarations.nature,
          declaredAt: declarations.declaredAt,
        })
        .from(declarations)
        .innerJoin(bids, eq(declarations.bidId, bids.id))
        .innerJoin(people, eq(declarations.personId, people.id))
        .where(eq(bids.roundId, roundId))
        .orderBy(asc(bids.ref), asc(people.name))
        .all();
    },
    saveScore(
      bidId: number,
      personId: number,
      criterionId: number,
      score: number | null,
      justification: string,
      submitted: boolean,
      now: string,
    ): void {
      db.insert(scores)
        .values({ bidId, personId, criterionId, score, justification, updatedAt: now })
        .onConflictDoUpdate({
          target: [scores.bidId, scores.personId, scores.criterionId],
          set: { score, justification, updatedAt: now },
        })
        .run();
      db.insert(scoreHistory)
        .values({ bidId, personId, criterionId, score, justification, submitted, at: now })
        .run();
    },
    /**
     * Saves many submitted scores at once (an import): three set-based statements over the rows as
     * one JSON array, inside the caller's transaction, recorded in the audit chain as a set
     * (db/audit/set-record.ts) rather than row by row through the capture triggers.
     */
    saveSubmittedScores(
      rows: readonly {
        bidId: number;
        personId: number;
        criterionId: number;
        score: number;
        justification: string;
      }[],
      now: string,
    ): void {
      const sqlite = rawClient(db);
      const values = JSON.stringify(
        rows.map((r) => [r.bidId, r.personId, r.criterionId, r.score, r.justification]),
      );
      const each = 'json_each(@values) AS v';
      writeAsSet(sqlite, ['scores', 'score_history', 'submissions'], () => {
        sqlite
          .prepare(
            `INSERT INTO scores (bid_id, person_id, criterion_id, score, justification, updated_at)
             SELECT v.value ->> 0, v.value ->> 1, v.value ->> 2, v.value ->> 3, v.value ->> 4, @now FROM ${each}
             WHERE true ON CONFLICT (bid_id, person_id, criterion_id) DO UPDATE SET score = excluded.score,
               justification = excluded.justification, updated_at = excluded.updated_at`,
          )
          .run({ values, now });
        // score_history's ids only grow (AUTOINCREMENT): the rows above the highest before are these.
        const highest =
          (sqlite.prepare('SELECT coalesce(max(id), 0) FROM score_history').pluck().get() as number) ?? 0;
        sqlite
          .prepare(
            `INSERT INTO score_history (bid_id, person_id, criterion_id, score, justification, submitted, at)
             SELECT v.value ->> 0, v.value ->> 1, v.value ->> 2, v.value ->> 3, v.value ->> 4, 1, @now
             FROM ${each} ORDER BY v.key`,
          )
          .run({ values, now });
        sqlite
          .prepare(
            `INSERT INTO submissions (bid_id, person_id, submitted_at)
             SELECT DISTINCT v.value ->> 0, v.value ->> 1, @now FROM ${each} WHERE true ON CONFLICT DO NOTHING`,
          )
          .run({ values, now });
        const history = sqlite
          .prepare('SELECT id FROM score_history WHERE id > ? ORDER BY id')
          .raw()
          .all(highest);
        const sheets = new Map(rows.map((r) => [`${r.bidId}:${r.personId}`, [r.bidId, r.personId]]));
        return {
          scores: rows.map((r) => [r.bidId, r.personId, r.criterionId]),
          score_history: history as number[][],
          submissions: [...sheets.values()],
        };
      });
    },
    /** The first submission stands: a submitted sheet changes only after a lead officer reopens it. */
    submit(bidId: number, personId: number, now: string): void {
      db.insert(submissions).values({ bidId, personId, submittedAt: now }).onConflictDoNothing().run();
    },
    /** Undoes a submission, keeping it (and the reason) on the record. */
    reopen(
      bidId: number,
      personId: number,
      submittedAt: string,
      reason: string,
      reopenedBy: number,
      now: string,
    ): void {
      db.insert(reopenings).values({ bidId, personId, submittedAt, reason, reopenedBy, at: now }).run();
      db.delete(submissions)
        .where(and(eq(submissions.bidId, bidId), eq(submissions.personId, personId)))
        .run();
    },
    reopeningsForRound(roundId: number) {
      return db
        .select({
          bidId: reopenings.bidId,
          personId: reopenings.personId,
          submittedAt: reopenings.submittedAt,
          reason: reopenings.reason,
          at: reopenings.at,
        })
        .from(reopenings)
        .innerJoin(bids, eq(reopenings.bidId, bids.id))
        .where(eq(bids.roundId, roundId))
        .orderBy(asc(reopenings.id))
        .all();
    },
    submission(bidId: number, personId: number) {
      return db
        .select()
        .from(submissions)
        .where(and(eq(submissions.bidId, bidId), eq(submissions.personId, personId)))
        .get();
    },
    /**
     * The sheets these people have in a round, one per bid they are assigned to: whether they have
     * declared interests in it, with a conflict, and when they submitted it (null: not yet). One
     * statement, rows as SQLite gives them: an import checks every row of its file against these.
     */
    sheetsOf(roundId: number, personIds: readonly number[]): AssignedSheet[] {
      const rows = rawClient(db)
        .prepare(
          `SELECT a.bid_id, a.person_id, d.bid_id IS NOT NULL, coalesce(d.conflict, 0), s.submitted_at
           FROM assignments AS a JOIN bids AS b ON b.id = a.bid_id
           LEFT JOIN declarations AS d ON d.bid_id = a.bid_id AND d.person_id = a.person_id
           LEFT JOIN submissions AS s ON s.bid_id = a.bid_id AND s.person_id = a.person_id
           WHERE b.round_id = ? AND a.person_id IN (SELECT value FROM json_each(?))`,
        )
        .raw()
        .all(roundId, JSON.stringify(personIds)) as [number, number, number, number, string | null][];
      return rows.map(([bidId, personId, declared, conflict, submittedAt]) => ({
        bidId,
        personId,
        declared: declared === 1,
        conflict: conflict === 1,
        submittedAt,
      }));
    },
    /** The round's submitted sheets (optionally: one person's only). */
    submissionsForRound(roundId: number, personId?: number) {
      return db
        .select({
          bidId: submissions.bidId,
          personId: submissions.personId,
          submittedAt: submissions.submittedAt,
        })
        .from(submissions)
        .innerJoin(bids, eq(submissions.bidId, bids.id))
        .where(
          and(
            eq(bids.roundId, roundId),
            personId === undefined ? undefined : eq(submissions.personId, personId),
          ),
        )
        .all();
    },
    scoresForBid(bidId: number) {
      return db
        .select({
          personId: scores.personId,
          person: people.name,
          criterionId: scores.criterionId,
          score: scores.score,
          justification: scores.justification,
          updatedAt: scores.updatedAt,
        })
        .from(scores)
        .innerJoin(people, eq(scores.personId, people.id))
        .where(eq(scores.bidId, bidId))
        .all();
    },
    /** Only what the ranking reads, and only given scores: a large round has hundreds of thousands. */
    /**
     * The scores the ranking counts: given, on a submitted sheet, by an assessor without a declared
     * conflict in the bid. Filtered here rather than in JavaScript: a large round has hundreds of
     * thousands of scores, and most of the ranking's time was spent reading rows it then dropped.
     */
    countedScoresForRound(roundId: number) {
      return (
        db
          .select({
            bidId: scores.bidId,
            personId: scores.personId,
            criterionId: scores.criterionId,
            score: scores.score,
          })
          .from(scores)
          .innerJoin(bids, eq(scores.bidId, bids.id))
          .innerJoin(
            submissions,
            and(eq(submissions.bidId, scores.bidId), eq(submissions.personId, scores.personId)),
          )
          .where(
            and(
              eq(bids.roundId, roundId),
              isNotNull(scores.score),
              notExists(
                db
                  .select({ one: sql`1` })
                  .from(declarations)
                  .where(
                    and(
                      eq(declarations.bidId, scores.bidId),
                      eq(declarations.personId, scores.personId),
                      eq(declarations.conflict, true),
                    ),
                  ),
              ),
            ),
          )
          // Rows as arrays, named here: drizzle's per-column mapping costs a third of this query at
          // the quarter of a million scores of a 10,000-bid round, which every ranking reads.
          .values()
          .map((row) => {
            const [bidId, personId, criterionId, score] = row as [number, number, number, number | null];
            return { bidId, personId, criterionId, score };
          })
      );
    },
    /** Who declared a conflict in which bid of the round (optionally: one person's only). */
    conflictsForRound(roundId: number, personId?: number) {
      return db
        .select({ bidId: declarations.bidId, personId: declarations.personId })
        .from(declarations)
        .innerJoin(bids, eq(declarations.bidId, bids.id))
        .where(
          and(
            eq(bids.roundId, roundId),
            eq(declarations.conflict, true),
            personId === undefined ? undefined : eq(declarations.personId, personId),
          ),
        )
        .all();
    },
    scoresForRound(roundId: number) {
      return db
        .select({
          bidId: scores.bidId,
          personId: scores.personId,
          person: people.name,
          criterionId: scores.criterionId,
          score: scores.score,
          justification: scores.justification,
        })
        .from(scores)
        .innerJoin(bids, eq(scores.bidId, bids.id))
        .innerJoin(people, eq(scores.personId, people.id))
        .where(eq(bids.roundId, roundId))
        .all();
    },
    historyForBid(bidId: number) {
      return db
        .select({
          person: people.name,
          criterionId: scoreHistory.criterionId,
          score: scoreHistory.score,
          justification: scoreHistory.justification,
          submitted: scoreHistory.submitted,
          at: scoreHistory.at,
        })
        .from(scoreHistory)
        .innerJoin(people, eq(scoreHistory.personId, people.id))
        .where(eq(scoreHistory.bidId, bidId))
        .orderBy(asc(scoreHistory.id))
        .all();
    },
    /** The bids of the round in which this person has saved any score. */
    scoredBidsForRound(roundId: number, personId: number): number[] {
      return db
        .selectDistinct({ bidId: scores.bidId })
        .from(scores)
        .innerJoin(bids, eq(scores.bidId, bids.id))
        .where(and(eq(bids.roundId, roundId), eq(scores.personId, personId)))
        .all()
        .map((r) => r.bidId);
    },
    anyScoreInRound(roundId: number): boolean {
      return (
        db
          .select({ n: sql<number>`1` })
          .from(scores)
          .innerJoin(bids, eq(scores.bidId, bids.id))
          .where(eq(bids.roundId, roundId))
          .limit(1)
          .get() !== undefined
      );
    },
    moderate(
      bidId: number,
      criterionId: number,
      score: number,
      reason: string,
      personId: number | null,
      now: string,
    ): void {
      db.insert(moderations).values({ bidId, criterionId, score, reason, personId, at: now }).run();
    },
    /** The latest moderation of each bid and criterion in a round. */
    moderationsForRound(roundId: number) {
      const rows = db
        .select({
          id: moderations.id,
          bidId: moderations.bidId,
          criterionId: moderations.criterionId,
          score: moderations.score,
          reason: moderations.reason,
          by: people.name,
          at: moderations.at,
        })
        .from(moderations)
        .innerJoin(bids, eq(moderations.bidId, bids.id))
        .leftJoin(people, eq(moderations.personId, people.id))
        .where(eq(bids.roundId, roundId))
        .orderBy(desc(moderations.id))
        .all();
      const latest = new Map<string, (typeof rows)[number]>();
      for (const row of rows)
        if (!latest.has(`${row.bidId}:${row.criterionId}`))
          latest.set(`${row.bidId}:${row.criterionId}`, row);
      return [...latest.values()];
    },
    setAlignment(
      bidId: number,
      personId: number,
      priorityId: number,
      strength: 'none' | 'some' | 'strong',
    ): void {
      db.insert(alignments)
        .values({ bidId, personId, priorityId, strength })
        .onConflictDoUpdate({
          target: [alignments.bidId, alignments.personId, alignments.priorityId],
          set: { strength },
        })
        .run();
    },
    alignmentsForRound(roundId: number) {
      return db
        .select({
          bidId: alignments.bidId,
          personId: alignments.personId,
          priorityId: alignments.priorityId,
          code: priorities.code,
          strength: alignments.strength,
        })
        .from(alignments)
        .innerJoin(bids, eq(alignments.bidId, bids.id))
        .innerJoin(priorities, eq(alignments.priorityId, priorities.id))
        .where(eq(bids.roundId, roundId))
        .all();
    },
    raiseQuery(
      bidId: number,
      text: string,
      raisedBy: number | null,
      assignedTo: number | null,
      now: string,
    ): number {
      return db
        .insert(bidQueriesTable)
        .values({ bidId, text, raisedBy, assignedTo, raisedAt: now })
        .returning({ id: bidQueriesTable.id })
        .get().id;
    },
    resolveQuery(id: number, resolution: string, resolvedBy: number | null, now: string): void {
      db.update(bidQueriesTable)
        .set({ resolution, resolvedBy, resolvedAt: now })
        .where(eq(bidQueriesTable.id, id))
        .run();
    },
    query(id: number) {
      return db.select().from(bidQueriesTable).where(eq(bidQueriesTable.id, id)).get();
    },
    queriesForRound(roundId: number) {
      return db
        .select({
          id: bidQueriesTable.id,
          bidId: bidQueriesTable.bidId,
          ref: bids.ref,
          text: bidQueriesTable.text,
          raisedBy: bidQueriesTable.raisedBy,
          assignedTo: bidQueriesTable.assignedTo,
          raisedAt: bidQueriesTable.raisedAt,
          resolution: bidQueriesTable.resolution,
          resolvedBy: bidQueriesTable.resolvedBy,
          resolvedAt: bidQueriesTable.resolvedAt,
        })
        .from(bidQueriesTable)
        .innerJoin(bids, eq(bidQueriesTable.bidId, bids.id))
        .where(eq(bids.roundId, roundId))
        .orderBy(asc(bidQueriesTable.id))
        .all();
    },
  };
}
