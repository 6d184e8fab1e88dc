import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scrypt,
  scryptSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

// A person's identity: an Ed25519 key pair whose private half is sealed with a key derived from
// their passphrase (scrypt), under AES-256-GCM. Only the sealed form is ever stored; the unsealed
// key lives in the memory of the process that unlocked it. Nothing here touches the database.

export interface KdfParams {
  algorithm: 'scrypt';
  /** CPU/memory cost (a power of two), block size and parallelism, as scrypt names them. */
  N: number;
  r: number;
  p: number;
}

/** About 0.2 s and 32 MiB per unlock on an ordinary laptop: slow for guessing, quick for a person. */
export const DEFAULT_KDF: KdfParams = { algorithm: 'scrypt', N: 1 << 15, r: 8, p: 1 };

export const MIN_PASSPHRASE_LENGTH = 8;

/** What is stored for each person: every field is safe to keep in the database. */
export interface SealedIdentity {
  /** The raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** The PKCS#8 private key encrypted with AES-256-GCM, then its 16-byte tag; base64. */
  sealedPrivateKey: string;
  salt: string;
  nonce: string;
  kdf: KdfParams;
}

export class WrongPassphrase extends Error {
  constructor() {
    super('That passphrase is not right');
    this.name = 'WrongPassphrase';
  }
}

const SEAL_LABEL = 'tranche-identity-v1';

function scryptOptions(kdf: KdfParams) {
  if (kdf.algorithm !== 'scrypt') throw new Error(`Unknown key derivation "${String(kdf.algorithm)}"`);
  return { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
}

/** For tests and one-off tools only: the app derives keys off its thread (deriveKeyAsync). */
function deriveKey(passphrase: string, salt: Buffer, kdf: KdfParams): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, scryptOptions(kdf));
}

/** scrypt on libuv's thread pool: a window or the bridge keeps answering while it runs. */
function deriveKeyAsync(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const options = scryptOptions(kdf);
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Binds the ciphertext to its public key, so a sealed key cannot be moved to another person. */
const additionalData = (publicKey: string) => Buffer.from(`${SEAL_LABEL}:${publicKey}`, 'utf8');

export function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('Not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('An Ed25519 public key is 32 bytes');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

/**
 * The key's fingerprint as people read it: SHA-256 of the raw public key, in upper-case hex,
 * groups of four (e.g. `3F2A 9C1B …`, 16 groups).
 */
export function keyFingerprint(publicKey: string | Buffer): string {
  const raw = typeof publicKey === 'string' ? Buffer.from(publicKey, 'base64') : publicKey;
  const hex = createHash('sha256').update(raw).digest('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

function seal(
  privateKey: KeyObject,
  publicKey: string,
  derive: (salt: Buffer) => Buffer,
  salt: Buffer,
  kdf: KdfParams,
): SealedIdentity {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(salt), nonce);
  cipher.setAAD(additionalData(publicKey));
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const sealed = Buffer.concat([cipher.update(der), cipher.final(), cipher.getAuthTag()]);
  return {
    publicKey,
    sealedPrivateKey: sealed.toString('base64'),
    salt: salt.toString('base64'),
    nonce: nonce.toString('base64'),
    kdf,
  };
}

/** A new key pair, its private half sealed with the passphrase. */
export function createIdentity(passphrase: string, kdf: KdfParams = DEFAULT_KDF): SealedIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const salt = randomBytes(16);
  return seal(
    privateKey,
    rawPublicKey(publicKey).toString('base64'),
    () => deriveKey(passphrase, salt, kdf),
    salt,
    kdf,
  );
}

/** createIdentity with the key derived off the thread: how the app enrols people. */
export async function createIdentityAsync(
  passphrase: string,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<SealedIdentity> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const salt = randomBytes(16);
  const key = await deriveKeyAsync(passphrase, salt, kdf);
  return seal(privateKey, rawPublicKey(publicKey).toString('base64'), () => key, salt, kdf);
}

/**
 * The private key, unsealed with the passphrase. A wrong passphrase, or any change to the sealed
 * key, its salt, nonce or public key, fails the GCM tag and is refused the same way.
 */
export function unlockIdentity(identity: SealedIdentity, passphrase: string): KeyObject {
  return openSealed(identity, deriveKey(passphrase, Buffer.from(identity.salt, 'base64'), identity.kdf));
}

/** unlockIdentity with the key derived off the thread: how the app proves a passphrase. */
export async function unlockIdentityAsync(identity: SealedIdentity, passphrase: string): Promise<KeyObject> {
  return openSealed(
    identity,
    await deriveKeyAsync(passphrase, Buffer.from(identity.salt, 'base64'), identity.kdf),
  );
}

function openSealed(identity: SealedIdentity, derived: Buffer): KeyObject {
  const sealed = Buffer.from(identity.sealedPrivateKey, 'base64');
  if (sealed.length <= 16) throw new WrongPassphrase();
  let der: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', derived, Buffer.from(identity.nonce, 'base64'));
    decipher.setAAD(additionalData(identity.publicKey));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    der = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  } catch {
    throw new WrongPassphrase();
  }
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  // The key must be the one whose public half the record names.
  if (rawPublicKey(createPublicKey(privateKey)).toString('base64') !== identity.publicKey)
    throw new WrongPassphrase();
  return privateKey;
}

/** The same key pair sealed with a new passphrase (the old one must be right). */
export async function resealIdentity(
  identity: SealedIdentity,
  oldPassphrase: string,
  newPassphrase: string,
  kdf: KdfParams = identity.kdf,
): Promise<SealedIdentity> {
  const privateKey = await unlockIdentityAsync(identity, oldPassphrase);
  const salt = randomBytes(16);
  const key = await deriveKeyAsync(newPassphrase, salt, kdf);
  return seal(privateKey, identity.publicKey, () => key, salt, kdf);
}

export function signBytes(privateKey: KeyObject, message: Buffer): string {
  return sign(null, message, privateKey).toString('base64');
}

export function verifyBytes(publicKey: string, message: Buffer, signature: string): boolean {
  try {
    const raw = Buffer.from(publicKey, 'base64');
    const sig = Buffer.from(signature, 'base64');
    if (sig.length !== 64) return false;
    return verify(null, message, publicKeyFromRaw(raw), sig);
  } catch {
    return false;
  }
}
