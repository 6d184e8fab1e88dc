import { formatDate } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import type { Round } from '../../shared/rounds';

export function describeRound(round: Round): string {
  const state = round.archived ? ' (archived)' : '';
  return [
    `Round ${round.id}: ${round.fund} — ${round.name}${state}`,
    `  Budget ${formatMoney(round.budgetPence)} · Committed ${formatMoney(round.committedPence)} · ` +
      `Available ${formatMoney(round.availablePence)}`,
    `  Created ${formatDate(round.createdAt)}`,
  ].join('\n');
}

/** A plain text table with a header row; numbers right-aligned where the column says so. */
export function textTable(headers: string[], rows: string[][], rightAligned: number[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) =>
        rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
