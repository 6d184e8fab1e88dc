import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomInt,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { rawPublicKey, signBytes, verifyBytes } from '../identity/keys';

// Enrolment codes: how a laptop that has never seen the office learns to trust its first pack, and
// how the office learns to trust the key that laptop then makes. The lead officer is shown a
// one-time code and gives it to the recipient another way (by phone, in person). Nothing the office
// keeps, alone or with any pack, lets anyone make a proof it accepts (enrolmentSecrets below).
// Pure: no database here.

/** 32 letters and digits that cannot be mistaken for one another (no I, O, 0 or 1). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 12;

/** A new code, as it is shown: `ABCD-EFGH-JKLM` (60 bits of chance). */
export function newEnrolmentCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * The code as typed, made canonical (capitals, no spaces or dashes), or null when it cannot be a
 * code at all: characters the alphabet leaves out (I, O, 0, 1) are refused rather than guessed at.
 */
export function normaliseEnrolmentCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) return null;
  return code;
}

/**
 * What one code gives, for one enrolment (`id`, random, in the pack header): two keys derived
 * separately with HKDF-SHA256, so neither can be had from the other. The sender key (HMAC) proves
 * the office's pack to the recipient; the office never stores it. The return key (Ed25519) signs
 * the recipient's own key; the office stores only its public half, the `verifier`, which proves a
 * return but cannot make one. Guessing a 60-bit code from the verifier is out of reach.
 */
export function enrolmentSecrets(code: string, id: string) {
  const canonical = normaliseEnrolmentCode(code);
  if (!canonical) throw new Error('Not an enrolment code');
  const derive = (label: string) =>
    Buffer.from(hkdfSync('sha256', Buffer.from(canonical, 'utf8'), Buffer.from(id, 'utf8'), label, 32));
  const returnKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, derive('tranche-enrolment/return')]),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    senderKey: derive('tranche-enrolment/sender'),
    returnKey,
    verifier: rawPublicKey(createPublicKey(returnKey)).toString('base64'),
  };
}

/** PKCS#8 for an Ed25519 private key is this fixed prefix and the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const RETURN_LABEL = 'tranche-enrolment-return/1:';

/** The office's proof over its own key in the pack: HMAC-SHA256 with the sender key (base64). */
export function senderProof(senderKey: Buffer, publicKeyBase64: string): string {
  return createHmac('sha256', senderKey).update(Buffer.from(publicKeyBase64, 'base64')).digest('base64');
}

export function senderProofMatches(senderKey: Buffer, publicKeyBase64: string, proof: string): boolean {
  const expected = Buffer.from(senderProof(senderKey, publicKeyBase64), 'base64');
  const given = Buffer.from(proof, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The recipient's proof over their new key: an Ed25519 signature with the code's return key. */
export function returnProof(returnKey: KeyObject, publicKeyBase64: string): string {
  return signBytes(returnKey, Buffer.from(RETURN_LABEL + publicKeyBase64, 'utf8'));
}

/** Whether `proof` was made with the code whose verifier the office kept, over this key. */
export function returnProofMatches(verifier: string, publicKeyBase64: string, proof: string): boolean {
  return verifyBytes(verifier, Buffer.from(RETURN_LABEL + publicKeyBase64, 'utf8'), proof);
}
