// A filter box that matches what people type in any order: every word typed must appear somewhere
// in the row's text ("marshals ward 3" finds "Ward 3 street marshals"). Pure, for every list's filter.

/** The words of what was typed, lower-cased; none when the box is empty. */
export function filterWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether every word appears in `haystack` (which need not be lower-cased). */
export function matchesWords(haystack: string, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = haystack.toLowerCase();
  return words.every((word) => text.includes(word));
}
