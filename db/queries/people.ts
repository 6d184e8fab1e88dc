import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { TrancheDb } from '../connection';
import { people, settings } from '../schema';

// People: who they are, their roles, and retiring them.

type Role = (typeof people.$inferSelect)['role'];

/** A person as handlers see them: retired people stay in the record (and in its history). */
const PERSON_COLUMNS = {
  id: people.id,
  name: people.name,
  role: people.role,
  retiredAt: people.retiredAt,
  pendingSince: people.pendingSince,
  roleBefore: people.roleBefore,
};

/** The role a person acts in: the one granted, or while that waits for approval the one before. */
const ACTING_ROLE = sql`CASE WHEN ${people.pendingSince} IS NULL THEN ${people.role} ELSE ${people.roleBefore} END`;

// long-function: the people table's named queries as one object, each a few lines; the store exposes them together
export function peopleQueries(db: TrancheDb) {
  return {
    list() {
      return db.select(PERSON_COLUMNS).from(people).orderBy(asc(people.name)).all();
    },
    count(): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(people)
          .get()?.n ?? 0
      );
    },
    get(id: number) {
      return db.select(PERSON_COLUMNS).from(people).where(eq(people.id, id)).get();
    },
    findByName(name: string) {
      return db
        .select(PERSON_COLUMNS)
        .from(people)
        .where(sql`lower(${people.name}) = lower(${name.trim()})`)
        .get();
    },
    /** A new person; `pendingSince` when their role waits for the commissioner's approval. */
    create(name: string, role: Role, now: string, pendingSince: string | null = null): number {
      return db
        .insert(people)
        .values({ name, role, createdAt: now, pendingSince })
        .returning({ id: people.id })
        .get().id;
    },
    /** Changes the role; `pending` when it waits for approval, acting meanwhile in `roleBefore`. */
    setRole(id: number, role: Role, pending: { since: string; roleBefore: Role | null } | null = null): void {
      db.update(people)
        .set({ role, pendingSince: pending?.since ?? null, roleBefore: pending?.roleBefore ?? null })
        .where(eq(people.id, id))
        .run();
    },
    /** The commissioner approved the role granted: it takes effect. */
    approve(id: number): void {
      db.update(people).set({ pendingSince: null, roleBefore: null }).where(eq(people.id, id)).run();
    },
    /** The active person acting as commissioner, if any (there is at most one). */
    sittingCommissioner() {
      return db
        .select(PERSON_COLUMNS)
        .from(people)
        .where(and(sql`${ACTING_ROLE} = 'commissioner'`, isNull(people.retiredAt)))
        .orderBy(asc(people.id))
        .get();
    },
    /** Whether the office has ever had a commissioner in office (retired ones included). */
    hadCommissioner(): boolean {
      return (
        db
          .select({ id: people.id })
          .from(people)
          .where(sql`${ACTING_ROLE} = 'commissioner'`)
          .get() !== undefined
      );
    },
    retire(id: number, now: string): void {
      db.update(people).set({ retiredAt: now }).where(eq(people.id, id)).run();
    },
    /** Lead officers who have not retired: the office always keeps one. */
    activeLeadCount(): number {
      return (
        db
          .select({ n: sql<number>`count(*)` })
          .from(people)
          .where(and(sql`${ACTING_ROLE} = 'lead_officer'`, isNull(people.retiredAt)))
          .get()?.n ?? 0
      );
    },
    setting(key: string): string | undefined {
      return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
    },
    setSetting(key: string, value: string): void {
      db.insert(settings)
        .values({ key, value })
        .onConflictDoUpdate({ target: settings.key, set: { value } })
        .run();
    },
  };
}
