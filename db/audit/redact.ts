import { sha256Hex } from './canonical';

// What the chain keeps of an operation's input: everything, except that file contents become
// their SHA-256 and size (the file itself is evidence kept elsewhere, or not at all), and anything
// that could be a secret is withheld.

// An enrolment code is a one-time secret too: whoever holds it can enrol as its recipient.
const SECRET = /passphrase|password|secret|private|enrolmentCode/i;
const FILE_BYTES = /base64$/i;

export function redactInput(value: unknown, key = ''): unknown {
  if (SECRET.test(key)) return '[withheld]';
  if (typeof value === 'string' && FILE_BYTES.test(key)) {
    const bytes = Buffer.from(value, 'base64');
    return { bytes: bytes.byteLength, sha256: sha256Hex(bytes) };
  }
  if (Array.isArray(value)) return value.map((item) => redactInput(item));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactInput(v, k)]));
  }
  return value;
}
