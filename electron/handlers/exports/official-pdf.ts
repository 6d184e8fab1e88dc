import type { Block, Cell, OfficialDocument, Run } from './official-document';
import { TITLE_SIZES } from './official-document';
import { loadPdfWriter } from '../lazy-libraries';
import { shapeFontsAsChosen, takeOutput, writeOutFinishedPages } from './pdfkit-tuning';

// The official documents and the panel pack as tagged PDF, written with pdfkit directly: pdfmake lays
// text out without marking it, so a screen reader would meet an untagged page. Here every
// block becomes a structure element in reading order (H1 for the document's title, H2 and H3 for
// headings, P, L/LI/Lbl/LBody, Table/TR/TH/TD with column scope), page furniture (rules, running
// header, footer, repeated table headers) is marked as artifacts, and the catalog carries the
// title, shown in the window bar, and the language, en-GB.

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

// A4 portrait in points with 2 cm side margins; the bottom margin leaves room for a three-line footer.
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56.7, left: 56.7, right: 56.7, bottom: 72 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10.5;
const TABLE_SIZE = 9.5;
const LINE_GAP = 2;
const CELL_PAD = { x: 4, y: 3 };
// A heading needs room below it for a line or two of what it introduces.
const ROOM_AFTER_HEADING = 70;

const FONT = { normal: 'Body', bold: 'Body-Bold', italics: 'Body-Italic', bolditalics: 'Body-BoldItalic' };

function fontOf(run: { bold?: boolean; italics?: boolean }): string {
  if (run.bold && run.italics) return FONT.bolditalics;
  if (run.bold) return FONT.bold;
  return run.italics ? FONT.italics : FONT.normal;
}

class Writer {
  private titleTagged = false;

  constructor(
    private readonly pdf: Pdf,
    private readonly root: Struct,
  ) {}

  private room(): number {
    return this.pdf.page.maxY() - this.pdf.y;
  }

  private newPage(): void {
    this.pdf.addPage();
    this.pdf.x = MARGIN.left;
    this.pdf.y = MARGIN.top;
  }

  /** Drawing that is page furniture, not content: a screen reader skips it. */
  private artifact(draw: () => void): void {
    this.pdf.markContent('Artifact', { type: 'Layout' });
    draw();
    this.pdf.endMarkedContent();
  }

  private rule(y: number, width: number): void {
    this.artifact(() =>
      this.pdf
        .save()
        .lineWidth(width)
        .moveTo(MARGIN.left, y)
        .lineTo(MARGIN.left + TEXT_WIDTH, y)
        .stroke('#000000')
        .restore(),
    );
  }

  private tagged(parent: Struct, type: string, draw: () => void): void {
    parent.add(this.pdf.struct(type, {}, draw));
  }

  private line(text: string, font: string, size: number, align: 'left' | 'center' | 'right' = 'left'): void {
    this.pdf.font(font).fontSize(size).text(text, MARGIN.left, this.pdf.y, {
      width: TEXT_WIDTH,
      align,
      lineGap: LINE_GAP,
    });
  }

  block(block: Block, parent: Struct = this.root): void {
    switch (block.kind) {
      case 'together': {
        const height = block.blocks.reduce((sum, b) => sum + this.measure(b), 0);
        if (height > this.room() && height < this.pdf.page.maxY() - MARGIN.top) this.newPage();
        for (const inner of block.blocks) this.block(inner, parent);
        return;
      }
      case 'title': {
        // The document's own title is its one H1: the medium-sized one where there is one.
        const h1 = !this.titleTagged && block.size === 'medium';
        if (h1) this.titleTagged = true;
        this.tagged(parent, h1 ? 'H1' : 'P', () =>
          this.line(block.text, FONT.bold, TITLE_SIZES[block.size], 'center'),
        );
        this.pdf.y += 6;
        return;
      }
      case 'heading':
      case 'subheading': {
        const main = block.kind === 'heading';
        if (main && block.newPage) this.newPage();
        else this.pdf.y += main ? 14 : 10;
        if (this.room() < ROOM_AFTER_HEADING) this.newPage();
        this.tagged(parent, main ? 'H2' : 'H3', () =>
          this.line(block.text, FONT.bold, main ? 11.5 : BODY_SIZE),
        );
        if (main) this.rule(this.pdf.y + 1, 0.6);
        this.pdf.y += main ? 6 : 4;
        return;
      }
      case 'paragraph': {
        // An empty run (a contact field not filled in) would leave pdfkit's continued line open.
        const runs = block.runs.filter((run) => run.text !== '');
        if (runs.length > 0) this.tagged(parent, 'P', () => this.runs(runs, block.align ?? 'left'));
        else this.pdf.y += this.pdf.currentLineHeight(true);
        this.pdf.y += 6;
        return;
      }
      case 'bullets':
        this.bullets(block.items, parent);
        this.pdf.y += 6;
        return;
      case 'banner': {
        this.pdf.font(FONT.bold).fontSize(12);
        const height = this.pdf.heightOfString(block.text, { width: TEXT_WIDTH }) + 8;
        if (height > this.room()) this.newPage();
        const top = this.pdf.y;
        this.rule(top, 1.5);
        this.pdf.y = top + 4;
        this.tagged(parent, 'P', () => this.line(block.text, FONT.bold, 12, 'center'));
        this.rule(this.pdf.y + 2, 1.5);
        this.pdf.y += 12;
        return;
      }
      case 'table':
        this.table(block, parent);
        this.pdf.y += 8;
        return;
    }
  }

