import { createHash, type KeyObject } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { canonicalJson } from '../../shared/canonical-json';
import { MAX_PACK_BYTES } from '../../shared/limits';
import { PACK_FORMAT, PACK_VERSION, packEnvelopeSchema, type PackBody } from '../../shared/packs';
import { keyFingerprint, signBytes, verifyBytes } from '../identity/keys';

export { MAX_PACK_BYTES };

// The `.tranche` file: gzip of the canonical JSON of { format, version, body, signature }, where
// the signature is Ed25519 by the sender over the canonical JSON of `body` ({ header, payload }).
// One signature covers everything the pack says, so a change to any byte is found. Pure Node: no
// database here. Whether the signer is the person the header names is for the caller to decide
// (electron/packs/identity.ts), since only a database knows which key it trusts for whom.

/** The most a pack may unpack to: a gzip bomb beyond it is refused before it fills memory. */
export const MAX_PACK_UNPACKED_BYTES = 100 * 1024 * 1024;

/** A pack refused, with one line saying what is wrong; nothing has been written. */
export class PackRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackRefused';
  }
}

/** Names that would mean a secret slipped into a pack: a pack must never carry one. */
const SECRET_KEY = /sealedPrivateKey|privateKey|passphrase|password|^salt$|^nonce$|^kdf$/i;

function refuseSecrets(value: unknown, path: string): void {
  if (Array.isArray(value)) value.forEach((item, i) => refuseSecrets(item, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEY.test(key)) throw new Error(`A pack cannot carry "${path}.${key}": it could be a secret`);
      refuseSecrets(item, `${path}.${key}`);
    }
}

const bodyBytes = (body: unknown) => Buffer.from(canonicalJson(body), 'utf8');

/** The pack file for `body`, signed with the sender's unlocked key. */
export function writePack(body: PackBody, privateKey: KeyObject): Buffer {
  refuseSecrets(body, 'pack');
  const envelope = packEnvelopeSchema.parse({
    format: PACK_FORMAT,
    version: PACK_VERSION,
    body,
    signature: signBytes(privateKey, bodyBytes(body)),
  });
  if (!verifyBytes(body.header.from.publicKey, bodyBytes(body), envelope.signature))
    throw new Error("The pack's header names a public key that is not the signer's");
  return gzipSync(Buffer.from(canonicalJson(envelope), 'utf8'));
}

export interface ReadPack {
  body: PackBody;
  /** SHA-256 of the file as received, for the record. */
  sha256: string;
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/**
 * Reads and checks a pack file: its size, that it unpacks within bounds, that it is a Tranche
 * pack of a version this Tranche reads, that its header is well formed, and that its signature
 * is good for the public key the header names. Anything else is a `PackRefused`.
 */
export function readPack(file: Buffer): ReadPack {
  if (file.byteLength > MAX_PACK_BYTES)
    throw new PackRefused(
      `The pack is ${Math.ceil(file.byteLength / 1024 / 1024)} MB, more than the 20 MB Tranche reads`,
    );
  if (file.byteLength < 2 || !file.subarray(0, 2).equals(GZIP_MAGIC))
    throw new PackRefused('This is not a Tranche pack: a .tranche file is compressed, and this one is not');
  let text: string;
  try {
    text = gunzipSync(file, { maxOutputLength: MAX_PACK_UNPACKED_BYTES }).toString('utf8');
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw new PackRefused('The pack unpacks to more than 100 MB, more than Tranche reads: it was refused');
    throw new PackRefused('The pack is damaged: it does not unpack (was it cut short or changed?)');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new PackRefused('The pack is damaged: its content is not readable');
  }
  const envelope = raw as { format?: unknown; version?: unknown } | null;
  if (!envelope || typeof envelope !== 'object' || envelope.format !== PACK_FORMAT)
    throw new PackRefused('This is not a Tranche pack');
  if (typeof envelope.version === 'number' && envelope.version > PACK_VERSION)
    throw new PackRefused(
      `The pack was made by a newer version of Tranche (pack format ${envelope.version}): ` +
        'update Tranche to open it',
    );
  const parsed = packEnvelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackRefused(
      'The pack is damaged or not one Tranche makes: ' +
        (issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'),
    );
  }
  const body: PackBody = { header: parsed.data.body.header, payload: parsed.data.body.payload };
  // The signature is checked over the body exactly as it was written (canonical JSON of what was
  // parsed), so a changed byte anywhere in it fails.
  if (
    !verifyBytes(
      body.header.from.publicKey,
      bodyBytes((raw as { body: unknown }).body),
      parsed.data.signature,
    )
  )
    throw new PackRefused("The pack's signature does not match its content: it was changed after signing");
  if (keyFingerprint(body.header.from.publicKey) !== body.header.from.fingerprint)
    throw new PackRefused(
      "The pack's sender fingerprint does not match its key: it was changed after signing",
    );
  return { body, sha256: createHash('sha256').update(file).digest('hex') };
}
