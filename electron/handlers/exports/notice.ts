import { formatDate } from '../../../shared/dates';
import { formatMoney } from '../../../shared/money';
import {
  appendicesSentence,
  appendixGroups,
  boardSentence,
  budgetSentence,
  bidsSentence,
  decisionSentence,
  fundName,
  outcomeSentence,
  paragraphTexts,
  plural,
  roundPhrase,
} from '../../../shared/notice-text';
import type { NoticeBid, NoticeData } from './notice-types';
import {
  paragraph,
  paragraphsOf,
  text,
  type Block,
  type Cell,
  type OfficialDocument,
} from './official-document';
import { renderOfficialPdf } from './official-pdf';
import { renderDocx } from './official-word';

// The Notice of Decision the commissioner signs, laid out section by section as the office's
// notices have always been. Every figure comes from the data; standing wording from the template.

export async function buildNoticeDocx(data: NoticeData): Promise<Buffer> {
  return renderDocx(noticeDocument(data));
}

/** The notice as PDF; a signed notice carries its signed content as an embedded file. */
export async function buildNoticePdf(data: NoticeData, attachment?: SignedAttachment): Promise<Buffer> {
  const doc = noticeDocument(data);
  if (attachment) doc.createdOn = data.signature?.date;
  if (attachment)
    doc.attachments = [
      {
        name: attachment.name,
        description: 'The signed content of this notice, for `tranche verify` or any Ed25519 checker',
        mediaType: 'application/json',
        data: attachment.data,
      },
    ];
  return renderOfficialPdf(doc);
}

export interface SignedAttachment {
  name: string;
  data: Buffer;
}

/** What is published in place of a confidential decision. */
export async function buildPublicSummaryPdf(data: NoticeData): Promise<Buffer> {
  return renderOfficialPdf(publicSummaryDocument(data));
}

export async function buildPublicSummaryDocx(data: NoticeData): Promise<Buffer> {
  return renderDocx(publicSummaryDocument(data));
}

// ---- Wording built from the figures --------------------------------------------------------

const DRAFT_LINE = 'DRAFT – not signed';
const NOT_SIGNED = 'Not yet signed';

/** The office's own summary when it wrote one (`notice set`), else one built from the figures. */
function executiveSummary(data: NoticeData): Block[] {
  const own = paragraphTexts(data.executiveSummary);
  return [
    { kind: 'heading', text: 'EXECUTIVE SUMMARY' },
    ...(own.length > 0
      ? own.map((part) => paragraph(part))
      : [paragraph(`${budgetSentence(data)} ${bidsSentence(data)}`)]),
    paragraph(`${appendicesSentence(data)} ${outcomeSentence(data)}`),
  ];
}

// ---- Sections ------------------------------------------------------------------------------

function opening(data: NoticeData): Block[] {
  const blocks: Block[] = [];
  if (data.draft) blocks.push({ kind: 'banner', text: DRAFT_LINE });
  if (data.demoNotice) blocks.push({ kind: 'banner', text: data.demoNotice });
  blocks.push(
    { kind: 'title', text: data.wording.issuingBody, size: 'large' },
    { kind: 'title', text: data.marking, size: 'normal' },
    { kind: 'title', text: 'NOTICE OF DECISION', size: 'medium' },
    { kind: 'title', text: data.number, size: 'normal' },
    paragraph([text('Contact officer: ', { bold: true }), text(data.contact.officer)]),
    paragraph([text('Telephone: ', { bold: true }), text(data.contact.telephone)]),
    paragraph([text('Email: ', { bold: true }), text(data.contact.email)]),
    paragraph([text('Title: ', { bold: true }), text(data.title, { bold: true })]),
  );
  if (data.supersedes)
    blocks.push(paragraph([text(`This decision supersedes decision ${data.supersedes}.`, { bold: true })]));
  return blocks;
}

/**
 * The conditions, then any reason the award departs from the ranking, then why it will reduce crime
 * and disorder (what the Specified Information Order asks to be published), as the record keeps them.
 */
