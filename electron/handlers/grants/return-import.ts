import type { ParsedInput } from '../../../shared/contract';
import { formatDate, isIsoDate } from '../../../shared/dates';
import { RAGS, type Rag } from '../../../shared/grants';
import { parseMoney } from '../../../shared/money';
import type { Person } from '../../../shared/people';
import type { FieldIssue } from '../../../shared/result';
import { actingPerson } from '../actor';
import type { HandlerContext } from '../context';
import { readTable, type Cell } from '../imports/table-file';
import { Refusal } from '../refusal';
import { RETURN_LABELS as L, returnPriorities } from './return-template';
import { today } from './view';
import { mustBeOpen, writableGrant } from './writable';

// A monitoring return read back from its template: all of it or nothing, with every bad cell named
// ("B6 (Spend to date (£)): …"). The file goes through the same size, row and zip-bomb bounds as
// every other import (imports/table-file.ts).

const text = (cell: Cell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

/** One answer of a return, with where it came from for messages ("B6 (Spend to date (£))"). */
export interface ReturnField {
  ref: string;
  value: string;
  raw: Cell;
}

/** A return's answers, from a workbook or from a delivery pack, before any check on the record. */
export interface ReturnFields {
  grant: ReturnField;
  dueOn: ReturnField;
  receivedOn: ReturnField;
  spend: ReturnField;
  outputs: ReturnField;
  risks: ReturnField;
  narrative: ReturnField;
  rag: ReturnField;
  /** The outcome against a priority, or where its missing row should have been. */
  outcome: (priority: string) => ReturnField | { missing: string };
}

export async function importReturn(ctx: HandlerContext, input: ParsedInput<'returns:import'>) {
  const table = await readTable(input.fileName, Buffer.from(input.dataBase64, 'base64'));
  const issues: FieldIssue[] = [];
  const rowOf = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const label = text(cells[0]).toLowerCase();
    if (label && !rowOf.has(label)) rowOf.set(label, i);
  });
  const at = (label: string): ReturnField => {
    const row = rowOf.get(label.toLowerCase());
    if (row === undefined) {
      issues.push({ path: label, message: `The return has no "${label}" row in column A` });
      return { ref: label, value: '', raw: null };
    }
    const raw = table.rows[row]?.[1] ?? null;
    return { ref: `B${row + 1} (${label})`, value: text(raw), raw };
  };
  const round = at(L.round);
  const fields: Omit<ReturnFields, 'outcome'> = {
    grant: at(L.grant),
    dueOn: at(L.dueOn),
    receivedOn: at(L.receivedOn),
    spend: at(L.spend),
    outputs: at(L.outputs),
    risks: at(L.risks),
    narrative: at(L.narrative),
    rag: at(L.rag),
  };
  if (round.value && round.value !== String(input.roundId))
    issues.push({
      path: round.ref.split(' ')[0] ?? round.ref,
      message: `${round.ref}: this return is for round ${round.value}, not round ${input.roundId}`,
    });
  if (issues.length > 0) throw refusal(issues);
  const header = rowOf.get(L.priority.toLowerCase());
  const start = header === undefined ? table.rows.length : header + 1;
  const outcome = (priority: string): ReturnField | { missing: string } => {
    const index = table.rows.findIndex((cells, i) => i >= start && text(cells[0]) === priority);
    if (index < 0) return { missing: `A${start + 1}` };
    const raw = table.rows[index]?.[1] ?? null;
    return { ref: `B${index + 1} (Outcome for ${priority})`, value: text(raw), raw };
  };
  return ctx.store.transaction(() =>
    applyReturn(ctx, input.roundId, { ...fields, outcome }, actingPerson(ctx, 'import monitoring returns')),
  );
}

/**
 * Checks a return against the record and saves it as `person`'s, all of it or nothing: the grant
 * open, a due date of its own, received no later than today (the office's clock), the spend, every
 * answer and every outcome against the priorities the bid claimed. Refuses naming every bad answer.
 */
export function applyReturn(ctx: HandlerContext, roundId: number, f: ReturnFields, person: Person) {
  const issues: FieldIssue[] = [];
  const bad = (ref: string, message: string) =>
    issues.push({ path: ref.split(' ')[0] ?? ref, message: `${ref}: ${message}` });
  let found: ReturnType<typeof writableGrant> | null = null;
  if (!f.grant.value) bad(f.grant.ref, 'name the grant (its bid reference)');
  else {
    try {
      found = writableGrant(ctx, roundId, f.grant.value);
      mustBeOpen(found, 'it takes no more returns');
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      bad(f.grant.ref, error.message);
      found = null;
    }
  }
  const due = found?.detail().returns.map((r) => r.dueOn) ?? [];
  if (!isIsoDate(f.dueOn.value)) bad(f.dueOn.ref, 'write the due date like 2027-02-22');
  else if (found && !due.includes(f.dueOn.value))
    bad(f.dueOn.ref, `${f.dueOn.value} is not a return date of grant ${found.row.ref} (${due.join(', ')})`);
  const receivedOn = f.receivedOn.value || today(ctx);
  if (!isIsoDate(receivedOn))
    bad(f.receivedOn.ref, 'write the date like 2027-02-22, or leave it blank for today');
  else if (receivedOn > today(ctx)) bad(f.receivedOn.ref, `${formatDate(receivedOn)} is in the future`);
  let spendPence = 0;
  const spend = f.spend;
  if (typeof spend.raw === 'number' && Number.isFinite(spend.raw) && spend.raw >= 0)
    spendPence = Math.round(spend.raw * 100);
  else {
    const parsed = spend.value ? parseMoney(spend.value) : null;
    if (!parsed) bad(spend.ref, 'enter the spend to date, like 12500 or £12,500');
    else if (!parsed.ok) bad(spend.ref, parsed.reason);
    else spendPence = parsed.pence;
  }
  for (const cell of [f.outputs, f.risks, f.narrative])
    if (!cell.value) bad(cell.ref, 'this cannot be left blank');
  const rag = f.rag.value.toLowerCase();
  if (!(RAGS as readonly string[]).includes(rag)) bad(f.rag.ref, 'write green, amber or red');
  const outcomes: { priority: string; outcome: string }[] = [];
  if (found)
    for (const priority of returnPriorities(ctx, found.row.grant.bidId)) {
      const answer = f.outcome(priority);
      if ('missing' in answer) {
        bad(answer.missing, `the outcome row for "${priority}" is missing`);
        continue;
      }
      if (!answer.value) bad(answer.ref, 'enter the outcome against this priority');
      outcomes.push({ priority, outcome: answer.value });
    }
  if (issues.length > 0 || !found) throw refusal(issues);
  ctx.store.grants.saveReturn({
    grantId: found.row.grant.id,
    dueOn: f.dueOn.value,
    receivedOn,
    spendToDatePence: spendPence,
    outputs: f.outputs.value,
    outcomes: JSON.stringify(outcomes),
    risks: f.risks.value,
    narrative: f.narrative.value,
    rag: rag as Rag,
    recordedBy: person.id,
  });
  ctx.store.grants.update(found.row.grant.id, { updatedAt: ctx.now() });
  return {
    ref: found.row.ref,
    dueOn: f.dueOn.value,
    receivedOn,
    late: receivedOn > f.dueOn.value,
    rag: rag as Rag,
  };
}

function refusal(issues: FieldIssue[]): Refusal {
  return new Refusal(
    'invalid_input',
    `The return was not imported: ${issues.map((i) => i.message).join('; ')}`,
    issues,
  );
}
