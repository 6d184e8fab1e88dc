import {
  createPrivateKey,
  createPublicKey,
  randomBytes,
  scrypt,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { enrolmentProofMessage } from '../../db/audit/enrolment-proof';
import { newEnrolmentCode, normaliseEnrolmentCode } from '../packs/enrolment';
import { rawPublicKey, signBytes, type KdfParams } from './keys';

// The one-time code with which a person added by a lead officer chooses their own passphrase. The
// code, bound to the person's name, goes through scrypt with a random salt to make the seed of an
// Ed25519 key: the code's key. The office keeps the salt and the key's public half only, which
// checks a code typed but cannot give it back, match another person's, or sign. At enrolment the
// code's key signs the person's new key (the proof verify checks). Pure: no database here.

export { newEnrolmentCode, normaliseEnrolmentCode };

/** What the office keeps of a code it issued. */
export interface IssuedCode {
  /** The code's key's public half (raw Ed25519, base64). */
  codePublicKey: string;
  salt: string;
  kdf: KdfParams;
}

const LABEL = 'tranche-enrolment-key/1';

/** PKCS#8 for an Ed25519 private key is this fixed prefix and the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

async function codeKey(name: string, code: string, salt: Buffer, kdf: KdfParams): Promise<KeyObject> {
  const message = `${LABEL}:${name.trim().toLowerCase()}:${code}`;
  const options = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
  const seed = await new Promise<Buffer>((resolve, reject) =>
    scrypt(message, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

const publicHalf = (key: KeyObject) => rawPublicKey(createPublicKey(key)).toString('base64');

/** What to keep for a new code (`code` canonical, as normaliseEnrolmentCode gives it). */
export async function issueEnrolmentCode(name: string, code: string, kdf: KdfParams): Promise<IssuedCode> {
  const salt = randomBytes(16);
  const key = await codeKey(name, code, salt, kdf);
  return { codePublicKey: publicHalf(key), salt: salt.toString('base64'), kdf };
}

/** The code's key when `code` (canonical) is the one issued to the person named; null when not. */
export async function openEnrolmentCode(
  name: string,
  code: string,
  issued: IssuedCode,
): Promise<KeyObject | null> {
  const key = await codeKey(name, code, Buffer.from(issued.salt, 'base64'), issued.kdf);
  const made = Buffer.from(publicHalf(key), 'base64');
  const kept = Buffer.from(issued.codePublicKey, 'base64');
  return made.length === kept.length && timingSafeEqual(made, kept) ? key : null;
}

/** The proof that the code's holder made `publicKey` (raw, base64), the person's new key. */
export function enrolmentProof(key: KeyObject, personId: number, publicKey: string): string {
  return signBytes(key, enrolmentProofMessage(personId, publicKey));
}
