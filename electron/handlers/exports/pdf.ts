import type { TCreatedPdf, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces';

// The PDF set-up every export shares.
// Fonts come from pdfmake's bundled build/vfs_fonts.js (Roboto as base64 inside a JS module), so
// esbuild carries them into the app bundle and nothing is read from disk or fetched at run time.
// The fonts are written into pdfmake's virtual file system and named from there.
const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

/** The font name definitions must use in `defaultStyle.font`. */
export const PDF_FONT = 'TrancheRoboto';

interface PdfMakeInstance {
  virtualfs: { existsSync(path: string): boolean; writeFileSync(path: string, content: Buffer): void };
  setFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): TCreatedPdf;
}

let printer: PdfMakeInstance | null = null;

/**
 * A private pdfmake instance: pdfmake's module export is one shared object, and its fonts and
 * access policies are global to it, so settings made elsewhere cannot leak into our documents.
 */
async function pdfPrinter(): Promise<PdfMakeInstance> {
  if (printer) return printer;
  // Loaded on first use: pdfmake and its fonts take most of a second to load, and most commands
  // never write a PDF.
  const [{ default: pdfMake }, { default: vfsFonts }] = await Promise.all([
    import('pdfmake'),
    import('pdfmake/build/vfs_fonts.js'),
  ]);
  const shared = pdfMake as unknown as PdfMakeInstance;
  const Maker = Object.getPrototypeOf(shared).constructor as new () => PdfMakeInstance;
  const instance = new Maker();
  const fonts = vfsFonts as Record<string, string>;
  for (const file of Object.values(FONT_FILES)) {
    const base64 = fonts[file];
    if (!base64) throw new Error(`pdfmake's bundled fonts have no ${file}`);
    if (!instance.virtualfs.existsSync(file))
      instance.virtualfs.writeFileSync(file, Buffer.from(base64, 'base64'));
  }
  instance.setFonts({ [PDF_FONT]: { ...FONT_FILES } });
  // Everything the document needs is in memory: refuse the network and the disk outright.
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy(() => false);
  printer = instance;
  return instance;
}

/** The same Roboto files as buffers, for documents written with pdfkit directly (official-pdf.ts). */
export async function pdfFontFiles(): Promise<Record<keyof typeof FONT_FILES, Buffer>> {
  const { default: vfsFonts } = await import('pdfmake/build/vfs_fonts.js');
  const fonts = vfsFonts as Record<string, string>;
  const entries = Object.entries(FONT_FILES).map(([style, file]) => {
    const base64 = fonts[file];
    if (!base64) throw new Error(`pdfmake's bundled fonts have no ${file}`);
    return [style, Buffer.from(base64, 'base64')] as const;
  });
  return Object.fromEntries(entries) as Record<keyof typeof FONT_FILES, Buffer>;
}

/** Renders a definition whose text uses {@link PDF_FONT}, with the fonts embedded. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return (await pdfPrinter()).createPdf(definition).getBuffer();
}
