import type { NoticeData } from '../../shared/notice-data';
import { signNoticeContent } from '../identity/notice-seal';
import { SIGNED_NOTICE_FILE, signedNoticePayload } from '../identity/signed-pdf';
import type { HandlerContext } from './context';
import { signingIdentity } from './identity';

// The commissioner's signature on a notice, made with the key their passphrase unlocked, and the
// signed content a PDF of the notice carries so that anyone can check it without the database.

type SignedRow = {
  content: string | null;
  fingerprint: string | null;
  signature: string | null;
  signerPublicKey: string | null;
  signerKeyFingerprint: string | null;
};

/** The columns a signed notice stores: content SHA-256, signature, public key and fingerprint. */
export function sealNotice(ctx: HandlerContext, content: NoticeData) {
  const signer = signingIdentity(ctx);
  const seal = signNoticeContent(content, signer.privateKey, signer.publicKey);
  return {
    fingerprint: seal.contentSha256,
    signature: seal.signature,
    signerPublicKey: seal.publicKey,
    signerKeyFingerprint: seal.keyFingerprint,
  };
}

/** The signed content to embed in the notice's PDF; none for a notice signed without a key. */
export function signedAttachment(row: SignedRow) {
  if (!row.content || !row.fingerprint || !row.signature || !row.signerPublicKey || !row.signerKeyFingerprint)
    return undefined;
  const content = JSON.parse(row.content) as NoticeData;
  return {
    name: SIGNED_NOTICE_FILE,
    data: signedNoticePayload(content, {
      contentSha256: row.fingerprint,
      signature: row.signature,
      publicKey: row.signerPublicKey,
      keyFingerprint: row.signerKeyFingerprint,
    }),
  };
}
