// Libraries that take hundreds of milliseconds to load and that most commands never use, loaded
// on first use instead of at start-up (the command line answers in a fraction of a second).

/** exceljs: reading and writing workbooks. */
export async function loadExcel() {
  return (await import('exceljs')).default;
}

/** pdfkit and the fonts every PDF embeds (official-pdf.ts). */
export async function loadPdfWriter() {
  const [{ default: PDFDocument }, { pdfFontFiles }] = await Promise.all([
    import('pdfkit'),
    import('./exports/pdf'),
  ]);
  return { PDFDocument, fonts: await pdfFontFiles() };
}

/** The Word writer of official documents (docx, through official-docx.ts). */
export async function loadWordWriter() {
  return import('./exports/official-docx');
}
