import { formatDate, ukCalendarDate } from '../../../shared/dates';
import { wordingSchema } from '../../../shared/notices';
import type { NoticeData } from '../../../shared/notice-data';
import type { Person } from '../../../shared/people';
import type { Round } from '../../../shared/rounds';
import type { HandlerContext, ReadContext } from '../../handlers/context';
import { latestNotice } from '../../handlers/notice-record';
import { recordSignedNotice } from '../../handlers/notice-signing';
import { Refusal } from '../../handlers/refusal';
import { checkNoticeSignature } from '../../identity/notice-seal';
import { knownKey } from '../identity';
import type { ReceiveOutcome } from './types';
import { decisionSha256, officeContent } from './signoff-copy';
import type { SignoffReturn } from './signoff-payload';

// The commissioner's signature, carried home. On their laptop the return holds the notice as they
// signed it and the seal their key made. At the office it is accepted only when the seal verifies
// against the key this office has pinned for them, the content is exactly what the office sent,
// and the office's notice has not changed since; then the round is signed and locked exactly as
// if signed here (recordSignedNotice, the one function for both). Its date must fall between the
// day the office made the pack and the day it received the return, by the office's clock.

const refused = (message: string) => new Refusal('conflict', `${message}; nothing was changed`);

/** Commissioner: their signed notice on the copy, answering the sign-off pack it came in. */
export function signoffReturn(ctx: ReadContext, roundId: number): SignoffReturn {
  const notice = latestNotice(ctx, roundId);
  if (
    !notice ||
    notice.status !== 'signed' ||
    !notice.content ||
    !notice.fingerprint ||
    !notice.signature ||
    !notice.signerPublicKey ||
    !notice.signerKeyFingerprint
  )
    throw new Refusal(
      'conflict',
      notice
        ? `Sign decision ${notice.number} first (Sign, or sign --round ${roundId}), then return it`
        : 'This copy has no notice to sign: open the sign-off pack from your office again',
    );
  const pack = ctx.store.packs.receivedForRound(roundId).find((p) => p.kind === 'signoff');
  if (!pack) throw new Refusal('conflict', 'This copy did not come in a sign-off pack');
  return {
    of: 'signoff',
    answers: pack.packId,
    notice: {
      number: notice.number,
      content: JSON.parse(notice.content) as Record<string, unknown>,
      seal: {
        contentSha256: notice.fingerprint,
        signature: notice.signature,
        publicKey: notice.signerPublicKey,
        keyFingerprint: notice.signerKeyFingerprint,
      },
    },
  };
}

/** The office's record of the sign-off pack the return answers, with what it held. */
function packAnswered(ctx: HandlerContext, round: Round, commissioner: Person, data: SignoffReturn) {
  const sent = ctx.store.packs
    .sentForRound(round.id)
    .find((p) => p.packId === data.answers && p.kind === 'signoff' && p.personId === commissioner.id);
  if (!sent)
    throw refused(
      `This signature answers a sign-off pack this office did not send to ${commissioner.name} for "${round.name}"`,
    );
  return JSON.parse(sent.summary) as { notice?: string; noticeSha256?: string };
}

/**
 * The day the notice says it was signed comes from the commissioner's laptop: the office takes it
 * only between the day it made the sign-off pack and the day it receives the return, by its own
 * clock, so a laptop whose clock is set back (or on) cannot date a decision.
 */
function refuseDateOutside(notice: { number: string }, date: string, times: SigningWindow) {
  const made = ukCalendarDate(times.packMadeAt);
  const received = ukCalendarDate(times.receivedAt);
  if (date < made || date > received)
    throw refused(
      `Decision ${notice.number} is dated ${formatDate(date)}, but the office made its sign-off pack on ` +
        `${formatDate(made)} and received it on ${formatDate(received)}: a notice is dated the day it is signed ` +
        "(check the date on the commissioner's laptop and sign again)",
    );
}

/** Office times a signature carried home is dated within. */
export interface SigningWindow {
  packMadeAt: string;
  receivedAt: string;
}

/** Office: accepts the signature, all or nothing, or refuses it with the reason. */
export function receiveSignature(
  ctx: HandlerContext,
  round: Round,
  commissioner: Person,
  data: SignoffReturn,
  times: SigningWindow,
): ReceiveOutcome {
  const notice = latestNotice(ctx, round.id);
  const { seal, content } = data.notice;
  if (notice?.status === 'signed' && notice.fingerprint === seal.contentSha256)
    return { added: 0, unchanged: 1, conflicts: [], summary: { notice: notice.number, signed: true } };
  const sent = packAnswered(ctx, round, commissioner, data);
  if (!notice || notice.number !== sent.notice || notice.number !== data.notice.number)
    throw refused(
      `Decision ${data.notice.number} is no longer this round's notice awaiting sign-off: ` +
        'make a new sign-off pack for the notice as it stands',
    );
  if (notice.status !== 'ready' || decisionSha256(asRecord(officeContent(ctx, notice))) !== sent.noticeSha256)
    throw refused(
      `Decision ${notice.number} has changed at the office since the sign-off pack was made ` +
        `(it is now ${notice.status === 'ready' ? 'different' : notice.status}): make a new sign-off pack`,
    );
  if (decisionSha256(content) !== sent.noticeSha256)
    throw refused(
      `The notice ${commissioner.name} signed is not the one the office sent: its decision content differs`,
    );
  const known = knownKey(ctx, commissioner.id);
  if (!known || known.publicKey !== seal.publicKey)
    throw refused(
      `Decision ${notice.number} is signed with a key this office does not know for ${commissioner.name} ` +
        `(fingerprint ${seal.keyFingerprint})`,
    );
  const problems = checkNoticeSignature(content, seal);
  if (problems.length > 0)
    throw refused(`The signature on decision ${notice.number} does not hold: ${problems[0]}`);
  const block = (content as Partial<NoticeData>).signature;
  const role = wordingSchema.parse(JSON.parse(notice.wording)).signatoryRole;
  if (
    !block ||
    block.name.toLowerCase() !== commissioner.name.toLowerCase() ||
    block.role !== role ||
    !/^\d{4}-\d{2}-\d{2}$/.test(block.date) ||
    content.draft !== false
  )
    throw refused(`The signed notice does not name ${commissioner.name} as ${role} with the date signed`);
  refuseDateOutside(notice, block.date, times);
  recordSignedNotice(ctx, notice, content as unknown as NoticeData, seal);
  return {
    added: 1,
    unchanged: 0,
    conflicts: [],
    summary: { notice: notice.number, signed: true, signedOn: block.date, fingerprint: seal.contentSha256 },
  };
}

const asRecord = (content: NoticeData) => content as unknown as Record<string, unknown>;
