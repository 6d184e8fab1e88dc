import type { HandlerContext } from './context';

export interface DatabaseReport {
  ok: boolean;
  problems: string[];
}

/**
 * Checks the database: the audit chain and every signed notice's content against the record.
 * TODO(H2b): the audit chain's check replaces this stub; `verify` without a file calls it.
 */
export async function verifyDatabase(_ctx: HandlerContext): Promise<DatabaseReport> {
  return { ok: true, problems: [] };
}
