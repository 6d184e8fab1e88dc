import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';

// Enrolment codes: how a laptop that has never seen the office learns to trust its first pack, and
// how the office learns to trust the key that laptop then makes. The lead officer is shown a
// one-time code and gives it to the recipient another way (by phone, in person). The pack carries
// HMAC-SHA256(SHA-256(code), sender's raw public key): only someone who knows the code could have
// made it, and it binds the code to that one key. The recipient's first return carries the same
// proof over their own new key. The office keeps only SHA-256(code). Pure: no database here.

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

/** SHA-256 of the canonical code, hex: what the office stores, and the key of the proof. */
export function enrolmentCodeHash(code: string): string {
  const canonical = normaliseEnrolmentCode(code);
  if (!canonical) throw new Error('Not an enrolment code');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** HMAC-SHA256 keyed by the code's hash over a raw Ed25519 public key (base64 in, base64 out). */
export function enrolmentProof(codeHashHex: string, publicKeyBase64: string): string {
  return createHmac('sha256', Buffer.from(codeHashHex, 'hex'))
    .update(Buffer.from(publicKeyBase64, 'base64'))
    .digest('base64');
}

/** Whether `proof` was made with the code whose hash is given, over this public key. */
export function proofMatches(codeHashHex: string, publicKeyBase64: string, proof: string): boolean {
  const expected = Buffer.from(enrolmentProof(codeHashHex, publicKeyBase64), 'base64');
  const given = Buffer.from(proof, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
