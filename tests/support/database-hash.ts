import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Connection } from '../../db/connection';

/** Every row of every table, hashed: equal before and after means nothing was written. */
export function databaseHash(connection: Connection): string {
  const hash = createHash('sha256');
  const tables = connection.db.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  for (const { name } of tables)
    hash.update(name).update(JSON.stringify(connection.db.all(sql.raw(`SELECT * FROM "${name}"`))));
  return hash.digest('hex');
}
