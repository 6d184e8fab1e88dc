import * as z from 'zod';
import type { NoticeData } from '../../shared/notice-data';
import { checkNoticeSignature, SIGNATURE_FORMAT, type NoticeSignature } from './notice-seal';
import { readPdf, UnreadablePdf } from './pdf-reader';

// A signed notice's PDF carries, as an embedded file, the content the commissioner signed with the
// signature and public key. Checking the file needs no database: the embedded content must be
// what was signed, and the printed pages must be exactly the pages that content prints.

export const SIGNED_NOTICE_FILE = 'tranche-signed-notice.json';
export const PAYLOAD_FORMAT = 'tranche-signed-notice/1';

const payloadSchema = z.object({
  format: z.literal(PAYLOAD_FORMAT),
  signatureFormat: z.literal(SIGNATURE_FORMAT),
  content: z.record(z.string(), z.unknown()),
  contentSha256: z.string(),
  signature: z.string(),
  publicKey: z.string(),
  keyFingerprint: z.string(),
  signedBy: z.string(),
  signedOn: z.string(),
});
export type SignedNoticePayload = z.infer<typeof payloadSchema>;

/** The embedded file's bytes for a signed notice. */
export function signedNoticePayload(content: NoticeData, seal: NoticeSignature): Buffer {
  const payload: SignedNoticePayload = {
    format: PAYLOAD_FORMAT,
    signatureFormat: SIGNATURE_FORMAT,
    content: content as unknown as Record<string, unknown>,
    ...seal,
    signedBy: content.signature?.name ?? '',
    signedOn: content.signature?.date ?? '',
  };
  return Buffer.from(JSON.stringify(payload, null, 1), 'utf8');
}

/** What a reader needs to print a signed notice: its content with the two fingerprints. */
export function printableNotice(content: Record<string, unknown>, seal: NoticeSignature): NoticeData {
  return {
    ...(content as unknown as NoticeData),
    fingerprint: seal.contentSha256,
    keyFingerprint: seal.keyFingerprint,
  };
}

export interface NoticeFileReport {
  ok: boolean;
  problems: string[];
  signedBy: string | null;
  signedOn: string | null;
  fingerprint: string | null;
  /** SHA-256 of the signed content, and the notice's number, when the file holds them. */
  contentSha256: string | null;
  number: string | null;
}

const refused = (problem: string): NoticeFileReport => ({
  ok: false,
  problems: [problem],
  signedBy: null,
  signedOn: null,
  fingerprint: null,
  contentSha256: null,
  number: null,
});

export type RenderNotice = (data: NoticeData, attachment: { name: string; data: Buffer }) => Promise<Buffer>;

/**
 * A signed notice prints the same file every time (it is dated its signing day), so the file must
 * be exactly the one its signed content prints: a changed page, font or any other byte shows.
 */
async function compareWithSigned(
  pdf: Buffer,
  pages: Buffer[],
  payload: SignedNoticePayload,
  seal: NoticeSignature,
  embedded: Buffer,
  render: RenderNotice,
): Promise<string[]> {
  let expected: Buffer;
  try {
    expected = await render(printableNotice(payload.content, seal), {
      name: SIGNED_NOTICE_FILE,
      data: embedded,
    });
  } catch {
    return ['The signed content cannot be printed again to compare it with the file'];
  }
  if (expected.equals(pdf)) return [];
  const expectedPages = readPdf(expected).pages;
  if (expectedPages.length !== pages.length)
    return [`The file has ${pages.length} pages; the signed content prints ${expectedPages.length}`];
  const changed = expectedPages.flatMap((page, i) => (page.equals(pages[i]!) ? [] : [i + 1]));
  if (changed.length > 0)
    return [
      `Page${changed.length > 1 ? 's' : ''} ${changed.join(', ')} ${changed.length > 1 ? 'differ' : 'differs'} ` +
        'from what the signed content prints: the printed notice was changed',
    ];
  let at = 0;
  while (at < pdf.length && pdf[at] === expected[at]) at += 1;
  return [`The file differs from the signed notice from byte ${at}: it was changed or re-saved`];
}

/**
 * Checks a notice PDF: the embedded content, its signature and key, and every printed page
 * against the pages that content renders to (`render` is the notice's PDF builder).
 */
export async function verifyNoticePdf(pdf: Buffer, render: RenderNotice): Promise<NoticeFileReport> {
  let file;
  try {
    file = readPdf(pdf);
  } catch (error) {
    if (error instanceof UnreadablePdf)
      return refused(`The file cannot be read as a notice: ${error.message}`);
    throw error;
  }
  const embedded = file.files.get(SIGNED_NOTICE_FILE);
  if (!embedded)
    return refused(
      'The file carries no signed content: it is not a signed Tranche notice, or it was re-saved',
    );
  let payload: SignedNoticePayload;
  try {
    payload = payloadSchema.parse(JSON.parse(embedded.toString('utf8')));
  } catch {
    return refused('The signed content embedded in the file is damaged');
  }
  const seal: NoticeSignature = {
    contentSha256: payload.contentSha256,
    signature: payload.signature,
    publicKey: payload.publicKey,
    keyFingerprint: payload.keyFingerprint,
  };
  const problems = checkNoticeSignature(payload.content, seal);
  const signature = payload.content.signature as { name?: unknown; date?: unknown } | null | undefined;
  if (signature?.name !== payload.signedBy || signature?.date !== payload.signedOn)
    problems.push('The signer or date given beside the content is not the one inside what was signed');

  if (problems.length === 0)
    problems.push(...(await compareWithSigned(pdf, file.pages, payload, seal, embedded, render)));
  return {
    ok: problems.length === 0,
    problems,
    signedBy: payload.signedBy,
    signedOn: payload.signedOn,
    fingerprint: payload.keyFingerprint,
    contentSha256: payload.contentSha256,
    number: typeof payload.content.number === 'string' ? payload.content.number : null,
  };
}
