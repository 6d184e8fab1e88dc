import { chainHead } from '../../db/audit/chain';
import type { NoticeData } from '../../shared/notice-data';
import { signNoticeContent, type NoticeSignature } from '../identity/notice-seal';
import { SIGNED_NOTICE_FILE, signedNoticePayload } from '../identity/signed-pdf';
import { noteRound, noteSigning } from './audit/operation-notes';
import type { HandlerContext } from './context';
import { signingIdentity } from './identity';
import { grantsForSignedNotice } from './grants/create';
import { noticeData } from './notice-content';
import type { NoticeRow } from './notice-record';

// The commissioner's signature on a notice, made with the key their passphrase unlocked, and the
// signed content a PDF of the notice carries so that anyone can check it without the database.
// A signature is made on this laptop (notices:sign) or on the commissioner's own laptop and
// received in a pack (electron/packs/kinds/signoff); either way `recordSignedNotice` does all that
// follows, so a round signed from afar is signed and locked exactly as one signed here.

type SignedRow = {
  content: string | null;
  fingerprint: string | null;
  signature: string | null;
  signerPublicKey: string | null;
  signerKeyFingerprint: string | null;
};

/** Who signed, in what role, on which date, and the interests they declared: part of the content. */
export type SignatureBlock = NonNullable<NoticeData['signature']>;

/**
 * What the signature covers: the notice's decision content as it stands (frozen content on a copy
 * received in a pack), with the signature block, no longer a draft, and without the fingerprints
 * (which are of the content, not in it).
 */
export function contentToSign(ctx: HandlerContext, notice: NoticeRow, block: SignatureBlock): NoticeData {
  const { keyFingerprint: _unsigned, ...data } = noticeData(ctx, notice);
  // On a copy signed from afar the office's head came frozen in the pack's content; here it is ours.
  const head = data.chainHead ?? chainHead(ctx.store.sqlite);
  return { ...data, chainHead: head, signature: block, draft: false, fingerprint: null };
}

/** The seal of `content` with the acting commissioner's own key. */
export function sealWithOwnKey(ctx: HandlerContext, content: NoticeData): NoticeSignature {
  const signer = signingIdentity(ctx);
  return signNoticeContent(content, signer.privateKey, signer.publicKey);
}

/**
 * Records a signature that exists and holds: the notice is signed with this content and seal, the
 * notice it supersedes is superseded, the round moves to `signed` (which locks it), and the round
 * is backed up once the operation commits. Call it inside the operation's transaction.
 */
export function recordSignedNotice(
  ctx: HandlerContext,
  notice: NoticeRow,
  content: NoticeData,
  seal: NoticeSignature,
  /** Why it went ahead despite the readiness list's warnings, where it was signed here. */
  signedReason: string | null = null,
): NoticeRow {
  const block = content.signature;
  if (!block) throw new Error('A signed notice names who signed it');
  const now = ctx.now();
  ctx.store.notices.update(notice.id, {
    signedBy: block.name,
    signedRole: block.role,
    signedOn: block.date,
    interests: block.interests,
    status: 'signed',
    signedReason,
    content: JSON.stringify(content),
    fingerprint: seal.contentSha256,
    signature: seal.signature,
    signerPublicKey: seal.publicKey,
    signerKeyFingerprint: seal.keyFingerprint,
    updatedAt: now,
  });
  if (notice.supersedesId) ctx.store.notices.update(notice.supersedesId, { status: 'superseded' });
  ctx.store.rounds.setStage(notice.roundId, 'signed', now);
  noteRound(ctx, notice.roundId);
  noteSigning(ctx);
  const signed = ctx.store.notices.get(notice.id) as NoticeRow;
  // Every award of the decision becomes a grant to follow through delivery (handlers/grants/).
  grantsForSignedNotice(ctx, signed);
  return signed;
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
