import { GrowingBuffer } from './growing-buffer';
import { shapePlainWords, type PdfkitFont } from './pdf-shaping';

// Three changes to how pdfkit works, for time and memory on long documents (a notice of 20,000
// bids runs to about 900 pages). Each reaches into pdfkit's internals, so each is kept here, small.

type Pdf = PDFKit.PDFDocument;

/**
 * The document's bytes, taken as pdfkit writes them. pdfkit hands its output to a Readable stream,
 * which keeps every piece until the event loop turns, and a document is written here in one
 * synchronous go: at 20,000 bids that was hundreds of thousands of small buffers held to the end.
 * What pdfkit wrote while opening the document is read first.
 */
export function takeOutput(pdf: Pdf): { done: Promise<Buffer>; written: () => number } {
  const output = new GrowingBuffer();
  for (let opening = pdf.read() as Buffer | null; opening !== null; opening = pdf.read() as Buffer | null)
    output.push(opening);
  let finish: (bytes: Buffer) => void = () => undefined;
  const done = new Promise<Buffer>((resolve) => (finish = resolve));
  pdf.push = (chunk: Buffer | null) => {
    if (chunk === null) finish(output.contents());
    else output.push(chunk);
    return true;
  };
  return { done, written: () => output.size };
}

/** Each font, when first chosen, shapes plain words itself (pdf-shaping.ts). */
export function shapeFontsAsChosen(pdf: Pdf): void {
  const choose = pdf.font.bind(pdf);
  const shaped = new Set<unknown>();
  pdf.font = ((...args: Parameters<Pdf['font']>) => {
    choose(...args);
    const font = (pdf as unknown as { _font: PdfkitFont })._font;
    if (!shaped.has(font)) {
      shaped.add(font);
      shapePlainWords(font);
    }
    return pdf;
  }) as Pdf['font'];
}

interface BufferedPage {
  content: PDFKit.PDFKitReference & { write(chunk: string): void; end(): void };
  dictionary: { data: { Contents: unknown } };
}

/**
 * Every page is kept until the end for its footer ("Page 3 of 9"), and pdfkit holds a page's drawing
 * as thousands of small buffers until the document ends. So when a page is finished (the next
 * begins), its drawing is compressed and written out at once, and a second content stream takes what
 * is drawn on it later (the running header and footer): a PDF page may have several, read in order.
 */
export function writeOutFinishedPages(pdf: Pdf): void {
  pdf.on('pageAdded', () => {
    const buffered = (pdf as unknown as { _pageBuffer: BufferedPage[] })._pageBuffer;
    const finished = buffered[buffered.length - 2];
    if (!finished) return;
    const drawn = finished.content;
    const later = pdf.ref({}) as unknown as BufferedPage['content'];
    later.write(''); // a stream, even if nothing is drawn on the page later
    finished.dictionary.data.Contents = [drawn, later];
    finished.content = later;
    drawn.end();
  });
}