export function conditionsAndReason(bid: NoticeBid): string {
  const conditions = bid.conditions.trim() || 'None';
  const reason = bid.reason?.trim();
  const crime = bid.crimeReduction?.trim();
  return [
    conditions,
    ...(reason ? [`Reason for departing from the ranking: ${reason}`] : []),
    ...(crime ? [`How it will reduce crime and disorder: ${crime}`] : []),
  ].join('\n');
}

function decision(data: NoticeData): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: 'DECISION' }, paragraph(decisionSentence(data))];
  if (data.decisions.length > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Ref', weight: 7 },
        { header: 'Partnership', weight: 20 },
        { header: 'Project', weight: 30 },
        { header: 'Amount', weight: 12, align: 'right' },
        { header: 'Conditions', weight: 31 },
      ],
      rows: data.decisions.map((bid): Cell[] => [
        { text: bid.ref, bold: true },
        { text: bid.partnership },
        { text: bid.title },
        { text: formatMoney(bid.awardedPence ?? 0), align: 'right' },
        { text: conditionsAndReason(bid) },
      ]),
      totals: [
        { text: 'Total awarded', bold: true, span: 3 },
        { text: formatMoney(data.awardedPence), bold: true, align: 'right' },
        { text: '' },
      ],
    });
  }
  blocks.push(
    paragraph(
      `${formatMoney(data.remainingPence)} of the ${formatMoney(data.availablePence)} available remains unallocated.`,
    ),
  );
  return blocks;
}

function signatureBlock(data: NoticeData): Block[] {
  const { signature } = data;
  const interests = signature ? signature.interests.trim() || 'None' : NOT_SIGNED;
  // The signature must sit on the same page as the declaration it signs.
  const blocks: Block[] = [
    paragraph([text(signature?.role || data.wording.signatoryRole, { bold: true })]),
    ...paragraphsOf(data.wording.declarationOfInterests),
    paragraph([text('Interests: ', { bold: true }), text(interests)]),
    paragraph([text('Signature: ', { bold: true }), text(signature ? signature.name : NOT_SIGNED)]),
    paragraph([text('Date: ', { bold: true }), text(signature ? formatDate(signature.date) : NOT_SIGNED)]),
    ...(signature
      ? [paragraph('Signed electronically: the last section of this notice says how to check it.')]
      : []),
  ];
  return [{ kind: 'together', blocks }];
}

/**
 * Once, at the end of a signed notice: who signed, when, with which key, and how anyone can check
 * it. (It used to be repeated in every page footer, which told a reader nothing a page could use.)
 */
function electronicSignature(data: NoticeData): Block[] {
  const { signature } = data;
  if (!signature || !data.fingerprint) return [];
  const key = data.keyFingerprint ?? null;
  const blocks: Block[] = [
    { kind: 'heading', text: 'How to check this notice' },
    paragraph([text('Signed by: ', { bold: true }), text(`${signature.name}, ${signature.role}`)]),
    paragraph([text('Date signed: ', { bold: true }), text(formatDate(signature.date))]),
    ...(key ? [paragraph([text('Signing key fingerprint: ', { bold: true }), text(key)])] : []),
    paragraph([text('Content SHA-256: ', { bold: true }), text(data.fingerprint)]),
    paragraph(
      key
        ? 'This PDF carries the signed content of the notice as an embedded file. To check it, open the ' +
            'file with `tranche verify` (or any Ed25519 checker) and compare the key fingerprint above ' +
            'with the one the office publishes on its website. A notice whose content or signature has ' +
            'been changed does not verify.'
        : 'This notice was signed before notices carried an electronic signature; the content SHA-256 ' +
            "above can be checked against the office's record.",
    ),
  ];
  return [{ kind: 'together', blocks }];
}

