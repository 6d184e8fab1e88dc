import type { ParsedInput } from '../../../shared/contract';
import { formatDate } from '../../../shared/dates';
import { safeFileName } from '../../../shared/file-names';
import type { GrantDetail } from '../../../shared/grants';
import { formatMoney } from '../../../shared/money';
import type { NoticeData } from '../../../shared/notice-data';
import { DEFAULT_WORDING } from '../../../shared/notices';
import { actingPerson } from '../actor';
import type { HandlerContext, ReadContext } from '../context';
import { paragraph, text, type Block, type OfficialDocument } from '../exports/official-document';
import { renderDocx } from '../exports/official-word';
import { Refusal } from '../refusal';
import { mustGetRound } from '../round-lookup';
import { grantOf } from './view';
import { mustBeOpen, writableGrant } from './writable';

// The grant agreement, proportionate to the grant (GovS 015, minimum requirement 6), drafted from
// the signed decision as Word: the parties, the amount and purpose, the conditions the decision set,
// how and when it is paid, the returns it owes and when money is paid back. Its signing by both
// parties is recorded here; the recipient signs on paper, so an officer records their signatory.

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function agreementDocx(ctx: ReadContext, input: ParsedInput<'grants:agreement'>) {
  const round = mustGetRound(ctx, input.roundId);
  const found = grantOf(ctx, input.roundId, input.bidRef);
  const grant = found.detail();
  const notice = ctx.store.notices.get(found.row.grant.noticeId ?? 0);
  const content = notice?.content ? (JSON.parse(notice.content) as NoticeData) : null;
  const office = content?.wording.issuingBody ?? DEFAULT_WORDING.issuingBody;
  const blocks = agreementBlocks(grant, {
    office,
    fund: round.fund,
    roundName: round.name,
    noticeNumber: notice?.number ?? 'unnumbered',
    summary: ctx.store.bids.get(found.row.grant.bidId)?.summary ?? '',
  });
  const doc: OfficialDocument = {
    title: `Grant agreement: ${grant.ref} ${grant.title}`,
    subject: `${round.fund}, ${round.name}`,
    blocks,
    runningHeader: null,
    footer: { label: `Grant agreement ${grant.ref}`, notes: [], smallPrint: null },
  };
  return {
    fileName: safeFileName(`${grant.ref} grant agreement.docx`),
    mediaType: DOCX,
    dataBase64: (await renderDocx(doc)).toString('base64'),
  };
}

interface Context {
  office: string;
  fund: string;
  roundName: string;
  noticeNumber: string;
  summary: string;
}

function agreementBlocks(grant: GrantDetail, c: Context): Block[] {
  const recipient = grant.diligence.accountableBody ?? grant.partnership;
  const schedule =
    grant.years.length > 0
      ? grant.years.map((y) => `${y.financialYear}: up to ${formatMoney(y.allocationPence)}`)
      : [`Up to ${formatMoney(grant.awardedPence)} over the life of the grant`];
  return [
    { kind: 'title', text: 'Grant agreement', size: 'large' },
    paragraph([text(`${c.fund}, ${c.roundName}. `), text(`Decision ${c.noticeNumber}.`)]),
    { kind: 'heading', text: '1. The parties' },
    paragraph([text('The funder: ', { bold: true }), text(c.office)]),
    paragraph([
      text('The recipient: ', { bold: true }),
      text(recipient === grant.partnership ? recipient : `${recipient}, for ${grant.partnership}`),
    ]),
    { kind: 'heading', text: '2. The grant' },
    paragraph([
      text('Amount: ', { bold: true }),
      text(`${formatMoney(grant.awardedPence)}, awarded on ${formatDate(grant.awardedOn)}.`),
    ]),
    paragraph([text('Purpose: ', { bold: true }), text(`${grant.ref} ${grant.title}.`)]),
    ...(c.summary.trim() ? [paragraph(c.summary.trim())] : []),
    { kind: 'heading', text: '3. Conditions' },
    grant.conditions.trim()
      ? {
          kind: 'bullets',
          items: grant.conditions
            .split(/\n+/)
            .map((l) => l.trim())
            .filter(Boolean),
        }
      : paragraph('The decision set no conditions beyond those of this agreement.'),
    ...(grant.matchCommittedPence
      ? [
          paragraph(
            `The recipient reports match funding of ${formatMoney(grant.matchCommittedPence)} with its claims.`,
          ),
        ]
      : []),
    { kind: 'heading', text: '4. Payment' },
    paragraph(
      'The grant is paid quarterly in arrears, against claims for work satisfactorily completed in the ' +
        'quarter. Money allocated to one financial year cannot be carried over into the next.',
    ),
    { kind: 'bullets', items: schedule },
    { kind: 'heading', text: '5. Monitoring returns' },
    paragraph(
      'The recipient sends a monitoring return by each date below: spend to date, outputs, outcomes ' +
        "against the Police and Crime Plan's priorities, risks and a short narrative.",
    ),
    { kind: 'bullets', items: grant.returns.map((r) => formatDate(r.dueOn)) },
    { kind: 'heading', text: '6. Variation and clawback' },
    paragraph(
      'Any change to the amount or purpose must be agreed in writing; a change above the funder’s threshold ' +
        'needs a new decision. The funder may withhold payment or recover money paid where it was not spent ' +
        'on the purpose above, where returns are not made, or where the conditions are not met.',
    ),
    { kind: 'heading', text: '7. Signatures' },
    paragraph('Signed for the funder: ____________________________  Date: ____________'),
    paragraph('Signed for the recipient: _________________________  Date: ____________'),
  ];
}

export function signAgreement(ctx: HandlerContext, input: ParsedInput<'grants:signAgreement'>) {
  return ctx.store.transaction(() => {
    const found = writableGrant(ctx, input.roundId, input.bidRef);
    mustBeOpen(found, 'its agreement can no longer be signed');
    const person = actingPerson(ctx, 'record the signing of a grant agreement');
    const g = found.row.grant;
    const on = input.signedOn ?? ctx.now().slice(0, 10);
    if (input.party === 'recipient') {
      if (!input.signatory)
        throw new Refusal('invalid_input', "Name the recipient's signatory (--signatory NAME)", [
          { path: 'signatory', message: "Name the recipient's signatory" },
        ]);
      ctx.store.grants.update(g.id, { recipientSignedBy: input.signatory, recipientSignedOn: on });
    } else {
      ctx.store.grants.update(g.id, { officeSignedBy: person.id, officeSignedOn: on });
    }
    const after = ctx.store.grants.byBid(g.bidId)!;
    if (after.recipientSignedOn && after.officeSignedOn && after.status === 'agreement_drafted')
      ctx.store.grants.update(g.id, { status: 'agreement_signed' });
    ctx.store.grants.update(g.id, { updatedAt: ctx.now() });
    return grantOf(ctx, input.roundId, input.bidRef).detail();
  });
}
