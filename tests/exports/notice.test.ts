import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/money';
import {
  buildNoticeDocx,
  buildNoticePdf,
  buildPublicSummaryDocx,
  buildPublicSummaryPdf,
} from '../../electron/handlers/exports/notice';
import type { NoticeBid, NoticeData } from '../../electron/handlers/exports/notice-types';
import { pdfPageCount, pdfText, withPdfFile, wordParts, wordTables, wordXmlText } from './document-text';
import { requirePoppler } from '../support/required-tool';

// The 2013-14 Invest to Save round: thirteen bids from six of the seven partnerships, £350,000
// less a £30,000 domestic homicide review commitment. The awards are illustrative.
const pounds = (amount: number): number => Math.round(amount * 100);

function bid(
  ref: string,
  partnership: string,
  title: string,
  requested: number,
  awarded: number | null,
  reduced: number | null = null,
  conditions = '',
): NoticeBid {
  return {
    ref,
    partnership,
    title,
    requestedPence: pounds(requested),
    reducedPence: reduced === null ? null : pounds(reduced),
    awardedPence: awarded === null ? null : pounds(awarded),
    conditions,
  };
}

const SOLIHULL = 'Safer Solihull Partnership';
const COVENTRY = 'Coventry Local Police and Crime Board';
const WALSALL = 'Safer Walsall Partnership';
const BIRMINGHAM = 'Birmingham Community Safety Partnership';
const SANDWELL = 'Safer Sandwell Partnership';

const BIDS: NoticeBid[] = [
  bid('S1', SOLIHULL, "Project to address violent crime in Chelmsley Wood and Smith's Wood", 50_000, 50_000),
  bid('D1', 'Safe and Sound Dudley', 'Commissioning the local Community Payback team', 50_000, null),
  bid(
    'C1',
    COVENTRY,
    'Safeguarding Hub: early intervention and prevention for domestic abuse',
    35_000,
    35_000,
    null,
    'Quarterly progress reports to the office',
  ),
  bid('C2', COVENTRY, 'Safer Homes Initiative: 20 additional Special Constables', 38_000, null),
  bid('W1', WALSALL, 'Business Crime Initiative', 25_000, null),
  bid('W2', WALSALL, 'No Cold Calling Zones', 15_000, 15_000),
  bid(
    'B1',
    BIRMINGHAM,
    'Youth Violence project',
    100_000,
    90_000,
    90_000,
    'Funding released in two instalments',
  ),
  bid('B2', BIRMINGHAM, 'Domestic Abuse project', 95_000, null, 75_000),
  bid('SS1', SANDWELL, 'Domehawk cameras for town centre priorities', 33_760, 33_760),
  bid('SS2', SANDWELL, 'Alternative Pathways for young people at risk', 20_000, null),
  bid('SS3', SANDWELL, 'Polish Engagement Project', 1_500, 1_500),
  bid('SS4', SANDWELL, 'Multi Agency Safeguarding Hub co-location', 38_000, null),
  bid('SS5', SANDWELL, 'Rights and Equality Sandwell reference group', 8_000, null),
];
const FUNDED = BIDS.filter((b) => b.awardedPence !== null);
const AWARDED = FUNDED.reduce((sum, b) => sum + (b.awardedPence ?? 0), 0);
const FINGERPRINT = 'a3f1c2e4b5d60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';
const KEY = '3F2A 9C1B 0000 1111 2222 3333 4444 5555 6666 7777 8888 9999 AAAA BBBB CCCC DDDD';

