import { describe, expect, it } from 'vitest';
import { paragraph, type Block } from '../../electron/handlers/exports/official-document';
import { renderOfficialPdf } from '../../electron/handlers/exports/official-pdf';
import { requirePoppler } from '../support/required-tool';
import { pdfPageCount, pdfText } from './document-text';

// The tagged PDF writer's page breaks: a table's totals row is never carried alone onto a new page,
// wherever on the page the table happens to fall.

const table: Block = {
  kind: 'table',
  columns: [
    { header: 'Ref', weight: 1 },
    { header: 'Project', weight: 4 },
    { header: 'Amount', weight: 2, align: 'right' },
  ],
  rows: ['A1', 'A2', 'A3'].map((ref) => [
    { text: ref },
    { text: `Project ${ref}` },
    { text: '£1,000', align: 'right' },
  ]),
  totals: [
    { text: 'Total awarded', bold: true, span: 2 },
    { text: '£3,000', bold: true, align: 'right' },
  ],
};

describe('tagged PDF page breaks', () => {
  it('keeps a totals row with the row above it, at every position on the page', async (context) => {
    requirePoppler(context, 'pdftotext');
    let carried = 0;
    for (let filler = 30; filler <= 48; filler++) {
      const blocks = [...Array.from({ length: filler }, (_, i) => paragraph(`Line ${i + 1}.`)), table];
      const pdf = await renderOfficialPdf({
        title: 'Test',
        subject: 'Test',
        blocks,
        runningHeader: null,
        footer: null,
      });
      const pages = pdfPageCount(pdf);
      const last = pdfText(pdf, '-f', String(pages), '-l', String(pages));
      if (pages > 1 && !last.includes('Line')) carried += 1;
      // On the page that has the total, at least one of the table's rows comes before it.
      const before = last.slice(0, last.indexOf('Total awarded'));
      expect(before, `with ${filler} lines before the table`).toMatch(/A\d Project A\d/);
    }
    expect(carried, 'some layouts carry the table over a page break').toBeGreaterThan(0);
  });
});
