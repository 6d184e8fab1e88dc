import type Database from 'better-sqlite3';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { BidStatus } from '../../shared/bids';
import type { TrancheDb } from '../connection';
import { groupBy } from '../group-by';
import {
  attachments,
  bidCostLines,
  bidPriorityClaims,
  bids,
  bidSections,
  partnerships,
  priorities,
  rounds,
  funds,
  scheduleTotals,
} from '../schema';

export interface BidValues {
  roundId: number;
  ref: string;
  partnershipId: number;
  title: string;
  summary: string;
  requestedPence: number;
  reducedPence: number | null;
  reductionNote: string | null;
  statedTotalPence: number | null;
  durationText: string | null;
  startsOn: string | null;
  endsOn: string | null;
  matchFundingPence: number | null;
  status: BidStatus;
  statusReason: string | null;
}

export interface CostLineValues {
  description: string;
  quantity: number | null;
  unitCostPence: number | null;
  amountPence: number | null;
}

export interface AllocationBidRow {
  id: number;
  ref: string;
  partnership: string;
  title: string;
  requestedPence: number;
  reducedPence: number | null;
  status: BidStatus;
}

/** A bid as the round's list shows it, with its cost lines for the checks. */
export interface ListedBid extends AllocationBidRow {
  roundId: number;
  partnershipId: number;
  statedTotalPence: number | null;
  costLines: CostLineValues[];
}

const bidColumns = {
  id: bids.id,
  roundId: bids.roundId,
  ref: bids.ref,
  partnershipId: bids.partnershipId,
  partnership: partnerships.name,
  title: bids.title,
  requestedPence: bids.requestedPence,
  reducedPence: bids.reducedPence,
  statedTotalPence: bids.statedTotalPence,
  status: bids.status,
};

/** The better-sqlite3 handle under drizzle, for statements prepared once and run many times. */
function rawClient(db: TrancheDb): Database.Database {
  return (db as unknown as { $client: Database.Database }).$client;
}