const SIGNED: NoticeData = {
  marking: 'NON-CONFIDENTIAL',
  number: '003/2013',
  title: 'Invest to Save Budget Business Cases',
  contact: { officer: 'Alethea Fuller', telephone: '0121 626 6060', email: 'a.fuller@example.police.uk' },
  wording: {
    issuingBody: 'West Midlands Police and Crime Commissioner',
    signatoryRole: 'West Midlands Police and Crime Commissioner',
    legalImplications:
      'Grants for crime and disorder may be made under Schedule 9 of the Police Reform and Social ' +
      'Responsibility Act 2011, with conditions.',
    equalityImplications: 'Equality implications are considered in every decision on this budget.',
    declarationOfInterests:
      'I confirm that I have no disclosable pecuniary interest in this decision.\n\nAny interests are stated below.',
    publicAccess:
      'This decision falls under the Freedom of Information Act 2000 and will be published on the website.',
    backgroundPapers: 'None',
  },
  fund: 'Invest to Save Budget',
  roundName: 'tranche 2',
  financialYear: '2013-14',
  budgetPence: pounds(350_000),
  commitments: [{ description: 'Domestic Homicide Review project', amountPence: pounds(30_000) }],
  availablePence: pounds(320_000),
  requestedPence: pounds(509_260),
  bidCount: 13,
  partnershipCount: 6,
  noBidFrom: ['Wolverhampton'],
  board: {
    meetingOn: '2013-11-05',
    summary: ['Members favoured early intervention.', 'Members asked for evaluation of the camera scheme.'],
  },
  decisions: FUNDED,
  awardedPence: AWARDED,
  remainingPence: pounds(320_000) - AWARDED,
  appendixA: BIDS,
  appendixB: [
    {
      ref: 'B1',
      title: 'Youth Violence project',
      sections: [{ heading: 'Outcomes', body: 'Fewer young people drawn into violence.' }],
    },
  ],
  signature: {
    name: 'Bob Jones',
    role: 'West Midlands Police and Crime Commissioner',
    date: '2013-11-12',
    interests: 'None',
  },
  fingerprint: FINGERPRINT,
  keyFingerprint: KEY,
  draft: false,
  demoNotice: null,
  supersedes: null,
};

const DRAFT: NoticeData = {
  ...SIGNED,
  signature: null,
  fingerprint: null,
  draft: true,
  demoNotice: 'Demonstration data: not a real funding round',
  supersedes: '002/2013',
};

/** Strings both formats must carry for a signed notice. */
function expectNoticeContent(text: string): void {
  for (const b of FUNDED) {
    expect(text).toContain(b.ref);
    expect(text).toContain(formatMoney(b.awardedPence ?? 0));
  }
  expect(text).toContain('£90,000');
  expect(text).toContain('£35,000');
  expect(text).toContain(formatMoney(AWARDED));
  for (const figure of ['£350,000', '£30,000', '£320,000', '£509,260']) expect(text).toContain(figure);
  expect(text).toContain(
    `${formatMoney(320_000_00 - AWARDED)} of the £320,000 available remains unallocated`,
  );
  expect(text).toContain('Total awarded');
  expect(text).toContain('NOTICE OF DECISION');
  expect(text).toContain('003/2013');
  expect(text).toContain('13 bids were received from 6 partnerships');
  expect(text).toContain('No bids were received from Wolverhampton');
  expect(text).toContain('5 November 2013');
  expect(text).toContain('Members favoured early intervention.');
  expect(text).toContain('12 November 2013');
  expect(text).toContain('Bob Jones');
  expect(text).toContain('Fewer young people drawn into violence.');
}

/** Each bid's ref and its decision appear in Appendix A, after its heading. */
function expectAppendixRows(text: string): void {
  const appendix = text.slice(text.indexOf('Appendix A – Summary of bids'));
  expect(appendix.length).toBeLessThan(text.length);
  for (const b of BIDS) expect(appendix).toMatch(new RegExp(`\\b${b.ref}\\b`));
  expect(appendix.split('Not funded').length - 1).toBe(BIDS.length - FUNDED.length);
}

/** Whether the parts occur in this order, each searched for after the one before. */
function inOrder(text: string, parts: string[]): string[] {
  let from = 0;
  const missing: string[] = [];
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) missing.push(part);
    else from = at + part.length;
  }
  return missing;
}
const SECTIONS = [
  'NON-CONFIDENTIAL',
  'NOTICE OF DECISION',
  '003/2013',
  'Contact officer',
  'Title:',
  'EXECUTIVE SUMMARY',
  'DECISION',
  'I have considered',
  'Total awarded',
  'Signature:',
  'Date:',
  'NON-CONFIDENTIAL FACTS AND ADVICE TO THE POLICE AND CRIME COMMISSIONER',
  'FINANCIAL IMPLICATIONS',
  'LEGAL IMPLICATIONS',
  'EQUALITY IMPLICATIONS',
  'Schedule of Background Papers',
  'Public Access to Information',
  'Appendix A',
  'Appendix B',
];