  private runs(runs: Run[], align: 'left' | 'center' | 'right'): void {
    const pdf = this.pdf.fontSize(BODY_SIZE);
    const options = { width: TEXT_WIDTH, align, lineGap: LINE_GAP };
    runs.forEach((run, i) => {
      const continued = i < runs.length - 1;
      pdf.font(fontOf(run));
      if (i === 0) pdf.text(run.text, MARGIN.left, pdf.y, { ...options, continued });
      else pdf.text(run.text, { ...options, continued });
    });
  }

  private bullets(items: string[], parent: Struct): void {
    const list = this.pdf.struct('L');
    parent.add(list);
    const indent = 14;
    for (const item of items) {
      this.pdf.font(FONT.normal).fontSize(BODY_SIZE);
      if (this.room() < 2 * this.pdf.currentLineHeight(true)) this.newPage();
      const top = this.pdf.y;
      const entry = this.pdf.struct('LI');
      list.add(entry);
      this.tagged(entry, 'Lbl', () => this.pdf.text('•', MARGIN.left + 4, top, { lineBreak: false }));
      this.tagged(entry, 'LBody', () =>
        this.pdf.text(item, MARGIN.left + indent, top, { width: TEXT_WIDTH - indent, lineGap: LINE_GAP }),
      );
      entry.end();
    }
    list.end();
  }

  // ---- Tables ------------------------------------------------------------------------------

  private table(block: Extract<Block, { kind: 'table' }>, parent: Struct): void {
    const total = block.columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = block.columns.map((c) => (c.weight / total) * TEXT_WIDTH);
    const header: Cell[] = block.columns.map((c) => ({
      text: c.header,
      bold: true,
      ...(c.align ? { align: c.align } : {}),
    }));
    const rows = [...block.rows, ...(block.totals ? [block.totals] : [])];
    const table = this.pdf.struct('Table');
    parent.add(table);
    // Each row is measured once: wrapping a cell's text to measure it costs as much as drawing it.
    const heights = rows.map((cells) => this.rowHeight(cells, widths));
    const headerHeight = this.rowHeight(header, widths);
    // The header never sits alone at the foot of a page.
    if (headerHeight + (heights[0] ?? this.rowHeight([], widths)) > this.room()) this.newPage();
    this.rule(this.pdf.y, 0.8);
    this.row(header, widths, 'TH', table, headerHeight);
    this.rule(this.pdf.y, 0.8);
    rows.forEach((cells, i) => {
      const totals = block.totals !== undefined && i === rows.length - 1;
      // A totals row never stands alone at the head of a page: the last row goes over with it.
      const beforeTotals = block.totals !== undefined && i === rows.length - 2;
      const height = heights[i] ?? 0;
      const needed = height + (beforeTotals ? (heights[i + 1] ?? 0) : 0);
      if (needed > this.room()) {
        this.newPage();
        // The header again at the top of the page, for the eye only: it was read once already.
        this.rule(this.pdf.y, 0.8);
        this.artifact(() => this.drawRow(header, widths, headerHeight));
        this.rule(this.pdf.y, 0.8);
      }
      this.row(cells, widths, 'TD', table, height);
      this.rule(this.pdf.y, totals || i === rows.length - 1 ? 0.8 : 0.25);
      if (totals) return;
      if (block.totals && i === rows.length - 2) this.rule(this.pdf.y, 0.8);
    });
    table.end();
  }