function facts(data: NoticeData): Block[] {
  const blocks: Block[] = [
    { kind: 'heading', text: 'NON-CONFIDENTIAL FACTS AND ADVICE TO THE POLICE AND CRIME COMMISSIONER' },
    ...paragraphTexts(data.background).map((part) => paragraph(part)),
    paragraph(budgetSentence(data)),
    paragraph(bidsSentence(data)),
  ];
  const board = boardSentence(data);
  if (board) blocks.push(paragraph(board));
  if (data.board && data.board.summary.length > 0)
    blocks.push({ kind: 'bullets', items: data.board.summary });
  blocks.push(paragraph(appendicesSentence(data)));
  return blocks;
}

function financialImplications(data: NoticeData): Block[] {
  const money = (label: string, pence: number, bold = false): Cell[] => [
    { text: label, bold },
    { text: formatMoney(pence), align: 'right', bold },
  ];
  return [
    { kind: 'heading', text: 'FINANCIAL IMPLICATIONS' },
    {
      kind: 'table',
      columns: [
        { header: fundName(data), weight: 75 },
        { header: 'Amount', weight: 25, align: 'right' },
      ],
      rows: [
        money('Total budget', data.budgetPence),
        ...data.commitments.map((c) => money(`Committed: ${c.description}`, c.amountPence)),
        money('Available to allocate', data.availablePence, true),
        money('Awarded by this decision', data.awardedPence),
        money('Remaining unallocated', data.remainingPence, true),
      ],
    },
  ];
}

function standardSections(data: NoticeData): Block[] {
  const { wording } = data;
  return [
    { kind: 'heading', text: 'LEGAL IMPLICATIONS' },
    ...paragraphsOf(wording.legalImplications),
    { kind: 'heading', text: 'EQUALITY IMPLICATIONS' },
    ...paragraphsOf(wording.equalityImplications),
    { kind: 'subheading', text: 'Schedule of Background Papers' },
    ...paragraphsOf(wording.backgroundPapers || 'None'),
    { kind: 'subheading', text: 'Public Access to Information' },
    ...paragraphsOf(wording.publicAccess),
  ];
}

function decisionLabel(bid: NoticeBid): string {
  return bid.awardedPence === null ? 'Not funded' : formatMoney(bid.awardedPence);
}

const reducedLabel = (bid: NoticeBid): string =>
  bid.reducedPence === null ? '–' : formatMoney(bid.reducedPence);

/** Appendix A partnership by partnership, with a subtotal for each and a grand total, as the office lays it out. */
function appendixA(data: NoticeData): Block[] {
  const groups = appendixGroups(data);
  const rows: Cell[][] = groups.flatMap((group): Cell[][] => {
    if (group.bids.length === 0)
      return [[{ text: '' }, { text: group.partnership, bold: true }, { text: 'No bid made', span: 4 }]];
    const bidRows = group.bids.map((bid, i): Cell[] => [
      { text: bid.ref, bold: true },
      // The partnership is named on its first bid, as in the office's own table.
      { text: i === 0 ? group.partnership : '' },
      { text: bid.title },
      { text: formatMoney(bid.requestedPence), align: 'right' },
      { text: reducedLabel(bid), align: 'right' },
      { text: decisionLabel(bid), align: 'right' },
    ]);
    const offered = group.bids.some((bid) => bid.reducedPence !== null);
    const subtotal: Cell[] = [
      { text: `Total for ${group.partnership}`, bold: true, span: 3 },
      { text: formatMoney(group.requestedPence), bold: true, align: 'right' },
      { text: offered ? formatMoney(group.reducedPence) : '–', bold: true, align: 'right' },
      { text: formatMoney(group.awardedPence), bold: true, align: 'right' },
    ];
    return [...bidRows, subtotal];
  });
  const total = (pick: (g: (typeof groups)[number]) => number) => groups.reduce((sum, g) => sum + pick(g), 0);
  const year =
    data.financialYear && !data.roundName.includes(data.financialYear) ? ` ${data.financialYear}` : '';
  return [
    { kind: 'heading', text: 'Appendix A – Summary of bids', newPage: true },
    paragraph([text(`${fundName(data)}${year}`, { bold: true })]),
    paragraph(`Total budget: ${formatMoney(data.budgetPence)}`),
    ...data.commitments.map((c) =>
      paragraph(`Amount committed to date: ${formatMoney(c.amountPence)} – ${c.description}`),
    ),
    paragraph(`Amount to allocate: ${formatMoney(data.availablePence)}`),
    paragraph(`Total amount requested: ${formatMoney(data.requestedPence)}`),
    {
      kind: 'table',
      columns: [
        { header: 'Ref', weight: 7 },
        { header: 'Partnership', weight: 19 },
        { header: 'Aims and objectives', weight: 35 },
        { header: 'Requested', weight: 13, align: 'right' },
        { header: 'Could be reduced to', weight: 13, align: 'right' },
        { header: 'Awarded', weight: 13, align: 'right' },
      ],
      rows,
      totals: [
        { text: 'Grand total', bold: true, span: 3 },
        { text: formatMoney(total((g) => g.requestedPence)), bold: true, align: 'right' },
        { text: formatMoney(total((g) => g.reducedPence)), bold: true, align: 'right' },
        { text: formatMoney(total((g) => g.awardedPence)), bold: true, align: 'right' },
      ],
    },
  ];
}

