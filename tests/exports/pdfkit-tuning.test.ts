import { describe, expect, it } from 'vitest';
import { pdfFontFiles } from '../../electron/handlers/exports/pdf';
import { takeOutput, writeOutFinishedPages } from '../../electron/handlers/exports/pdfkit-tuning';
import { requirePoppler } from '../support/required-tool';
import { pdfText } from './document-text';

// A long PDF is written out page by page as it is laid out, not held whole until its footers are
// drawn: at 20,000 bids holding it took most of the export's memory. The footers, drawn on every
// page at the end, still land on their pages, after the page's text.

async function threePages() {
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({ font: null as unknown as string, autoFirstPage: false, bufferPages: true });
  const output = takeOutput(pdf);
  writeOutFinishedPages(pdf);
  pdf.registerFont('Body', (await pdfFontFiles()).normal);
  const writtenAfter: number[] = [];
  for (let page = 1; page <= 3; page++) {
    pdf.addPage();
    writtenAfter.push(output.written());
    pdf.font('Body').fontSize(10);
    for (let line = 1; line <= 40; line++)
      pdf.text(`Page ${page} body line ${line} of the decision`, 50, 40 + 15 * line);
  }
  for (let page = 0; page < 3; page++) {
    pdf.switchToPage(page);
    pdf.text(`Footer ${page + 1} of 3`, 50, 780, { lineBreak: false });
  }
  pdf.end();
  return { writtenAfter, bytes: await output.done };
}

describe('writing a long PDF out as it goes', () => {
  it('writes each finished page out when the next begins', async () => {
    const { writtenAfter } = await threePages();
    const [first = 0, second = 0, third = 0] = writtenAfter;
    // Forty lines of a page's drawing, compressed, come to well over a few hundred bytes.
    expect(second - first).toBeGreaterThan(400);
    expect(third - second).toBeGreaterThan(400);
  });

  it('keeps footers drawn later on their own pages, after the text', async (context) => {
    requirePoppler(context, 'pdftotext');
    const { bytes } = await threePages();
    for (const n of [1, 2, 3]) {
      const page = pdfText(bytes, '-f', String(n), '-l', String(n));
      expect(page).toContain(`Page ${n} body line 40`);
      expect(page.indexOf(`Footer ${n} of 3`)).toBeGreaterThan(page.indexOf(`Page ${n} body line 40`));
    }
  });
});
