import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import type { LetterData } from './notice-types';
import { paragraph, text, type Block, type OfficialDocument } from './official-document';
import { renderOfficialPdf } from './official-pdf';
import { renderDocx } from './official-word';

// The letter each partnership receives after the decision: the outcome for its bid, the
// conditions attached to an award, and what the assessors said about it.

export async function buildLetterDocx(data: LetterData): Promise<Buffer> {
  return renderDocx(letterDocument(data));
}

export async function buildLetterPdf(data: LetterData): Promise<Buffer> {
  return renderOfficialPdf(letterDocument(data));
}

/** Conditions are typed one per line, sometimes with their own bullet or number in front. */
export function conditionsOf(conditions: string): string[] {
  return conditions
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[-•*]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '');
}

function roundName(data: LetterData): string {
  return `${data.fund} ${data.roundName}`;
}

function awardBlocks(data: LetterData): Block[] {
  const awarded = data.awardedPence ?? 0;
  const against =
    awarded === data.requestedPence
      ? `the full amount requested`
      : `against the ${formatMoney(data.requestedPence)} requested`;
  const blocks: Block[] = [
    paragraph([
      text(`I am pleased to tell you that the Commissioner has awarded `),
      text(formatMoney(awarded), { bold: true }),
      text(` to this bid from the ${roundName(data)}, ${against}.`),
    ]),
  ];
  const conditions = conditionsOf(data.conditions);
  if (conditions.length > 0)
    blocks.push(paragraph('The grant is made on these conditions:'), { kind: 'bullets', items: conditions });
  blocks.push(
    paragraph(
      'Payment is made in arrears, on claims for satisfactory work completed, under a grant agreement ' +
        'that sets out these conditions and what the money may be spent on. We will send the agreement ' +
        'for signature; no payment can be made before it is signed.',
    ),
    paragraph(`The award is recorded in Notice of Decision ${data.noticeNumber}.`),
  );
  return blocks;
}

function declineBlocks(data: LetterData): Block[] {
  return [
    paragraph(
      `I am sorry to tell you that this bid, which requested ${formatMoney(data.requestedPence)}, was ` +
        `not funded in this round of the ${roundName(data)}.`,
    ),
    ...(data.declineReason ? [paragraph([text('Why: ', { bold: true }), text(data.declineReason)])] : []),
    paragraph(`The decision is recorded in Notice of Decision ${data.noticeNumber}.`),
  ];
}

function feedbackBlocks(data: LetterData): Block[] {
  const items = data.feedback.filter((f) => f.text.trim() !== '');
  return [
    { kind: 'subheading', text: 'Feedback from the assessment' },
    ...(items.length === 0
      ? [paragraph([text('No written feedback was recorded for this bid.', { italics: true })])]
      : items.map((f) => paragraph([text(`${f.criterion}: `, { bold: true }), text(f.text.trim())]))),
  ];
}

function closingBlocks(data: LetterData): Block[] {
  const { officer, telephone, email } = data.contact;
  return [
    paragraph(
      `If you have any questions about this letter, please contact ${officer} on ${telephone} or at ${email}.`,
    ),
    paragraph('Yours sincerely,'),
    paragraph([text(data.signatoryRole, { bold: true })]),
    // Where the role already names the body (as a commissioner's does), saying it twice reads oddly.
    ...(data.signatoryRole.includes(data.issuingBody) ? [] : [paragraph(data.issuingBody)]),
  ];
}

function letterDocument(data: LetterData): OfficialDocument {
  const subject = `${data.ref}: ${data.title}`;
  return {
    title: `${subject} – ${data.kind === 'award' ? 'award' : 'decision'} letter`,
    subject: `Letter to ${data.partnership}`,
    runningHeader: null,
    footer: {
      label: `${data.ref} · Notice of Decision ${data.noticeNumber}`,
      notes: data.demoNotice ? [data.demoNotice] : [],
      smallPrint: null,
    },
    blocks: [
      ...(data.demoNotice ? [{ kind: 'banner', text: data.demoNotice } as const] : []),
      { kind: 'title', text: data.issuingBody, size: 'medium' },
      paragraph(formatDate(data.date), 'right'),
      paragraph(`Dear colleagues at ${data.partnership},`),
      paragraph([text(subject, { bold: true })]),
      ...(data.kind === 'award' ? awardBlocks(data) : declineBlocks(data)),
      ...feedbackBlocks(data),
      ...closingBlocks(data),
    ],
  };
}
