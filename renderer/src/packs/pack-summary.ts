import type { Output } from '../../../shared/contract';

// What the packs log says, in words, for the office's table of each person's last pack.

type Entry = Output<'packs:list'>['sent'][number];

/** "bidsAssigned" → "bids assigned". */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A kind's summary in words: counts first ("3 added, 2 unchanged"), then any differences kept. The
 * summary is whatever the kind's module recorded, so unknown keys are shown plainly, not dropped.
 */
export function summaryText(summary: Record<string, unknown>): string[] {
  const parts: string[] = [];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(summary)) {
    if (key === 'of') continue;
    if (typeof value === 'number') parts.push(`${value} ${words(key)}`);
    else if (typeof value === 'string' && value) parts.push(`${words(key)}: ${value}`);
    else if (typeof value === 'boolean' && value) parts.push(words(key));
    else if (Array.isArray(value)) {
      if (key === 'conflicts') {
        parts.push(`${value.length} ${value.length === 1 ? 'difference' : 'differences'} kept`);
        lines.push(...value.map(String));
      } else if (value.length > 0) parts.push(`${words(key)}: ${value.map(String).join(', ')}`);
    }
  }
  return [parts.join(', '), ...lines].filter(Boolean);
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
