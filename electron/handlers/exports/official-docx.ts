import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IBorderOptions,
} from 'docx';
import {
  TITLE_SIZES,
  type Block,
  type Cell,
  type Column,
  type OfficialDocument,
  type Run,
} from './official-document';

// The Word rendering of an official document, kept apart so that docx loads only when a Word file
// is asked for (the command line starts without it).

// A4 portrait in twentieths of a point (DXA), with 2 cm margins.
const PAGE_WIDTH_DXA = 11906;
const PAGE_HEIGHT_DXA = 16838;
const MARGIN_DXA = 1134;
const TEXT_WIDTH_DXA = PAGE_WIDTH_DXA - 2 * MARGIN_DXA;
const WORD_FONT = 'Arial';
const halfPoints = (points: number): number => Math.round(points * 2);

const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const HAIRLINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 2, color: '808080' };
const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

export async function renderWordDocument(doc: OfficialDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'Tranche',
    title: doc.title,
    subject: doc.subject,
    styles: { default: { document: { run: { font: WORD_FONT, size: halfPoints(10.5) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH_DXA, height: PAGE_HEIGHT_DXA, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN_DXA, bottom: MARGIN_DXA, left: MARGIN_DXA, right: MARGIN_DXA },
          },
        },
        ...(doc.runningHeader ? { headers: { default: wordHeader(doc.runningHeader) } } : {}),
        ...(doc.footer ? { footers: { default: wordFooter(doc.footer) } } : {}),
        children: doc.blocks.flatMap((block) => wordBlock(block)),
      },
    ],
  });
  return Packer.toBuffer(document);
}

function wordRuns(runs: Run[], size?: number): TextRun[] {
  return runs.map(
    (run) =>
      new TextRun({
        text: run.text,
        bold: run.bold,
        italics: run.italics,
        ...(size ? { size: halfPoints(size) } : {}),
      }),
  );
}

function wordBlock(block: Block, keepNext = false): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'together':
      return block.blocks.flatMap((inner, i) => wordBlock(inner, i < block.blocks.length - 1));
    case 'title':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 120 },
          children: [
            new TextRun({ text: block.text, bold: true, size: halfPoints(TITLE_SIZES[block.size]) }),
          ],
        }),
      ];
    case 'heading':
      return [
        new Paragraph({
          keepNext: true,
          pageBreakBefore: block.newPage ?? false,
          spacing: { before: block.newPage ? 0 : 280, after: 120 },
          border: { bottom: { ...THIN, space: 2 } },
          children: [new TextRun({ text: block.text, bold: true, size: halfPoints(11.5) })],
        }),
      ];
    case 'subheading':
      return [
        new Paragraph({
          keepNext: true,
          spacing: { before: 200, after: 80 },
          children: [new TextRun({ text: block.text, bold: true })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          spacing: { after: 120 },
          keepNext,
          ...(block.align
            ? { alignment: block.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER }
            : {}),
          children: wordRuns(block.runs),
        }),
      ];
    case 'bullets':
      return block.items.map(
        (item) =>
          new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun(item)] }),
      );
    case 'table':
      return [wordTable(block), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case 'banner':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 160 },
          border: { top: { ...THIN, size: 12, space: 4 }, bottom: { ...THIN, size: 12, space: 4 } },
          children: [new TextRun({ text: block.text, bold: true, size: halfPoints(12) })],
        }),
      ];
  }
}

/** Widths in DXA that add up to the text width exactly, so Word and LibreOffice agree. */
function columnWidthsDxa(columns: Column[]): number[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => Math.floor((c.weight / total) * TEXT_WIDTH_DXA));
  const last = widths.length - 1;
  widths[last] = (widths[last] ?? 0) + TEXT_WIDTH_DXA - widths.reduce((sum, w) => sum + w, 0);
  return widths;
}

function wordTable(block: Extract<Block, { kind: 'table' }>): Table {
  const widths = columnWidthsDxa(block.columns);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      wordCell({ text: c.header, bold: true, ...(c.align ? { align: c.align } : {}) }, widths[i] ?? 0),
    ),
  });
  const rows = [...block.rows, ...(block.totals ? [block.totals] : [])].map(
    (cells) =>
      new TableRow({
        cantSplit: true,
        children: placeCells(cells, widths).map(({ cell, width }) => wordCell(cell, width)),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH_DXA, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 50, bottom: 50, left: 80, right: 80 },
    borders: {
      top: THIN,
      bottom: THIN,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: HAIRLINE,
      insideVertical: NO_BORDER,
    },
    rows: [header, ...rows],
  });
}

/** Pairs each cell with the width of the columns it covers. */
function placeCells(cells: Cell[], widths: number[]): { cell: Cell; width: number }[] {
  let column = 0;
  return cells.map((cell) => {
    const span = cell.span ?? 1;
    const width = widths.slice(column, column + span).reduce((sum, w) => sum + w, 0);
    column += span;
    return { cell, width };
  });
}

function wordCell(cell: Cell, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(cell.span && cell.span > 1 ? { columnSpan: cell.span } : {}),
    children: cell.text.split('\n').map(
      (line) =>
        new Paragraph({
          ...(cell.align === 'right' ? { alignment: AlignmentType.RIGHT } : {}),
          children: [new TextRun({ text: line, bold: cell.bold, size: halfPoints(9.5) })],
        }),
    ),
  });
}

function wordHeader(line: string): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: line, bold: true, size: halfPoints(9) })],
      }),
    ],
  });
}

function wordFooter(footer: NonNullable<OfficialDocument['footer']>): Footer {
  const pageLine = new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_DXA }],
    border: { top: { ...HAIRLINE, space: 4 } },
    children: [
      new TextRun({ text: footer.label, size: halfPoints(8) }),
      new TextRun({
        children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
        size: halfPoints(8),
      }),
    ],
  });
  const notes = footer.notes.map(
    (note) => new Paragraph({ children: [new TextRun({ text: note, bold: true, size: halfPoints(8) })] }),
  );
  const small = (footer.smallPrint?.split('\n') ?? []).map(
    (line) => new Paragraph({ children: [new TextRun({ text: line, size: halfPoints(6.5) })] }),
  );
  return new Footer({ children: [pageLine, ...notes, ...small] });
}
