import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildLetterDocx, buildLetterPdf } from '../../electron/handlers/exports/letters';
import type { LetterData } from '../../electron/handlers/exports/notice-types';
import { requirePoppler } from '../support/required-tool';
import { pdfPageCount, pdfText, withPdfFile, wordParts, wordTables, wordXmlText } from './document-text';

const AWARD: LetterData = {
  kind: 'award',
  issuingBody: 'West Midlands Police and Crime Commissioner',
  date: '2013-11-14',
  partnership: 'Birmingham Community Safety Partnership',
  ref: 'B1',
  title: 'Youth Violence project',
  fund: 'Invest to Save Budget',
  roundName: 'tranche 2',
  requestedPence: 10_000_000,
  awardedPence: 9_000_000,
  conditions: '- Funding released in two instalments\n2. Quarterly progress reports to the office\n\n',
  declineReason: null,
  feedback: [
    {
      criterion: 'Fit with the Police and Crime Plan',
      text: 'Directly addresses youth violence, a plan priority.',
    },
    { criterion: 'Savings and sustainability', text: 'The exit plan after year one is thin.' },
  ],
  noticeNumber: '003/2013',
  contact: { officer: 'Alethea Fuller', telephone: '0121 626 6060', email: 'a.fuller@example.police.uk' },
  signatoryRole: 'West Midlands Police and Crime Commissioner',
  demoNotice: null,
};

const DECLINE: LetterData = {
  ...AWARD,
  kind: 'decline',
  ref: 'B2',
  title: 'Domestic Abuse project',
  requestedPence: 9_500_000,
  awardedPence: null,
  conditions: '',
  demoNotice: 'Demonstration data: not a real funding round',
};

function expectAwardLetter(text: string): void {
  expect(text).toContain('14 November 2013');
  expect(text).toContain('Dear colleagues at Birmingham Community Safety Partnership,');
  expect(text).toContain('B1: Youth Violence project');
  expect(text).toContain('£90,000');
  expect(text).toContain('£100,000 requested');
  expect(text).toContain('Funding released in two instalments');
  expect(text).toContain('Quarterly progress reports to the office');
  expect(text).not.toContain('- Funding');
  expect(text).toContain('Notice of Decision 003/2013');
  expect(text).toContain('Feedback from the assessment');
  expect(text).toContain('Directly addresses youth violence, a plan priority.');
  expect(text).toContain('The exit plan after year one is thin.');
  expect(text).toContain('Alethea Fuller');
  expect(text).toContain('0121 626 6060');
}

function expectDeclineLetter(text: string): void {
  expect(text.indexOf('Demonstration data: not a real funding round')).toBeLessThan(
    text.indexOf('Dear colleagues'),
  );
  expect(text).toContain('B2: Domestic Abuse project');
  expect(text).toContain('not funded in this round');
  expect(text).not.toContain('awarded');
  expect(text).not.toContain('conditions');
  expect(text).toContain('Feedback from the assessment');
}

describe('award and decline letters as PDF', () => {
  it('tells a partnership what it was awarded, on what conditions, and why', async (context) => {
    requirePoppler(context, 'pdftotext');
    const pdf = await buildLetterPdf(AWARD);
    expectAwardLetter(pdfText(pdf));
    expect(pdfText(pdf)).toContain('Page 1 of');
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
  });

  it('tells a partnership its bid was not funded', async (context) => {
    requirePoppler(context, 'pdftotext');
    expectDeclineLetter(pdfText(await buildLetterPdf(DECLINE)));
  });

  it('is tagged for a screen reader, its conditions a list and its title shown', async (context) => {
    const pdfinfo = requirePoppler(context, 'pdfinfo');
    const pdf = await buildLetterPdf(AWARD);
    expect(withPdfFile(pdf, (file) => execFileSync(pdfinfo, [file], { encoding: 'utf8' }))).toMatch(
      /Tagged:\s+yes/,
    );
    const tree = withPdfFile(pdf, (file) =>
      execFileSync(pdfinfo, ['-struct-text', file], { encoding: 'utf8' }),
    );
    expect(tree).toMatch(/^ *L \(block\)$/m);
    expect(tree).toMatch(/^ *LBody/m);
    expect(tree).not.toContain('Page 1 of');
    expect(pdf.toString('latin1')).toContain('/Lang (en-GB)');
  });
});

describe('award and decline letters as Word', () => {
  it('says what the PDF says', async () => {
    const { document } = await wordParts(await buildLetterDocx(AWARD));
    expectAwardLetter(wordXmlText(document).replace(/\s+/g, ' '));
    for (const table of wordTables(document))
      expect(table).toMatch(/<w:tblGrid>(?:<w:gridCol w:w="\d+"\/>)+<\/w:tblGrid>/);
  });

  it('says a declined bid was not funded', async () => {
    const { document } = await wordParts(await buildLetterDocx(DECLINE));
    expectDeclineLetter(wordXmlText(document).replace(/\s+/g, ' '));
  });
});
