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
