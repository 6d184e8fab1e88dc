import type { OfficialDocument } from './official-document';

/**
 * The Word file of an official document. Its writer (docx) is loaded only when a Word file is
 * asked for, so the command line starts without it; kept apart from official-document.ts so the
 * two modules do not import each other.
 */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  const { renderWordDocument } = await import('./official-docx');
  return renderWordDocument(doc);
}