// long-function: the domain's query methods as one object from a factory; each method is short
export function bidQueries(db: TrancheDb) {
  // Imports write thousands of rows: drizzle builds and prepares a statement on every call, which
  // costs more than the write itself, so the bulk paths use statements prepared once.
  const raw = rawClient(db);
  let insertBid: Database.Statement | undefined;
  let addToIndex: Database.Statement | undefined;
  let allocationRows: Database.Statement | undefined;
  let listRows: Database.Statement | undefined;
  let listLines: Database.Statement | undefined;
  return {
    /** Many bids at once (an imported schedule), in order; returns their ids. */
    insertMany(rows: BidValues[], now: string): number[] {
      insertBid ??= raw.prepare(
        `INSERT INTO bids (round_id, ref, partnership_id, title, summary, requested_pence, reduced_pence,
           reduction_note, stated_total_pence, duration_text, starts_on, ends_on, match_funding_pence,
           status, status_reason, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const statement = insertBid;
      return rows.map((v) =>
        Number(
          statement.run(
            v.roundId,
            v.ref,
            v.partnershipId,
            v.title,
            v.summary,
            v.requestedPence,
            v.reducedPence,
            v.reductionNote,
            v.statedTotalPence,
            v.durationText,
            v.startsOn,
            v.endsOn,
            v.matchFundingPence,
            v.status,
            v.statusReason,
            now,
            now,
          ).lastInsertRowid,
        ),
      );
    },
    /** Every bid of a round with its cost lines, in two queries however many bids there are. */
    /** Each bid's summary in a round, by bid id: one query for a board pack of thousands. */
    summariesForRound(roundId: number): Map<number, string> {
      const rows = db
        .select({ id: bids.id, summary: bids.summary })
        .from(bids)
        .where(eq(bids.roundId, roundId))
        .all();
      return new Map(rows.map((r) => [r.id, r.summary ?? '']));
    },
    /**
     * Every bid of a round as the allocation reads it: reference, partnership, title, status and the
     * amounts asked for, without cost lines or text. One query on the bids' round index, prepared
     * once; whatever is added up from these (allocated, remaining, by partnership) is added up by
     * the caller, never read from a stored total.
     */
    allocationRows(roundId: number): AllocationBidRow[] {
      allocationRows ??= raw.prepare(
        `SELECT b.id, b.ref, p.name AS partnership, b.title, b.requested_pence AS requestedPence,
                b.reduced_pence AS reducedPence, b.status
           FROM bids b JOIN partnerships p ON p.id = b.partnership_id
          WHERE b.round_id = ? ORDER BY b.id`,
      );
      return allocationRows.all(roundId) as AllocationBidRow[];
    },
    listForRound(roundId: number): ListedBid[] {
      // A list of 10,000 bids is read on every visit to the bids page: two statements prepared
      // once, rows as SQLite gives them, rather than drizzle building and mapping each call.
      listRows ??= raw.prepare(
        `SELECT b.id, b.round_id AS roundId, b.ref, b.partnership_id AS partnershipId,
                p.name AS partnership, b.title, b.requested_pence AS requestedPence,
                b.reduced_pence AS reducedPence, b.stated_total_pence AS statedTotalPence, b.status
           FROM bids b JOIN partnerships p ON p.id = b.partnership_id
          WHERE b.round_id = ? ORDER BY b.id`,
      );
      listLines ??= raw.prepare(
        `SELECT l.bid_id AS bidId, l.description, l.quantity, l.unit_cost_pence AS unitCostPence,
                l.amount_pence AS amountPence
           FROM bid_cost_lines l JOIN bids b ON b.id = l.bid_id
          WHERE b.round_id = ? ORDER BY l.bid_id, l.position`,
      );
      const rows = listRows.all(roundId) as Omit<ListedBid, 'costLines'>[];
      const lines = listLines.all(roundId) as (CostLineValues & { bidId: number })[];
      const byBid = groupBy(lines, (line) => line.bidId);
      return rows.map((row) => ({
        ...row,
        costLines: (byBid.get(row.id) ?? []).map(
          ({ description, quantity, unitCostPence, amountPence }): CostLineValues => ({
            description,
            quantity,
            unitCostPence,
            amountPence,
          }),
        ),
      }));
    },
    get(id: number) {
      const row = db
        .select({
          ...bidColumns,
          round: rounds.name,
          fund: funds.name,
          fundCapPence: funds.capPence,
          summary: bids.summary,
          reductionNote: bids.reductionNote,
          durationText: bids.durationText,
          startsOn: bids.startsOn,
          endsOn: bids.endsOn,
          matchFundingPence: bids.matchFundingPence,
          statusReason: bids.statusReason,
          createdAt: bids.createdAt,
          updatedAt: bids.updatedAt,
        })
        .from(bids)
        .innerJoin(partnerships, eq(bids.partnershipId, partnerships.id))
        .innerJoin(rounds, eq(bids.roundId, rounds.id))
        .innerJoin(funds, eq(rounds.fundId, funds.id))
        .where(eq(bids.id, id))
        .get();
      if (!row) return undefined;
      const costLines = db
        .select({
          id: bidCostLines.id,
          description: bidCostLines.description,
          quantity: bidCostLines.quantity,
          unitCostPence: bidCostLines.unitCostPence,
          amountPence: bidCostLines.amountPence,
        })
        .from(bidCostLines)
        .where(eq(bidCostLines.bidId, id))
        .orderBy(asc(bidCostLines.position))
        .all();
      const sections = db
        .select({ id: bidSections.id, heading: bidSections.heading, body: bidSections.body })
        .from(bidSections)
        .where(eq(bidSections.bidId, id))
        .orderBy(asc(bidSections.position))
        .all();
      const claimedPriorities = db
        .select({ id: priorities.id, code: priorities.code, title: priorities.title })
        .from(bidPriorityClaims)
        .innerJoin(priorities, eq(bidPriorityClaims.priorityId, priorities.id))
        .where(eq(bidPriorityClaims.bidId, id))
        .orderBy(asc(priorities.code))
        .all();
      const files = db
        .select({
          id: attachments.id,
          fileName: attachments.fileName,
          mediaType: attachments.mediaType,
          sizeBytes: attachments.sizeBytes,
          sha256: attachments.sha256,
          createdAt: attachments.createdAt,
        })
        .from(attachments)
        .where(eq(attachments.bidId, id))
        .orderBy(asc(attachments.id))
        .all();
      return { ...row, costLines, sections, claimedPriorities, attachments: files };
    },
    findByRef(roundId: number, ref: string, exceptId?: number) {
      const notThisBid = exceptId === undefined ? sql`` : sql`AND ${bids.id} <> ${exceptId}`;
      return db
        .select({ id: bids.id, ref: bids.ref })
        .from(bids)
        .where(sql`${bids.roundId} = ${roundId} AND lower(${bids.ref}) = lower(${ref}) ${notThisBid}`)
        .get();
    },
    refsInRound(roundId: number): Set<string> {
      return new Set(
        db
          .select({ ref: bids.ref })
          .from(bids)
          .where(eq(bids.roundId, roundId))
          .all()
          .map((r) => r.ref.toLowerCase()),
      );
    },
    insert(values: BidValues, now: string): number {
      return db
        .insert(bids)
        .values({ ...values, createdAt: now, updatedAt: now })
        .returning({ id: bids.id })
        .get().id;
    },
    update(id: number, values: Omit<BidValues, 'roundId'>, now: string): void {
      db.update(bids)
        .set({ ...values, updatedAt: now })
        .where(eq(bids.id, id))
        .run();
    },
    replaceCostLines(bidId: number, lines: CostLineValues[]): void {
      db.delete(bidCostLines).where(eq(bidCostLines.bidId, bidId)).run();
      lines.forEach((line, position) =>
        db
          .insert(bidCostLines)
          .values({ bidId, position, ...line })
          .run(),
      );
    },
    replaceSections(bidId: number, sections: { heading: string; body: string }[]): void {
      db.delete(bidSections).where(eq(bidSections.bidId, bidId)).run();
      sections.forEach((section, position) =>
        db
          .insert(bidSections)
          .values({ bidId, position, ...section })
          .run(),
      );
    },
    replaceClaims(bidId: number, priorityIds: number[]): void {
      db.delete(bidPriorityClaims).where(eq(bidPriorityClaims.bidId, bidId)).run();
      for (const priorityId of new Set(priorityIds))
        db.insert(bidPriorityClaims).values({ bidId, priorityId }).run();
    },
    addAttachment(
      bidId: number,
      file: { fileName: string; mediaType: string; content: Buffer; sha256: string },
      now: string,
    ): number {
      return db
        .insert(attachments)
        .values({
          bidId,
          fileName: file.fileName,
          mediaType: file.mediaType,
          sizeBytes: file.content.length,
          sha256: file.sha256,
          content: file.content,
          createdAt: now,
        })
        .returning({ id: attachments.id })
        .get().id;
    },
    attachmentContent(id: number) {
      return db
        .select({
          fileName: attachments.fileName,
          mediaType: attachments.mediaType,
          content: attachments.content,
        })
        .from(attachments)
        .where(eq(attachments.id, id))
        .get();
    },
    setScheduleTotal(
      roundId: number,
      partnershipId: number,
      label: string,
      statedPence: number,
      statedReducedPence: number | null,
    ): void {
      db.insert(scheduleTotals)
        .values({ roundId, partnershipId, label, statedPence, statedReducedPence })
        .onConflictDoUpdate({
          target: [scheduleTotals.roundId, scheduleTotals.partnershipId],
          set: { label, statedPence, statedReducedPence },
        })
        .run();
    },
    scheduleTotals(roundId: number) {
      return db
        .select({
          partnershipId: scheduleTotals.partnershipId,
          partnership: partnerships.name,
          label: scheduleTotals.label,
          statedPence: scheduleTotals.statedPence,
          statedReducedPence: scheduleTotals.statedReducedPence,
        })
        .from(scheduleTotals)
        .innerJoin(partnerships, eq(scheduleTotals.partnershipId, partnerships.id))
        .where(eq(scheduleTotals.roundId, roundId))
        .all();
    },
    /** Each bid's id and reference, and nothing else: for checking a file's rows against the round. */
    refsAndIds(roundId: number): { id: number; ref: string }[] {
      return db.select({ id: bids.id, ref: bids.ref }).from(bids).where(eq(bids.roundId, roundId)).all();
    },
    ids(roundId: number): number[] {
      return db
        .select({ id: bids.id })
        .from(bids)
        .where(eq(bids.roundId, roundId))
        .all()
        .map((r) => r.id);
    },
    /** Every section of every bid in a round, in each bid's order: one read for a notice's Appendix B. */
    sectionsForRound(roundId: number): { bidId: number; heading: string; body: string }[] {
      return db
        .select({ bidId: bidSections.bidId, heading: bidSections.heading, body: bidSections.body })
        .from(bidSections)
        .innerJoin(bids, eq(bidSections.bidId, bids.id))
        .where(eq(bids.roundId, roundId))
        .orderBy(asc(bidSections.bidId), asc(bidSections.position))
        .all();
    },
    /**
     * Rewrites the search index rows of the given bids from what is stored now. `added` says the
     * bids were just inserted, so they have no rows to remove (a removal scans the whole index).
     */
    reindex(bidIds: number[], added = false): void {
      // In chunks: SQLite limits how many values one statement may bind.
      for (let start = 0; start < bidIds.length; start += 500) {
        const chunk = bidIds.slice(start, start + 500);
        // One statement per chunk: bid_id is not the search table's key, so each DELETE scans it.
        if (!added)
          db.run(
            sql`DELETE FROM bid_search WHERE bid_id IN (${sql.join(
              chunk.map((id) => sql`${id}`),
              sql`, `,
            )})`,
          );
        const rows = db
          .select({
            id: bids.id,
            roundId: bids.roundId,
            ref: bids.ref,
            partnership: partnerships.name,
            title: bids.title,
            summary: bids.summary,
          })
          .from(bids)
          .innerJoin(partnerships, eq(bids.partnershipId, partnerships.id))
          .where(inArray(bids.id, chunk))
          .all();
        const sectionRows = db
          .select({ bidId: bidSections.bidId, heading: bidSections.heading, body: bidSections.body })
          .from(bidSections)
          .where(inArray(bidSections.bidId, chunk))
          .all();
        const sectionsOf = groupBy(sectionRows, (s) => s.bidId);
        addToIndex ??= raw.prepare(
          'INSERT INTO bid_search (bid_id, round_id, ref, partnership, title, body) VALUES (?, ?, ?, ?, ?, ?)',
        );
        for (const row of rows) {
          const body = [
            row.summary,
            ...(sectionsOf.get(row.id) ?? []).map((s) => `${s.heading}\n${s.body}`),
          ].join('\n\n');
          addToIndex.run(row.id, row.roundId, row.ref, row.partnership, row.title, body);
        }
      }
    },
    search(match: string, roundId: number | null, limit: number) {
      return db.all<{
        bidId: number;
        roundId: number;
        ref: string;
        partnership: string;
        title: string;
        snippet: string;
      }>(sql`
        SELECT bid_id AS bidId, round_id AS roundId, ref, partnership, title,
               snippet(bid_search, -1, '[', ']', ' … ', 12) AS snippet
        FROM bid_search
        WHERE bid_search MATCH ${match} ${roundId === null ? sql`` : sql`AND round_id = ${roundId}`}
        ORDER BY rank
        LIMIT ${limit}`);
    },
  };
}
