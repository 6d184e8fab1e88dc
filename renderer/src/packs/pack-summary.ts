import type { Output } from '../../../shared/contract';
import { heldCounts, heldText, recordsText } from '../../../shared/pack-receipt';

// What the packs log says, in words, for the office's table of each person's last pack.

type Entry = Output<'packs:list'>['sent'][number];

/** "bidsAssigned" → "bids assigned". */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A kind's summary in words: what it held, then the records it added, then any differences kept. The
 * summary is whatever the kind's module recorded, so unknown keys are shown plainly, not dropped.
 */
export function summaryText(summary: Record<string, unknown>): string[] {
  const held = heldCounts(summary);
  const parts: string[] = Object.keys(held).length > 0 ? [`Held ${heldText(held)}`] : [];
  if (typeof summary.added === 'number')
    parts.push(recordsText(summary.added, typeof summary.unchanged === 'number' ? summary.unchanged : 0));
  const lines: string[] = [];
  for (const [key, value] of Object.entries(summary)) {
    if (key === 'of' || typeof value === 'number') continue;
    else if (typeof value === 'string' && value) parts.push(`${words(key)}: ${value}`);
    else if (typeof value === 'boolean' && value) parts.push(words(key));
    else if (Array.isArray(value)) {
      if (key === 'conflicts') {
        parts.push(`${value.length} ${value.length === 1 ? 'difference' : 'differences'} kept`);
        lines.push(...value.map(String));
      } else if (value.length > 0) parts.push(`${words(key)}: ${value.map(String).join(', ')}`);
    }
  }
  return [parts.join('; '), ...lines].filter(Boolean);
}

/** Each person's latest pack each way, newest first as the channel lists them. */
export function latestByPerson(sent: Entry[], received: Entry[]) {
  const people = new Map<string, { sent?: Entry; received?: Entry }>();
  for (const e of sent)
    if (!people.get(e.person)?.sent) people.set(e.person, { ...people.get(e.person), sent: e });
  for (const e of received)
    if (!people.get(e.person)?.received) people.set(e.person, { ...people.get(e.person), received: e });
  return [...people.entries()].sort(([a], [b]) => a.localeCompare(b, 'en-GB'));
}