function appendixB(data: NoticeData): Block[] {
  if (!data.appendixB) return [];
  return [
    { kind: 'heading', text: 'Appendix B – Business cases', newPage: true },
    ...data.appendixB.flatMap((bid): Block[] => [
      { kind: 'subheading', text: `${bid.ref}: ${bid.title}` },
      ...bid.sections.flatMap((section): Block[] => [
        paragraph([text(section.heading, { bold: true, italics: true })]),
        ...paragraphsOf(section.body),
      ]),
    ]),
  ];
}

function footerNotes(data: NoticeData): string[] {
  return [...(data.draft ? [DRAFT_LINE] : []), ...(data.demoNotice ? [data.demoNotice] : [])];
}

function noticeDocument(data: NoticeData): OfficialDocument {
  return {
    title: `Notice of Decision ${data.number}: ${data.title}`,
    subject: 'Notice of Decision',
    runningHeader: data.draft ? DRAFT_LINE : null,
    footer: {
      label: `Notice of Decision ${data.number}`,
      notes: footerNotes(data),
      smallPrint: null,
    },
    blocks: [
      ...opening(data),
      ...executiveSummary(data),
      ...decision(data),
      ...signatureBlock(data),
      ...facts(data),
      ...financialImplications(data),
      ...standardSections(data),
      ...appendixA(data),
      ...appendixB(data),
      ...electronicSignature(data),
    ],
  };
}

// ---- Public summary ------------------------------------------------------------------------

function publicSummaryDocument(data: NoticeData): OfficialDocument {
  const count = data.decisions.length;
  const summary =
    `The Commissioner approved ${plural(count, 'bid', 'bids')} from ${roundPhrase(data)}, awarding ` +
    `${formatMoney(data.awardedPence)} in all.`;
  // The draft and demonstration marks stay: without them a summary could pass for a real, signed one.
  const marks: Block[] = footerNotes(data).map((note) => ({ kind: 'banner', text: note }));
  return {
    title: `Decision ${data.number}: ${data.title}`,
    subject: 'Summary of a confidential decision',
    runningHeader: null,
    footer: null,
    blocks: [
      ...marks,
      { kind: 'title', text: data.wording.issuingBody, size: 'large' },
      paragraph([text('Title: ', { bold: true }), text(data.title, { bold: true })]),
      paragraph([text('Decision number: ', { bold: true }), text(data.number)]),
      paragraph([
        text('Date signed: ', { bold: true }),
        text(data.signature ? formatDate(data.signature.date) : NOT_SIGNED),
      ]),
      paragraph(summary),
    ],
  };
}
