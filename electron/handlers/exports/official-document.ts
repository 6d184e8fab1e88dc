import type {
  Content,
  CustomTableLayout,
  Node,
  TableCell as PdfCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';
import { PDF_FONT, renderPdf } from './pdf';

// The plain official documents (notices of decision, summaries, letters) are written once as a
// list of blocks and then rendered to Word and to PDF, so the two files cannot say different things.

export interface Run {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

export interface Cell {
  text: string;
  bold?: boolean;
  align?: 'right';
  /** Columns this cell covers; the cells it covers are left out of the row. */
  span?: number;
}

export interface Column {
  header: string;
  /** Share of the text width, relative to the other columns. */
  weight: number;
  align?: 'right';
}

export type Block =
  | { kind: 'title'; text: string; size: 'large' | 'medium' | 'normal' }
  | { kind: 'heading'; text: string; newPage?: boolean }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; runs: Run[]; align?: 'right' | 'center' }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; columns: Column[]; rows: Cell[][]; totals?: Cell[] }
  | { kind: 'banner'; text: string }
  /** Blocks kept on one page, such as a signature and the declaration above it. */
  | { kind: 'together'; blocks: Block[] };

export interface OfficialDocument {
  title: string;
  subject: string;
  blocks: Block[];
  /** Repeated at the head of every page (a draft's warning), if any. */
  runningHeader: string | null;
  /** Left-hand footer text beside the page number; null for no footer at all. */
  footer: { label: string; notes: string[]; smallPrint: string | null } | null;
  /** Files embedded in the PDF (the signed content of a notice); Word files carry none. */
  attachments?: { name: string; description: string; mediaType: string; data: Buffer }[];
  /**
   * The PDF's creation date (YYYY-MM-DD) when it must not be the time of export: a signed notice
   * is dated its signing day, so that exporting it again gives the same file, byte for byte.
   */
  createdOn?: string;
}

export const text = (value: string, style: Omit<Run, 'text'> = {}): Run => ({ text: value, ...style });
export const paragraph = (value: string | Run[], align?: 'right' | 'center'): Block => ({
  kind: 'paragraph',
  runs: typeof value === 'string' ? [text(value)] : value,
  ...(align ? { align } : {}),
});

/** Editable template wording arrives as text with blank lines between paragraphs. */
export function paragraphsOf(wording: string): Block[] {
  return wording
    .split(/\n\s*\n/)
    .map((part) => part.replace(/\s*\n\s*/g, ' ').trim())
    .filter((part) => part !== '')
    .map((part) => paragraph(part));
}

// ---- Word -----------------------------------------------------------------------------------

export const TITLE_SIZES = { large: 16, medium: 13, normal: 11 } as const;

// ---- PDF ------------------------------------------------------------------------------------

// A4 portrait in points, with 2 cm side margins; the bottom margin leaves room for a three-line footer.
const PDF_PAGE_WIDTH = 595.28;
const PDF_MARGINS: [number, number, number, number] = [56.7, 56.7, 56.7, 72];
const PDF_TEXT_WIDTH = PDF_PAGE_WIDTH - PDF_MARGINS[0] - PDF_MARGINS[2];
const CELL_PADDING = 4;
const RULE = '#000000';

export async function renderOfficialPdf(doc: OfficialDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: PDF_MARGINS,
    info: {
      title: doc.title,
      subject: doc.subject,
      creator: 'Tranche',
      producer: 'Tranche',
      ...(doc.createdOn ? { creationDate: new Date(`${doc.createdOn}T00:00:00Z`) } : {}),
    },
    defaultStyle: { font: PDF_FONT, fontSize: 10.5, lineHeight: 1.2, color: '#000000' },
    pageBreakBefore: strandedHeading,
    content: doc.blocks.map(pdfBlock),
  };
  const { runningHeader, footer } = doc;
  if (runningHeader)
    definition.header = () => ({
      text: runningHeader,
      bold: true,
      fontSize: 9,
      alignment: 'center',
      margin: [0, 24, 0, 0],
    });
  if (footer) definition.footer = (page, pages) => pdfFooter(footer, page, pages);
  if (doc.attachments?.length)
    definition.files = Object.fromEntries(
      doc.attachments.map((a) => [
        a.name,
        {
          name: a.name,
          description: a.description,
          src: `data:${a.mediaType};base64,${a.data.toString('base64')}`,
        },
      ]),
    );
  return renderPdf(definition);
}

// A heading needs room below it for a line or two of what it introduces.
const ROOM_AFTER_HEADING = 70;

