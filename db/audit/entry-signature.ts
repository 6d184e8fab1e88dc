import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

// The acting person's signature on an audit entry: Ed25519 over the entry's hash, which covers its
// place in the chain, who acted, what they did, the rows it changed and the hash before it. So an
// entry moved, re-linked or edited no longer carries a signature anyone could have made, unless
// they held the person's private key, which only the person's passphrase unseals.

export const ENTRY_SIGNATURE_FORMAT = 'tranche-audit-entry/1';

/** Who signs an entry: the unlocked person's private key and their key's fingerprint. */
export interface EntrySigner {
  privateKey: KeyObject;
  fingerprint: string;
}

const message = (hash: string) => Buffer.from(`${ENTRY_SIGNATURE_FORMAT}:${hash}`, 'utf8');

export function signEntryHash(signer: EntrySigner, hash: string): string {
  return sign(null, message(hash), signer.privateKey).toString('base64');
}

/** The fingerprint people read (see electron/identity/keys.ts): SHA-256 of the raw key, groups of 4. */
export function fingerprintOfPublicKey(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

const keyObjects = new Map<string, KeyObject | null>();

function publicKeyObject(publicKey: string): KeyObject | null {
  let key = keyObjects.get(publicKey);
  if (key !== undefined) return key;
  try {
    const raw = Buffer.from(publicKey, 'base64');
    key =
      raw.length === 32
        ? createPublicKey({
            key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
            format: 'jwk',
          })
        : null;
  } catch {
    key = null;
  }
  keyObjects.set(publicKey, key);
  return key;
}

/** Whether `signature` is the holder of `publicKey` (raw, base64) signing the entry hash `hash`. */
export function entrySignatureHolds(publicKey: string, hash: string, signature: string): boolean {
  return signatureHolds(publicKey, message(hash), signature);
}

/** Whether `signature` (base64 Ed25519) is the holder of `publicKey` (raw, base64) signing `signed`. */
export function signatureHolds(publicKey: string, signed: Buffer, signature: string): boolean {
  const key = publicKeyObject(publicKey);
  if (!key) return false;
  try {
    const bytes = Buffer.from(signature, 'base64');
    return bytes.length === 64 && verify(null, signed, key, bytes);
  } catch {
    return false;
  }
}
