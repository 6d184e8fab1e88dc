import type { ParsedInput } from '../../../shared/contract';
import { safeFileName } from '../../../shared/file-names';
import type { ReadContext } from '../context';
import { loadExcel } from '../lazy-libraries';
import { Refusal } from '../refusal';
import { grantOf } from './view';

// The monitoring return a recipient fills in: one workbook per grant and return, a label in column
// A and the answer in column B, then one row per plan priority the bid claimed for its outcome.
// returns-import.ts reads it back by its labels, so the rows may move but not be renamed.

export const RETURN_LABELS = {
  round: 'Round',
  grant: 'Grant',
  dueOn: 'Return due',
  receivedOn: 'Received on',
  spend: 'Spend to date (£)',
  outputs: 'Outputs',
  risks: 'Risks',
  narrative: 'Narrative',
  rag: 'RAG (green, amber or red)',
  priority: 'Priority',
} as const;

export function returnPriorities(ctx: ReadContext, bidId: number): string[] {
  const claimed = ctx.store.bids.get(bidId)?.claimedPriorities ?? [];
  return claimed.length > 0 ? claimed.map((p) => `${p.code} ${p.title}`) : ['Overall'];
}

export async function returnTemplate(ctx: ReadContext, input: ParsedInput<'returns:template'>) {
  const found = grantOf(ctx, input.roundId, input.bidRef);
  const detail = found.detail();
  const due = detail.returns.find((r) => r.receivedOn === null);
  if (!due) throw new Refusal('conflict', `Every return of grant ${detail.ref} has been received`);
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet('Monitoring return');
  sheet.columns = [{ width: 34 }, { width: 80 }];
  sheet.addRow([`Monitoring return: ${detail.ref} ${detail.title} (${detail.partnership})`]).font = {
    bold: true,
    size: 13,
  };
  const L = RETURN_LABELS;
  sheet.addRow([L.round, input.roundId]);
  sheet.addRow([L.grant, detail.ref]);
  sheet.addRow([L.dueOn, due.dueOn]);
  sheet.addRow([L.receivedOn, '']);
  sheet.addRow([L.spend, null]);
  sheet.addRow([L.outputs, '']);
  sheet.addRow([L.risks, '']);
  sheet.addRow([L.narrative, '']);
  sheet.addRow([L.rag, '']);
  sheet.addRow([]);
  sheet.addRow([L.priority, 'Outcome']).font = { bold: true };
  for (const priority of returnPriorities(ctx, found.row.grant.bidId)) sheet.addRow([priority, '']);
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return {
    fileName: safeFileName(`${detail.ref} return due ${due.dueOn}.xlsx`),
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    dataBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
  };
}
