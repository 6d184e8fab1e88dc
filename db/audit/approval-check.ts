import type { Role } from '../../shared/people';
import type { EntryFields, RowChange } from './chain';
import { fingerprintOfPublicKey, signatureHolds } from './entry-signature';

// The commissioner's approvals, as verify checks them. A grant of the commissioner or lead officer
// role waits until the sitting commissioner approves it; the approval is kept in role_approvals as
// a statement with the commissioner's Ed25519 signature. Walking the chain, every approval recorded
// must be the commissioner in office then, signing with the key they held then, the statement
// naming the person, role and approver its row names, and the key the person held then (approvals
// signed before statements named it are taken as they are); and nobody comes to act as commissioner or
// lead officer except in the entry that records such an approval of it (or as the office's first
// commissioner, or as the office's people a pack names on a laptop's copy).

/** A person as the chain has recorded them so far (see signers.ts). */
export interface ApprovalPersonState {
  name: string;
  /** The role they act in: while a grant waits, the one before it (null: none). */
  role: Role | null;
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
  kind?: unknown;
  person?: { id?: unknown; fingerprint?: unknown };
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
  laptopCopy = false,
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
    const row = c.table === 'people' ? parse(c.image) : null;
    if (!row || typeof row.id !== 'number' || typeof row.retired_at === 'string') continue;
    const acting = (typeof row.pending_since === 'string' ? row.role_before : row.role) as Role | null;
    if (acting !== 'commissioner' && acting !== 'lead_officer') continue;
    if (people.get(row.id)?.role === acting || approved.has(`${row.id}:${acting}`)) continue;
    // A laptop's copy names the office's people as the pack does (only where the database is such
    // a copy: see laptopCopyState); the office's first commissioner needs nobody's approval.
    if (laptopCopy && c.op === 'insert' && fields.operation === 'packs:open') continue;
    if (
      acting === 'commissioner' &&
      ![...people.values()].some((p) => p.role === 'commissioner' && !p.retiredAt)
    )
      continue;
    const person = people.get(row.id)?.name ?? String(row.name);
    problems.push(
      `${name} makes ${person} ${acting.replace('_', ' ')} without the sitting commissioner's signed approval`,
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
  return approvedKeyWrong(statement, keys.get(row.person_id), people.get(row.person_id)?.name);
}

/**
 * Why the key an approval names is not the one its person held then, or null when it is. Approvals
 * signed before they named the person's key (kind /1) name none and hold as they are.
 */
function approvedKeyWrong(
  statement: Statement,
  held: string | undefined,
  name = 'the person',
): string | null {
  const named = statement.person?.fingerprint;
  if (named === undefined && statement.kind === 'tranche-role-approval/1') return null;
  if (typeof named !== 'string') return `it names no key of ${name}'s`;
  if (!held) return `it names key ${named}, but ${name} held no key then`;
  if (fingerprintOfPublicKey(held) !== named) return `it names key ${named}, not the one ${name} held then`;
  return null;
}

/**
 * Whether the database is a laptop's copy, as the chain shows it by this entry: decided by the
 * first entry that records anyone (a copy's people first come in the pack it opened; an office's
 * by its own setting up, its demonstration or the rows the chain began with), and over for good
 * once anything but opening a pack (or a migration's change of form) records a person: from then
 * on the database manages its own people, and a new commissioner or lead officer needs approval.
 * `before` is the state after the previous entry (null: nobody recorded yet).
 */
export function laptopCopyState(
  before: boolean | null,
  operation: string,
  changes: readonly RowChange[],
): boolean | null {
  if (!changes.some((c) => c.table === 'people')) return before;
  if (operation === 'packs:open') return before ?? true;
  if (operation === 'db:migrate' && before !== null) return before;
  return false;
}
