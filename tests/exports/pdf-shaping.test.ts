import { describe, expect, it } from 'vitest';
import { pdfFontFiles } from '../../electron/handlers/exports/pdf';
import { shapePlainWords, type PdfkitFont, type Run } from '../../electron/handlers/exports/pdf-shaping';

// The PDF writer shapes plain words itself instead of through fontkit's OpenType engine. Every glyph
// and every advance must be what fontkit gives, or lines would break and kern differently: this
// checks each pair of characters the shaper takes on, in each of the four fonts, with the space
// after it as pdfkit measures words.

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i));
const WIDER = [
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => String.fromCharCode(0xa0 + i)),
  ...'–—‘’“”•…€',
];
const LETTERS = ASCII.filter((c) => /[A-Za-z0-9]/.test(c));

function corpus(): string[] {
  const pairs = ASCII.flatMap((a) => ASCII.map((b) => a + b));
  const wider = WIDER.flatMap((w) => LETTERS.flatMap((l) => [w + l, l + w]));
  const words = [
    'Office ',
    'confirm ',
    'Telephone: ',
    'Summary ',
    'TO ',
    '£38,000 ',
    'Crime-reduction',
    'AVAWAY ',
  ];
  return [...pairs, ...pairs.map((p) => `${p} `), ...wider, ...words];
}

async function fontPair(style: 'normal' | 'bold' | 'italics' | 'bolditalics') {
  const { default: PDFDocument } = await import('pdfkit');
  const data = (await pdfFontFiles())[style];
  const open = () => {
    const pdf = new PDFDocument({ font: null as unknown as string, autoFirstPage: false });
    pdf.registerFont('F', data);
    pdf.font('F');
    return (pdf as unknown as { _font: PdfkitFont })._font;
  };
  return { fontkit: open(), shaped: open() };
}

const view = (run: Run) => ({
  glyphs: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth]),
  advanceWidth: run.advanceWidth,
});

describe('shaping plain words', () => {
  for (const style of ['normal', 'bold', 'italics', 'bolditalics'] as const)
    it(`gives fontkit's glyphs and advances for every pair of characters (${style})`, async () => {
      const { fontkit, shaped } = await fontPair(style);
      const viaFontkit = fontkit.layoutRun.bind(fontkit);
      let fellBack = 0;
      const original = shaped.layoutRun.bind(shaped);
      shaped.layoutRun = (text, features) => {
        fellBack++;
        return original(text, features);
      };
      shapePlainWords(shaped);
      const differ: string[] = [];
      for (const text of corpus()) {
        if (JSON.stringify(view(shaped.layoutRun(text))) !== JSON.stringify(view(viaFontkit(text))))
          differ.push(JSON.stringify(text));
      }
      expect(differ).toEqual([]);
      // Only words that may hold a ligature (an f) or a soft hyphen went to fontkit.
      const withF = corpus().filter((t) => t.includes('f') || t.includes('\u00ad')).length;
      expect(fellBack).toBe(withF);
    }, 60_000);
});
