import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { newEnrolmentCode, normaliseEnrolmentCode } from '../packs/enrolment';
import type { KdfParams } from './keys';

// The one-time code with which a person added by a lead officer chooses their own passphrase. The
// office keeps only a salted scrypt hash of the code bound to the person's name: it cannot give the
// code back, and it matches no other person's. Pure: nothing here touches the database.

export { newEnrolmentCode, normaliseEnrolmentCode };

export interface HashedCode {
  codeHash: string;
  salt: string;
  kdf: KdfParams;
}

const LABEL = 'tranche-enrolment-code/1';

function derive(name: string, code: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const message = `${LABEL}:${name.trim().toLowerCase()}:${code}`;
  const options = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(message, salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** The hash kept for a new code (`code` canonical, as normaliseEnrolmentCode gives it). */
export async function hashEnrolmentCode(name: string, code: string, kdf: KdfParams): Promise<HashedCode> {
  const salt = randomBytes(16);
  const key = await derive(name, code, salt, kdf);
  return { codeHash: key.toString('base64'), salt: salt.toString('base64'), kdf };
}

/** Whether `code` (canonical) is the one whose hash was kept for the person named. */
export async function enrolmentCodeMatches(name: string, code: string, stored: HashedCode): Promise<boolean> {
  const key = await derive(name, code, Buffer.from(stored.salt, 'base64'), stored.kdf);
  const expected = Buffer.from(stored.codeHash, 'base64');
  return expected.length === key.length && timingSafeEqual(expected, key);
}
