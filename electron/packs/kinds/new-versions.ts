// What merging any return shares, none of it trusting a laptop's clock. Which versions a return
// brings are new to the office is found by what they say, not by when a laptop says they were
// made: a return carries every version its copy holds, so the office has already taken most of
// them from an earlier return. A version the office holds n times matches the return's first n
// versions saying the same; the rest, in the return's order, are new. Which version stands is
// weighed against office times only (MergeTimes).

export function newVersions<T>(
  given: readonly T[],
  held: readonly T[],
  key: (version: T) => string,
): boolean[] {
  const counts = new Map<string, number>();
  for (const version of held) counts.set(key(version), (counts.get(key(version)) ?? 0) + 1);
  return given.map((version) => {
    const k = key(version);
    const left = counts.get(k) ?? 0;
    if (left === 0) return true;
    counts.set(k, left - 1);
    return false;
  });
}

/** The later of two office times (ISO), either possibly absent. */
export const laterOf = (a: string, b: string | null) => (b !== null && b > a ? b : a);

/** Office times the merge weighs the return against. */
export interface MergeTimes {
  /** When the office made the pack this return answers. */
  packMadeAt: string;
  /** When the office last received a return from the sender for this round, if it has. */
  lastReceivedAt: string | null;
  /** Now: every row taken is recorded with it. */
  receivedAt: string;
}
