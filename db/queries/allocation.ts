import { and, asc, eq, sql } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import { allocationItems, people, scenarioItems, scenarios } from '../schema';

type Option = 'full' | 'reduced' | 'custom';

// long-function: the domain's query methods as one object from a factory; each method is short
export function allocationQueries(db: TrancheDb) {
  return {
    items(roundId: number) {
      return db.select().from(allocationItems).where(eq(allocationItems.roundId, roundId)).all();
    },
    set(
      roundId: number,
      bidId: number,
      option: Option,
      amountPence: number,
      conditions: string,
      now: string,
      reason = '',
      crimeReduction = '',
    ): void {
      db.insert(allocationItems)
        .values({ roundId, bidId, option, amountPence, conditions, reason, crimeReduction, updatedAt: now })
        .onConflictDoUpdate({
          target: [allocationItems.roundId, allocationItems.bidId],
          set: { option, amountPence, conditions, reason, crimeReduction, updatedAt: now },
        })
        .run();
    },
    clear(roundId: number, bidId: number): void {
      db.delete(allocationItems)
        .where(and(eq(allocationItems.roundId, roundId), eq(allocationItems.bidId, bidId)))
        .run();
    },
    replaceAll(
      roundId: number,
      items: { bidId: number; option: Option; amountPence: number; conditions: string; reason?: string }[],
      now: string,
    ): void {
      // What the commissioner wrote about reducing crime stays with a bid that is still funded.
      const crime = new Map(
        db
          .select({ bidId: allocationItems.bidId, text: allocationItems.crimeReduction })
          .from(allocationItems)
          .where(eq(allocationItems.roundId, roundId))
          .all()
          .map((row) => [row.bidId, row.text]),
      );
      db.delete(allocationItems).where(eq(allocationItems.roundId, roundId)).run();
      // One statement prepared for every item, however many the suggestion funds.
      const p = (name: string) => sql.placeholder(name);
      const insert = db
        .insert(allocationItems)
        .values({
          roundId,
          bidId: p('bidId'),
          option: p('option'),
          amountPence: p('amountPence'),
          conditions: p('conditions'),
          reason: p('reason'),
          crimeReduction: p('crimeReduction'),
          updatedAt: now,
        })
        .prepare();
      for (const item of items)
        insert.run({ ...item, reason: item.reason ?? '', crimeReduction: crime.get(item.bidId) ?? '' });
    },
    saveScenario(
      roundId: number,
      name: string,
      createdBy: number | null,
      items: { bidId: number; option: Option; amountPence: number; conditions: string }[],
      now: string,
    ): number {
      const id = db
        .insert(scenarios)
        .values({ roundId, name, createdBy, createdAt: now })
        .returning({ id: scenarios.id })
        .get().id;
      for (const item of items)
        db.insert(scenarioItems)
          .values({ scenarioId: id, ...item })
          .run();
      return id;
    },
    findScenarioByName(roundId: number, name: string) {
      return db
        .select()
        .from(scenarios)
        .where(and(eq(scenarios.roundId, roundId), sql`lower(${scenarios.name}) = lower(${name})`))
        .get();
    },
    scenarios(roundId: number) {
      const rows = db
        .select({
          id: scenarios.id,
          name: scenarios.name,
          createdBy: people.name,
          createdAt: scenarios.createdAt,
          adoptedAt: scenarios.adoptedAt,
        })
        .from(scenarios)
        .leftJoin(people, eq(scenarios.createdBy, people.id))
        .where(eq(scenarios.roundId, roundId))
        .orderBy(asc(scenarios.id))
        .all();
      return rows.map((row) => ({
        ...row,
        items: db.select().from(scenarioItems).where(eq(scenarioItems.scenarioId, row.id)).all(),
      }));
    },
    markAdopted(roundId: number, scenarioId: number, now: string): void {
      db.update(scenarios).set({ adoptedAt: null }).where(eq(scenarios.roundId, roundId)).run();
      db.update(scenarios).set({ adoptedAt: now }).where(eq(scenarios.id, scenarioId)).run();
    },
  };
}
