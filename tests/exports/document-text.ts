import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTool } from '../support/required-tool';

// Reading generated Word and PDF files back as text, so tests check what a reader would see.

export const PDFTOTEXT = findTool('pdftotext') ?? '/usr/bin/pdftotext';
export const PDFINFO = findTool('pdfinfo') ?? '/usr/bin/pdfinfo';
export const PDFFONTS = findTool('pdffonts') ?? '/usr/bin/pdffonts';
export const hasPdftotext = (): boolean => existsSync(PDFTOTEXT);

/** Runs a poppler tool on the PDF in a scratch folder that is removed afterwards. */
export function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tranche-doc-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return use(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text with runs of white space (including line wraps) made single spaces. */
export function pdfText(pdf: Buffer, ...args: string[]): string {
  const raw = withPdfFile(pdf, (file) => execFileSync(PDFTOTEXT, [...args, file, '-'], { encoding: 'utf8' }));
  return raw.replace(/\s+/g, ' ');
}

export function pdfPageCount(pdf: Buffer): number {
  const info = withPdfFile(pdf, (file) => execFileSync(PDFINFO, [file], { encoding: 'utf8' }));
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

const XML_ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/** The text of a WordprocessingML part: runs joined, paragraphs and table cells on their own lines. */
export function wordXmlText(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => XML_ENTITIES[entity] ?? entity);
}

export interface WordParts {
  document: string;
  footers: string[];
  headers: string[];
}

export async function wordParts(docx: Buffer): Promise<WordParts> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const named = (pattern: RegExp): string[] => Object.keys(zip.files).filter((name) => pattern.test(name));
  return {
    document: await read('word/document.xml'),
    footers: await Promise.all(named(/^word\/footer\d*\.xml$/).map(read)),
    headers: await Promise.all(named(/^word\/header\d*\.xml$/).map(read)),
  };
}

/** Every table in the XML, for checking that each carries explicit column widths. */
export function wordTables(xml: string): string[] {
  return xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
}
