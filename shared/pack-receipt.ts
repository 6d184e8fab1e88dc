// What a received pack held, in words: each thing counted on its own ("13 bids, 78 scores and 13
// declarations of interest"), apart from the records it added to the database. "109 added" beside
// "13 bids" read as though 109 bids had come in.

/** Singular and plural of each thing a pack's summary counts, in the order they are listed. */
const THINGS: [key: string, one: string, many: string][] = [
  ['grants', 'grant', 'grants'],
  ['bids', 'bid', 'bids'],
  ['declarations', 'declaration of interest', 'declarations of interest'],
  ['scores', 'score', 'scores'],
  ['submissions', 'submitted scoring sheet', 'submitted scoring sheets'],
  ['views', "board member's view", "board members' views"],
  ['diligence', 'due diligence record', 'due diligence records'],
  ['claims', 'claim', 'claims'],
  ['returns', 'monitoring return', 'monitoring returns'],
  ['attachments', 'attachment', 'attachments'],
];
/** Counts a summary keeps about the merge itself, not about what the pack held. */
const NOT_HELD = new Set(['added', 'unchanged']);

const counted = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "a, b and c". */
function listed(parts: string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/** The counts of what a pack held, from a kind's summary (whatever else it records is left out). */
export function heldCounts(summary: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(summary).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number' && !NOT_HELD.has(entry[0]),
    ),
  );
}

/** "13 bids, 78 scores and 13 declarations of interest"; "nothing" when it counted nothing. */
export function heldText(held: Record<string, number>): string {
  const known = THINGS.filter(([key]) => key in held).map(([key, one, many]) =>
    counted(held[key] ?? 0, one, many),
  );
  const others = Object.keys(held)
    .filter((key) => !THINGS.some(([k]) => k === key))
    .map(
      (key) =>
        `${(held[key] ?? 0).toLocaleString('en-GB')} ${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`,
    );
  return listed([...known, ...others]) || 'nothing';
}

/** "109 records new to this database, 4 already here". */
export function recordsText(added: number, unchanged: number): string {
  const here = unchanged.toLocaleString('en-GB');
  return `${counted(added, 'record', 'records')} new to this database, ${here} already here`;
}