  private cellWidth(widths: number[], column: number, span: number): number {
    return widths.slice(column, column + span).reduce((a, b) => a + b, 0);
  }

  private rowHeight(cells: Cell[], widths: number[]): number {
    let column = 0;
    let height = 0;
    this.pdf.fontSize(TABLE_SIZE);
    for (const cell of cells) {
      const span = cell.span ?? 1;
      const width = this.cellWidth(widths, column, span) - 2 * CELL_PAD.x;
      this.pdf.font(fontOf(cell));
      const cellHeight = this.oneLine(cell, width)
        ? this.pdf.currentLineHeight(true) + 1
        : this.pdf.heightOfString(cell.text || ' ', { width, lineGap: 1 });
      height = Math.max(height, cellHeight);
      column += span;
    }
    return height + 2 * CELL_PAD.y;
  }

  /**
   * Whether a cell's text sits on one line of its width, in the current font and size. Most cells (a
   * reference, an amount, a short name) do, and for those the line is measured and drawn directly:
   * pdfkit's line wrapper, which it would otherwise run twice per cell (to measure the row and to draw
   * it), took most of a long table's time. Text within half a point of the width is left to the wrapper.
   */
  private oneLine(cell: Cell, width: number): boolean {
    if (cell.text.includes('\n')) return false;
    return this.pdf.widthOfString(cell.text) <= width - 0.5;
  }

  /** Draws a cell's text at (x, y) within `width`, as pdfkit's wrapper would lay it out. */
  private cellText(cell: Cell, x: number, y: number, width: number): void {
    const pdf = this.pdf.font(fontOf(cell)).fontSize(TABLE_SIZE);
    if (!this.oneLine(cell, width)) {
      pdf.text(cell.text, x, y, { width, align: cell.align ?? 'left', lineGap: 1 });
      return;
    }
    const shift = cell.align === 'right' ? width - pdf.widthOfString(cell.text.replace(/\s+$/, '')) : 0;
    pdf.text(cell.text, x + shift, y, { lineBreak: false, lineGap: 1 });
  }

