import { createHash, type KeyObject } from 'node:crypto';
import { canonicalJson, NOTICE_SIGNATURE_FORMAT, noticeSignedText } from '../../shared/canonical-json';
import { keyFingerprint, signBytes, verifyBytes } from './keys';

// The commissioner's signature on a Notice of Decision. What is signed is the notice's frozen
// content (every figure, bid, decision, the wording, and the signer's name, role and date) in its
// canonical serialisation, under a label that keeps the signature from meaning anything else.

export const SIGNATURE_FORMAT = NOTICE_SIGNATURE_FORMAT;

/** SHA-256 (hex) of the content's canonical serialisation: the notice's printed fingerprint. */
export function contentSha256(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

const signedMessage = (content: unknown) => Buffer.from(noticeSignedText(content), 'utf8');

export interface NoticeSignature {
  contentSha256: string;
  /** Base64 Ed25519 signature. */
  signature: string;
  /** Base64 raw public key of the signer, and its readable fingerprint. */
  publicKey: string;
  keyFingerprint: string;
}

export function signNoticeContent(
  content: unknown,
  privateKey: KeyObject,
  publicKey: string,
): NoticeSignature {
  return {
    contentSha256: contentSha256(content),
    signature: signBytes(privateKey, signedMessage(content)),
    publicKey,
    keyFingerprint: keyFingerprint(publicKey),
  };
}

/** Every way the signature fails to hold, in words; empty when it holds. */
export function checkNoticeSignature(content: unknown, seal: NoticeSignature): string[] {
  const problems: string[] = [];
  if (contentSha256(content) !== seal.contentSha256)
    problems.push('The content does not match its SHA-256 fingerprint: it has been changed');
  let fingerprint = '';
  try {
    fingerprint = keyFingerprint(seal.publicKey);
  } catch {
    problems.push('The public key is not readable');
  }
  if (fingerprint && fingerprint !== seal.keyFingerprint)
    problems.push('The key fingerprint printed with the notice is not that of the key that signed it');
  if (!verifyBytes(seal.publicKey, signedMessage(content), seal.signature))
    problems.push('The signature does not match the content: the content or the signature was changed');
  return problems;
}
