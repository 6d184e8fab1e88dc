import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Money columns hold integer pence and end in `_pence`. Timestamps are ISO-8601 UTC text.
// Figures that can be computed from others (a round's available money) are never stored.

export const funds = sqliteTable(
  'funds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('funds_name_unique').on(sql`lower(${t.name})`)],
);

export const rounds = sqliteTable(
  'rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fundId: integer('fund_id')
      .notNull()
      .references(() => funds.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    budgetPence: integer('budget_pence').notNull(),
    committedPence: integer('committed_pence').notNull().default(0),
    archivedAt: text('archived_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('rounds_fund_name_unique').on(t.fundId, sql`lower(${t.name})`),
    index('rounds_archived_idx').on(t.archivedAt),
    check('rounds_budget_not_negative', sql`${t.budgetPence} >= 0`),
    check('rounds_committed_within_budget', sql`${t.committedPence} >= 0 AND ${t.committedPence} <= ${t.budgetPence}`),
  ],
);
