// The fonts every PDF embeds. They come from pdfmake's bundled build/vfs_fonts.js (Roboto as base64
// inside a JS module), so esbuild carries them into the app bundle and nothing is read from disk or
// fetched at run time; every PDF is now written with pdfkit (official-pdf.ts), tagged.
const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

let decoded: Promise<Record<keyof typeof FONT_FILES, Buffer>> | undefined;

/**
 * The Roboto files as buffers, for pdfkit to embed (official-pdf.ts). Decoded once per process and
 * shared: pdfkit and fontkit only read them.
 */
export function pdfFontFiles(): Promise<Record<keyof typeof FONT_FILES, Buffer>> {
  decoded ??= decodeFontFiles().catch((error: unknown) => {
    decoded = undefined;
    throw error;
  });
  return decoded;
}

async function decodeFontFiles(): Promise<Record<keyof typeof FONT_FILES, Buffer>> {
  const { default: vfsFonts } = await import('pdfmake/build/vfs_fonts.js');
  const fonts = vfsFonts as Record<string, string>;
  const entries = Object.entries(FONT_FILES).map(([style, file]) => {
    const base64 = fonts[file];
    if (!base64) throw new Error(`pdfmake's bundled fonts have no ${file}`);
    return [style, Buffer.from(base64, 'base64')] as const;
  });
  return Object.fromEntries(entries) as Record<keyof typeof FONT_FILES, Buffer>;
}
