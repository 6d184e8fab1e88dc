import { createHash } from 'node:crypto';

// The audit chain's canonical serialisation: JSON with object keys in code-point order, no
// whitespace, arrays in order, byte arrays as `{"sha256":…,"bytes":n}`. The same value always
// gives the same text, so a hash over it can be recomputed by anyone holding the same data.

export type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalValue(value));
}

export function canonicalValue(value: unknown): Canonical {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot record the number ${value}`);
    return value;
  }
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
    return { bytes: value.byteLength, sha256: sha256Hex(value) };
  }
  if (Array.isArray(value)) return value.map(canonicalValue);
  if (typeof value === 'object') {
    const out: { [key: string]: Canonical } = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = canonicalValue(item);
    }
    return out;
  }
  throw new Error(`Cannot record a ${typeof value}`);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The link before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);
