import type { ParsedInput } from '../../../shared/contract';
import { formatDate, isIsoDate } from '../../../shared/dates';
import { RAGS, type Rag } from '../../../shared/grants';
import { parseMoney } from '../../../shared/money';
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

export async function importReturn(ctx: HandlerContext, input: ParsedInput<'returns:import'>) {
  const table = await readTable(input.fileName, Buffer.from(input.dataBase64, 'base64'));
  const issues: FieldIssue[] = [];
  const rowOf = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    const label = text(cells[0]).toLowerCase();
    if (label && !rowOf.has(label)) rowOf.set(label, i);
  });
  const at = (label: string) => {
    const row = rowOf.get(label.toLowerCase());
    if (row === undefined) {
      issues.push({ path: label, message: `The return has no "${label}" row in column A` });
      return { ref: label, value: '' as string, raw: null as Cell };
    }
    const raw = table.rows[row]?.[1] ?? null;
    return { ref: `B${row + 1} (${label})`, value: text(raw), raw };
  };
  const bad = (ref: string, message: string) =>
    issues.push({ path: ref.split(' ')[0] ?? ref, message: `${ref}: ${message}` });

  const round = at(L.round);
  if (round.value && round.value !== String(input.roundId))
    bad(round.ref, `this return is for round ${round.value}, not round ${input.roundId}`);
  const grantCell = at(L.grant);
  const dueCell = at(L.dueOn);
  const receivedCell = at(L.receivedOn);
  const spendCell = at(L.spend);
  const outputs = at(L.outputs);
  const risks = at(L.risks);
  const narrative = at(L.narrative);
  const ragCell = at(L.rag);
  if (issues.length > 0) throw refusal(issues);

  return ctx.store.transaction(() => {
    let found: ReturnType<typeof writableGrant> | null = null;
    if (!grantCell.value) bad(grantCell.ref, 'name the grant (its bid reference)');
    else {
      try {
        found = writableGrant(ctx, input.roundId, grantCell.value);
        mustBeOpen(found, 'it takes no more returns');
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        bad(grantCell.ref, error.message);
        found = null;
      }
    }
    const due = found?.detail().returns.map((r) => r.dueOn) ?? [];
    if (!isIsoDate(dueCell.value)) bad(dueCell.ref, 'write the due date like 2027-02-22');
    else if (found && !due.includes(dueCell.value))
      bad(dueCell.ref, `${dueCell.value} is not a return date of grant ${found.row.ref} (${due.join(', ')})`);
    const receivedOn = receivedCell.value || today(ctx);
    if (!isIsoDate(receivedOn))
      bad(receivedCell.ref, 'write the date like 2027-02-22, or leave it blank for today');
    else if (receivedOn > today(ctx)) bad(receivedCell.ref, `${formatDate(receivedOn)} is in the future`);
    let spendPence = 0;
    if (typeof spendCell.raw === 'number' && Number.isFinite(spendCell.raw) && spendCell.raw >= 0)
      spendPence = Math.round(spendCell.raw * 100);
    else {
      const parsed = spendCell.value ? parseMoney(spendCell.value) : null;
      if (!parsed) bad(spendCell.ref, 'enter the spend to date, like 12500 or £12,500');
      else if (!parsed.ok) bad(spendCell.ref, parsed.reason);
      else spendPence = parsed.pence;
    }
    for (const cell of [outputs, risks, narrative])
      if (!cell.value) bad(cell.ref, 'this cannot be left blank');
    const rag = ragCell.value.toLowerCase();
    if (!(RAGS as readonly string[]).includes(rag)) bad(ragCell.ref, 'write green, amber or red');
    const outcomes: { priority: string; outcome: string }[] = [];
    if (found) {
      const header = rowOf.get(L.priority.toLowerCase());
      const start = header === undefined ? table.rows.length : header + 1;
      const expected = returnPriorities(ctx, found.row.grant.bidId);
      for (const priority of expected) {
        const index = table.rows.findIndex((cells, i) => i >= start && text(cells[0]) === priority);
        if (index < 0) {
          bad(`A${start + 1}`, `the outcome row for "${priority}" is missing`);
          continue;
        }
        const outcome = text(table.rows[index]?.[1]);
        if (!outcome)
          bad(`B${index + 1} (Outcome for ${priority})`, 'enter the outcome against this priority');
        outcomes.push({ priority, outcome });
      }
    }
    if (issues.length > 0 || !found) throw refusal(issues);
    ctx.store.grants.saveReturn({
      grantId: found.row.grant.id,
      dueOn: dueCell.value,
      receivedOn,
      spendToDatePence: spendPence,
      outputs: outputs.value,
      outcomes: JSON.stringify(outcomes),
      risks: risks.value,
      narrative: narrative.value,
      rag: rag as Rag,
      recordedBy: actingPerson(ctx, 'import monitoring returns').id,
    });
    ctx.store.grants.update(found.row.grant.id, { updatedAt: ctx.now() });
    return {
      ref: found.row.ref,
      dueOn: dueCell.value,
      receivedOn,
      late: receivedOn > dueCell.value,
      rag: rag as Rag,
    };
  });
}

function refusal(issues: FieldIssue[]): Refusal {
  return new Refusal(
    'invalid_input',
    `The return was not imported: ${issues.map((i) => i.message).join('; ')}`,
    issues,
  );
}