/** Moves a heading to the next page rather than leave it alone at the foot of one. */
function strandedHeading(node: Node): boolean {
  if (node.headlineLevel !== 1) return false;
  const { pageInnerHeight, verticalRatio } = node.startPosition;
  return pageInnerHeight * (1 - verticalRatio) < ROOM_AFTER_HEADING;
}

const pdfRuns = (runs: Run[]): Content[] =>
  runs.map((run) => ({ text: run.text, bold: run.bold ?? false, italics: run.italics ?? false }));

function pdfBlock(block: Block): Content {
  switch (block.kind) {
    case 'together':
      return { stack: block.blocks.map(pdfBlock), unbreakable: true };
    case 'title':
      return {
        text: block.text,
        bold: true,
        fontSize: TITLE_SIZES[block.size],
        alignment: 'center',
        margin: [0, 0, 0, 6],
      };
    case 'heading':
      return {
        stack: [
          { text: block.text, bold: true, fontSize: 11.5 },
          {
            canvas: [
              { type: 'line', x1: 0, y1: 2, x2: PDF_TEXT_WIDTH, y2: 2, lineWidth: 0.6, lineColor: RULE },
            ],
          },
        ],
        margin: [0, block.newPage ? 0 : 14, 0, 6],
        headlineLevel: 1,
        ...(block.newPage ? { pageBreak: 'before' as const } : {}),
      };
    case 'subheading':
      return { text: block.text, bold: true, margin: [0, 10, 0, 4], headlineLevel: 1 };
    case 'paragraph':
      return {
        text: pdfRuns(block.runs),
        margin: [0, 0, 0, 6],
        ...(block.align ? { alignment: block.align } : {}),
      };
    case 'bullets':
      return { ul: block.items, margin: [0, 0, 0, 6] };
    case 'table':
      return pdfTable(block);
    case 'banner':
      return {
        table: {
          widths: ['*'],
          body: [[{ text: block.text, bold: true, fontSize: 12, alignment: 'center', margin: [0, 3, 0, 3] }]],
        },
        layout: { hLineWidth: () => 1.5, vLineWidth: () => 0, hLineColor: () => RULE },
        margin: [0, 0, 0, 10],
      };
  }
}

function pdfTable(block: Extract<Block, { kind: 'table' }>): Content {
  const total = block.columns.reduce((sum, c) => sum + c.weight, 0);
  const usable = PDF_TEXT_WIDTH - block.columns.length * 2 * CELL_PADDING;
  const widths = block.columns.map((c) => (c.weight / total) * usable);
  const header = block.columns.map((c): PdfCell => ({
    text: c.header,
    bold: true,
    alignment: c.align ?? 'left',
  }));
  const rows = [...block.rows, ...(block.totals ? [block.totals] : [])].map(pdfRow);
  const lastRow = rows.length;
  const layout: CustomTableLayout = {
    hLineWidth: (i, node) =>
      i === 0 || i === 1 || i === node.table.body.length || (block.totals && i === lastRow) ? 0.8 : 0.25,
    vLineWidth: () => 0,
    hLineColor: () => RULE,
    paddingLeft: () => CELL_PADDING,
    paddingRight: () => CELL_PADDING,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  };
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [header, ...rows] },
    layout,
    fontSize: 9.5,
    lineHeight: 1.1,
    margin: [0, 2, 0, 8],
  };
}

/** pdfmake wants a placeholder for each column a spanning cell covers. */
function pdfRow(cells: Cell[]): PdfCell[] {
  return cells.flatMap((cell): PdfCell[] => {
    const span = cell.span ?? 1;
    const first: PdfCell = {
      text: cell.text,
      bold: cell.bold ?? false,
      alignment: cell.align ?? 'left',
      ...(span > 1 ? { colSpan: span } : {}),
    };
    return [first, ...Array.from({ length: span - 1 }, (): PdfCell => ({}))];
  });
}

function pdfFooter(footer: NonNullable<OfficialDocument['footer']>, page: number, pages: number): Content {
  return {
    margin: [PDF_MARGINS[0], 10, PDF_MARGINS[2], 0],
    fontSize: 8,
    stack: [
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: PDF_TEXT_WIDTH, y2: 0, lineWidth: 0.4, lineColor: RULE }],
      },
      {
        margin: [0, 3, 0, 0],
        columns: [
          { text: footer.label },
          { text: `Page ${page} of ${pages}`, alignment: 'right', width: 'auto' },
        ],
      },
      ...footer.notes.map((note): Content => ({ text: note, bold: true })),
      // Small enough that the whole 64-character digest sits on one line.
      ...(footer.smallPrint ? [{ text: footer.smallPrint, fontSize: 6.5 } as Content] : []),
    ],
  };
}