describe('notice of decision PDF', () => {
  it('is a PDF', async () => {
    expect((await buildNoticePdf(SIGNED)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('carries every award, the figures, Appendix A and the footer', async (context) => {
    requirePoppler(context, 'pdftotext');
    const pdf = await buildNoticePdf(SIGNED);
    const text = pdfText(pdf);
    expectNoticeContent(text);
    expectAppendixRows(text);
    expect(text).toContain('Page 1 of');
    // The signature block (signer, date, key fingerprint, how to check it) sits once, at the end,
    // not in every page footer.
    const block = text.slice(text.lastIndexOf('How to check this notice'));
    expect(text.lastIndexOf('How to check this notice')).toBeGreaterThan(
      text.indexOf('Appendix A – Summary'),
    );
    expect(block).toContain(`Content SHA-256: ${FINGERPRINT}`);
    expect(block).toContain(`Signing key fingerprint: ${KEY}`);
    expect(block).toContain('Signed by: Bob Jones');
    expect(block).toContain('tranche verify');
    expect(text.split(FINGERPRINT)).toHaveLength(2);
    expect(text.split(KEY)).toHaveLength(2);
    expect(text).not.toContain('DRAFT');
    expect(inOrder(text, SECTIONS)).toEqual([]);
  });

  it('starts Appendix A on a page of its own and numbers every page', async (context) => {
    requirePoppler(context, 'pdftotext');
    const pdf = await buildNoticePdf(SIGNED);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const appendixPage = Array.from({ length: pages }, (_, i) => i + 1).find((page) =>
      pdfText(pdf, '-f', String(page), '-l', String(page)).includes('Appendix A – Summary'),
    );
    expect(appendixPage).toBeDefined();
    const pageText = pdfText(pdf, '-f', String(appendixPage), '-l', String(appendixPage));
    expect(pageText.trimStart().startsWith('Appendix A')).toBe(true);
    expect(pdfText(pdf, '-f', String(pages), '-l', String(pages))).toContain(`Page ${pages} of ${pages}`);
  });

  it('marks a draft, the demonstration notice and what it supersedes, and is not signed', async (context) => {
    requirePoppler(context, 'pdftotext');
    const text = pdfText(await buildNoticePdf(DRAFT));
    expect(text.indexOf('DRAFT – not signed')).toBeLessThan(text.indexOf('NOTICE OF DECISION'));
    expect(text).toContain('Demonstration data: not a real funding round');
    expect(text).toContain('This decision supersedes decision 002/2013.');
    expect(text).toContain('Signature: Not yet signed');
    expect(text).toContain('Date: Not yet signed');
    expect(text).not.toContain('SHA-256');
  });

  it('embeds its fonts', async (context) => {
    const pdffonts = requirePoppler(context, 'pdffonts');
    const fonts = withPdfFile(await buildNoticePdf(SIGNED), (file) =>
      execFileSync(pdffonts, [file], { encoding: 'utf8' }),
    );
    const lines = fonts
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/Roboto.*\byes\b/);
  });
});

describe('notice of decision PDF for every reader', () => {
  const run = (tool: string, args: string[], pdf: Buffer): string =>
    withPdfFile(pdf, (file) => execFileSync(tool, [...args, file], { encoding: 'utf8' }));

  it('is tagged, with its title shown, its language, and headings in reading order', async (context) => {
    const pdfinfo = requirePoppler(context, 'pdfinfo');
    const pdf = await buildNoticePdf(SIGNED);
    expect(run(pdfinfo, [], pdf)).toMatch(/Tagged:\s+yes/);
    expect(run(pdfinfo, [], pdf)).toMatch(/Title:\s+Notice of Decision 003\/2013: Invest to Save Budget/);
    const catalog = pdf.toString('latin1');
    expect(catalog).toContain('/Lang (en-GB)');
    expect(catalog).toContain('/DisplayDocTitle true');

    const tree = run(pdfinfo, ['-struct-text'], pdf);
    const headings = [...tree.matchAll(/^ *(H\d) \(block\)\n *"([^"]*)"/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings.filter((h) => h.startsWith('H1'))).toEqual(['H1 NOTICE OF DECISION']);
    expect(headings).toEqual(
      expect.arrayContaining([
        'H2 DECISION',
        'H2 Appendix A – Summary of bids',
        'H3 Schedule of Background Papers',
      ]),
    );
    // The structure reads in the order of the page, section by section.
    const texts = [...tree.matchAll(/^ *"([^"]*)"$/gm)].map((m) => m[1]).join('\n');
    expect(inOrder(texts, SECTIONS)).toEqual([]);
    // Page furniture (footers, rules) is marked as such, out of what a screen reader reads.
    expect(tree).not.toContain('Page 1 of');
    expect(texts).toContain('Content SHA-256');
  });

  it('gives its tables header cells that label their columns', async (context) => {
    const pdfinfo = requirePoppler(context, 'pdfinfo');
    const tree = run(pdfinfo, ['-struct-text'], await buildNoticePdf(SIGNED));
    const tables = tree.split(/^ *Table \(block\)$/m).slice(1);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    const decision = tables[0] ?? '';
    const headers = [...decision.matchAll(/TH:\n *\/Scope \/Column\n *"([^"]*)"/g)].map((m) => m[1]);
    expect(headers).toEqual(['Ref', 'Partnership', 'Project', 'Amount', 'Conditions']);
    // Each award is a row of data cells, after the header row.
    const firstAward = FUNDED[0]?.ref ?? '';
    expect(decision.indexOf(`"${firstAward}"`)).toBeGreaterThan(decision.indexOf('"Conditions"'));
    expect(decision).toMatch(/TR\n *TD\n *"/);
  });

  it('reads in order as text: pdftotext meets the sections as the page sets them out', async (context) => {
    requirePoppler(context, 'pdftotext');
    expect(inOrder(pdfText(await buildNoticePdf(SIGNED)), SECTIONS)).toEqual([]);
  });
});

describe('notice of decision Word file', () => {
  it('says what the PDF says', async () => {
    const parts = await wordParts(await buildNoticeDocx(SIGNED));
    const text = wordXmlText(parts.document).replace(/\s+/g, ' ');
    expectNoticeContent(text);
    expectAppendixRows(text);
    expect(inOrder(text, SECTIONS)).toEqual([]);
  });

  it('puts the page number in the footer and the fingerprints once, at the end of the body', async () => {
    const footers = (await wordParts(await buildNoticeDocx(SIGNED))).footers.join('\n');
    expect(wordXmlText(footers)).toContain('Page ');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    expect(wordXmlText(footers)).not.toContain(FINGERPRINT);
    expect(wordXmlText(footers)).not.toContain(KEY);
    const body = wordXmlText((await wordParts(await buildNoticeDocx(SIGNED))).document);
    expect(body.slice(body.indexOf('How to check this notice'))).toContain(`Signing key fingerprint: ${KEY}`);
    expect(wordXmlText(footers)).toContain('003/2013');
  });

  it('gives every table fixed column widths', async () => {
    const { document } = await wordParts(await buildNoticeDocx(SIGNED));
    const tables = wordTables(document);
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const table of tables) {
      expect(table).toMatch(/<w:tblGrid>(?:<w:gridCol w:w="\d+"\/>)+<\/w:tblGrid>/);
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    }
  });

  it('marks a draft at the top of the document and of every page', async () => {
    const parts = await wordParts(await buildNoticeDocx(DRAFT));
    const text = wordXmlText(parts.document);
    expect(text.indexOf('DRAFT – not signed')).toBeLessThan(text.indexOf('NOTICE OF DECISION'));
    expect(text).toContain('Demonstration data: not a real funding round');
    expect(text).toContain('This decision supersedes decision 002/2013.');
    expect(wordXmlText(parts.headers.join('\n'))).toContain('DRAFT – not signed');
    expect(wordXmlText(parts.footers.join('\n'))).not.toContain('SHA-256');
  });
});

describe('public summary of a confidential decision', () => {
  const CONFIDENTIAL: NoticeData = { ...SIGNED, marking: 'CONFIDENTIAL' };
  const SUMMARY =
    `The Commissioner approved ${FUNDED.length} bids from the tranche 2 round of the Invest to Save ` +
    `Budget, awarding ` +
    `${formatMoney(AWARDED)} in all.`;

  it('gives only the body, title, number, date and one-line outcome (PDF)', async (context) => {
    requirePoppler(context, 'pdftotext');
    const text = pdfText(await buildPublicSummaryPdf(CONFIDENTIAL));
    for (const part of [
      'West Midlands Police and Crime Commissioner',
      'Invest to Save Budget Business Cases',
      '003/2013',
      '12 November 2013',
      SUMMARY,
    ])
      expect(text).toContain(part);
    for (const secret of ['B1', 'Birmingham', 'Wolverhampton', '£90,000', 'Appendix'])
      expect(text).not.toContain(secret);
  });

  it('says when it is not yet signed (Word)', async () => {
    const { document } = await wordParts(await buildPublicSummaryDocx({ ...CONFIDENTIAL, signature: null }));
    const text = wordXmlText(document);
    expect(text).toContain('Not yet signed');
    expect(text.replace(/\s+/g, ' ')).toContain(SUMMARY);
    expect(text).not.toContain('Birmingham');
  });
});
