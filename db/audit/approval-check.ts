import type { Role } from '../../shared/people';
import type { EntryFields, RowChange } from './chain';
import { fingerprintOfPublicKey, signatureHolds } from './entry-signature';

// The commissioner's approvals, as verify checks them. A grant of the commissioner or lead officer
// role waits until the sitting commissioner approves it; the approval is kept in role_approvals as
// a statement with the commissioner's Ed25519 signature. Walking the chain, every approval recorded
// must be the commissioner in office then, signing with the key they held then, the statement
// naming the person, role and approver its row names; and a grant waiting for approval takes
// effect only in the entry that records such an approval of it.

/** A person as the chain has recorded them so far (see signers.ts). */
export interface ApprovalPersonState {
  name: string;
  /** The role they act in: while a grant waits, the one before it (null: none). */
  role: Role | null;
  /** The role granted and waiting for approval, or null. */
  pending: Role | null;
  retiredAt: string | null;
}

interface ApprovalRow {
  person_id: number;
  role: string;
  approved_by: number;
  statement: string;
  signature: string;
  approver_fingerprint: string;
}

interface Statement {
  person?: { id?: unknown };
  role?: unknown;
  approvedBy?: { id?: unknown; fingerprint?: unknown };
}

const parse = (image: string | null) => (image ? (JSON.parse(image) as Record<string, unknown>) : null);

/**
 * What is wrong with the approvals this entry records, or the grants it lets take effect; each a
 * sentence beginning with `name` (the entry as verify names it).
 */
export function approvalProblems(
  name: string,
  fields: EntryFields,
  changes: readonly RowChange[],
  keys: ReadonlyMap<number, string>,
  people: ReadonlyMap<number, ApprovalPersonState>,
): string[] {
  const problems: string[] = [];
  const who = (id: number) => people.get(id)?.name ?? `person ${id}`;
  const approved = new Set<string>();
  for (const c of changes) {
    if (c.table !== 'role_approvals' || c.op !== 'insert') continue;
    const row = parse(c.image) as ApprovalRow | null;
    if (!row) continue;
    const wrong = approvalWrong(row, fields, keys, people);
    if (wrong)
      problems.push(
        `${name} records an approval of ${who(row.person_id)} as ${row.role.replace('_', ' ')}: ${wrong}`,
      );
    else approved.add(`${row.person_id}:${row.role}`);
  }
  for (const c of changes) {
    if (c.table !== 'people' || c.op !== 'update') continue;
    const row = parse(c.image);
    if (!row || typeof row.id !== 'number') continue;
    const before = people.get(row.id);
    const nowPending = typeof row.pending_since === 'string';
    if (!before?.pending || nowPending || row.role !== before.pending) continue;
    if (!approved.has(`${row.id}:${String(row.role)}`))
      problems.push(
        `${name} makes ${who(row.id)} ${String(row.role).replace('_', ' ')} without the sitting ` +
          "commissioner's signed approval",
      );
  }
  return problems;
}

/** Why one approval does not hold, or null when it does. */
function approvalWrong(
  row: ApprovalRow,
  fields: EntryFields,
  keys: ReadonlyMap<number, string>,
  people: ReadonlyMap<number, ApprovalPersonState>,
): string | null {
  const approver = people.get(row.approved_by);
  if (approver?.role !== 'commissioner' || approver.retiredAt)
    return `${approver?.name ?? `person ${row.approved_by}`} was not the commissioner in office`;
  if (fields.personId !== row.approved_by)
    return `it was written by ${fields.personName ?? 'nobody'}, not ${approver.name}`;
  const key = keys.get(row.approved_by);
  if (!key) return `${approver.name} held no key then`;
  if (fingerprintOfPublicKey(key) !== row.approver_fingerprint)
    return `it names key ${row.approver_fingerprint}, not the one ${approver.name} held then`;
  if (!signatureHolds(key, Buffer.from(row.statement, 'utf8'), row.signature))
    return `${approver.name}'s signature on it does not hold`;
  let statement: Statement;
  try {
    statement = JSON.parse(row.statement) as Statement;
  } catch {
    return 'its statement cannot be read';
  }
  if (
    statement.person?.id !== row.person_id ||
    statement.role !== row.role ||
    statement.approvedBy?.id !== row.approved_by ||
    statement.approvedBy.fingerprint !== row.approver_fingerprint
  )
    return 'the statement signed is not of this person, role and approver';
  return null;
}
