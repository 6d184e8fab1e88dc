// A canonical serialisation for signed content: JSON with every object's keys in code-point order,
// no white space, `undefined` properties left out (as JSON.stringify does). The same value always
// gives the same bytes, whatever order its keys were built in, so a signature made over it can be
// checked by anyone who has the value.

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error('Signed content cannot hold NaN or Infinity');
    const text = JSON.stringify(value);
    if (text === undefined) throw new Error(`Signed content cannot hold ${typeof value}`);
    return text;
  }
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** What the commissioner's key signs for a notice: its content under a label of its own. */
export const NOTICE_SIGNATURE_FORMAT = 'tranche-notice-signature/1';

export const noticeSignedText = (content: unknown): string =>
  canonicalJson({ format: NOTICE_SIGNATURE_FORMAT, content });
