import { describe, expect, it } from 'vitest';
import { paragraph, type Block } from '../../electron/handlers/exports/official-document';
import { renderOfficialPdf } from '../../electron/handlers/exports/official-pdf';
import { requirePoppler } from '../support/required-tool';
import { execFileSync } from 'node:child_process';
import { PDFTOTEXT, pdfPageCount, pdfText, withPdfFile } from './document-text';

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

// Table cells that fit on one line are measured and drawn without pdfkit's line wrapper; those that
// do not are still wrapped within their column.
describe('tagged PDF table cells', () => {
  it('right-aligns amounts of any width and wraps a long title within its column', async (context) => {
    requirePoppler(context, 'pdftotext');
    const long = 'A very long project title that cannot possibly fit on a single line of its narrow column';
    const pdf = await renderOfficialPdf({
      title: 'Test',
      subject: 'Test',
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: 'Ref', weight: 1 },
            { header: 'Project', weight: 3 },
            { header: 'Amount', weight: 2, align: 'right' },
          ],
          rows: [
            [{ text: 'A1' }, { text: 'Short' }, { text: '£1', align: 'right' }],
            [{ text: 'A2' }, { text: long }, { text: '£123,456', align: 'right' }],
          ],
        },
      ],
      runningHeader: null,
      footer: null,
    });
    const words = withPdfFile(pdf, (file) =>
      execFileSync(PDFTOTEXT, ['-bbox', file, '-'], { encoding: 'utf8' }),
    ).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g);
    const boxes = [...words].map(([, x0, y0, x1, text]) => ({ x0: +x0!, y0: +y0!, x1: +x1!, text: text! }));
    const at = (text: string) => boxes.find((b) => b.text === text)!;
    expect(Math.abs(at('£1').x1 - at('£123,456').x1)).toBeLessThan(0.5);
    expect(Math.abs(at('Amount').x1 - at('£1').x1)).toBeLessThan(40);
    const titleLines = new Set(
      long.split(' ').map((word) => Math.round(boxes.find((b) => b.text === word)?.y0 ?? -1)),
    );
    expect(titleLines.size).toBeGreaterThan(1);
    expect(Math.max(...boxes.filter((b) => long.includes(b.text)).map((b) => b.x1))).toBeLessThan(
      at('£1').x1 - 40,
    );
  });
});