  /** One tagged row: each cell a TH (scope Column) or TD, spans said in the table attributes. */
  private row(cells: Cell[], widths: number[], type: 'TH' | 'TD', table: Struct, height: number): void {
    const row = this.pdf.struct('TR');
    table.add(row);
    this.drawRow(cells, widths, height, (cell, draw) => {
      const element = this.pdf.struct(type, {}, [draw]);
      const span = cell.span ?? 1;
      const attributes: Record<string, unknown> = { O: 'Table' };
      if (type === 'TH') attributes.Scope = 'Column';
      if (span > 1) attributes.ColSpan = span;
      (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A =
        attributes;
      row.add(element);
    });
    row.end();
  }

  private drawRow(
    cells: Cell[],
    widths: number[],
    height: number,
    wrap: (cell: Cell, draw: () => void) => void = (_cell, draw) => draw(),
  ): void {
    const top = this.pdf.y;
    let column = 0;
    for (const cell of cells) {
      const span = cell.span ?? 1;
      const x = MARGIN.left + this.cellWidth(widths, 0, column) + CELL_PAD.x;
      const width = this.cellWidth(widths, column, span) - 2 * CELL_PAD.x;
      wrap(cell, () => this.cellText(cell, x, top + CELL_PAD.y, width));
      column += span;
    }
    this.pdf.x = MARGIN.left;
    this.pdf.y = top + height;
  }

  // ---- Measuring, for blocks kept together ----------------------------------------------------

  private measure(block: Block): number {
    const pdf = this.pdf;
    const textHeight = (text: string, font: string, size: number, width = TEXT_WIDTH) =>
      pdf
        .font(font)
        .fontSize(size)
        .heightOfString(text || ' ', { width, lineGap: LINE_GAP });
    switch (block.kind) {
      case 'together':
        return block.blocks.reduce((sum, b) => sum + this.measure(b), 0);
      case 'title':
        return textHeight(block.text, FONT.bold, TITLE_SIZES[block.size]) + 6;
      case 'heading':
        return textHeight(block.text, FONT.bold, 11.5) + 20;
      case 'subheading':
        return textHeight(block.text, FONT.bold, BODY_SIZE) + 14;
      case 'paragraph':
        return textHeight(block.runs.map((r) => r.text).join(''), FONT.normal, BODY_SIZE) + 6;
      case 'bullets':
        return block.items.reduce(
          (sum, item) => sum + textHeight(item, FONT.normal, BODY_SIZE, TEXT_WIDTH - 14),
          6,
        );
      case 'banner':
        return textHeight(block.text, FONT.bold, 12) + 12;
      case 'table': {
        const total = block.columns.reduce((sum, c) => sum + c.weight, 0);
        const widths = block.columns.map((c) => (c.weight / total) * TEXT_WIDTH);
        const header = block.columns.map((c) => ({ text: c.header, bold: true }));
        return [header, ...block.rows, ...(block.totals ? [block.totals] : [])].reduce(
          (sum, cells) => sum + this.rowHeight(cells, widths),
          8,
        );
      }
    }
  }

  // ---- Furniture on every page ---------------------------------------------------------------

  furniture(doc: OfficialDocument): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      // Writing below the bottom margin must not start a new page.
      const bottom = this.pdf.page.margins.bottom;
      this.pdf.page.margins.bottom = 0;
      this.pdf.markContent('Artifact', { type: 'Pagination' });
      if (doc.runningHeader) {
        this.pdf.font(FONT.bold).fontSize(9);
        this.pdf.text(doc.runningHeader, MARGIN.left, 24, { width: TEXT_WIDTH, align: 'center' });
      }
      if (doc.footer) this.footer(doc.footer, i - range.start + 1, range.count);
      this.pdf.endMarkedContent();
      this.pdf.page.margins.bottom = bottom;
    }
  }

  private footer(footer: NonNullable<OfficialDocument['footer']>, page: number, pages: number): void {
    const pdf = this.pdf;
    const top = PAGE.height - MARGIN.bottom + 10;
    pdf
      .save()
      .lineWidth(0.4)
      .moveTo(MARGIN.left, top)
      .lineTo(MARGIN.left + TEXT_WIDTH, top)
      .stroke('#000000')
      .restore();
    pdf.font(FONT.normal).fontSize(8);
    const number = `Page ${page} of ${pages}`;
    const numberWidth = pdf.widthOfString(number);
    pdf.text(number, MARGIN.left + TEXT_WIDTH - numberWidth, top + 3, { lineBreak: false });
    pdf.text(footer.label, MARGIN.left, top + 3, { width: TEXT_WIDTH - numberWidth - 8 });
    pdf.font(FONT.bold);
    for (const note of footer.notes) pdf.text(note, MARGIN.left, pdf.y, { width: TEXT_WIDTH });
    // Small enough that a whole 64-character digest sits on one line.
    if (footer.smallPrint) pdf.font(FONT.normal).fontSize(6.5).text(footer.smallPrint, MARGIN.left, pdf.y);
  }
}

export async function renderOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  const { PDFDocument, fonts } = await loadPdfWriter();
  const created = doc.createdOn ? new Date(`${doc.createdOn}T00:00:00Z`) : new Date();
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    // No standard font: pdfkit would read Helvetica's metrics from disk, and every glyph here is Roboto.
    font: null as unknown as string,
    info: {
      Title: doc.title,
      Subject: doc.subject,
      Creator: 'Tranche',
      Producer: 'Tranche',
      CreationDate: created,
    },
  });
  const { done } = takeOutput(pdf);
  shapeFontsAsChosen(pdf);
  pdf.registerFont(FONT.normal, fonts.normal);
  pdf.registerFont(FONT.bold, fonts.bold);
  pdf.registerFont(FONT.italics, fonts.italics);
  pdf.registerFont(FONT.bolditalics, fonts.bolditalics);
  for (const file of doc.attachments ?? [])
    pdf.file(file.data, {
      name: file.name,
      description: file.description,
      type: file.mediaType,
      creationDate: created,
    });
  writeOutFinishedPages(pdf);
  pdf.addPage();
  pdf.font(FONT.normal).fontSize(BODY_SIZE).fillColor('#000000');
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  const writer = new Writer(pdf, root);
  for (const block of doc.blocks) writer.block(block);
  root.end();
  writer.furniture(doc);
  pdf.end();
  return done;
}
