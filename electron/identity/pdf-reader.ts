import { inflateSync } from 'node:zlib';

// Just enough of a PDF reader to check the notices Tranche writes: it finds each indirect object
// (a later definition of the same number wins, as in an incremental update), the pages in order
// with their content streams, and the embedded files by name. Anything it cannot follow is
// reported as unreadable, never guessed at, so a file it does not understand never passes.

export class UnreadablePdf extends Error {}

const NEWLINE = Buffer.from('\n');

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

const OBJECT_START = /(\d+)\s+(\d+)\s+obj\b/g;

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new UnreadablePdf('This is not a PDF file');
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(OBJECT_START)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) continue;
    const body = text.slice(start, end);
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const dataStart = start + streamAt + (body[streamAt + 6] === '\r' ? 8 : 7);
    const length = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
    let size: number;
    if (length && !length[2]) size = Number(length[1]);
    else {
      // An indirect or missing length: the data runs to the end-of-stream marker.
      const stop = text.indexOf('endstream', dataStart);
      if (stop < 0) continue;
      size = stop - dataStart;
      if (text[dataStart + size - 1] === '\n') size -= 1;
      if (text[dataStart + size - 1] === '\r') size -= 1;
    }
    objects.set(Number(match[1]), { dict, stream: pdf.subarray(dataStart, dataStart + size) });
  }
  return objects;
}

const ref = (dict: string, key: string): number | null => {
  const found = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return found ? Number(found[1]) : null;
};

function decoded(object: PdfObject): Buffer {
  if (!object.stream) throw new UnreadablePdf('A stream the file refers to is missing');
  if (!/\/Filter\s*\/FlateDecode/.test(object.dict)) {
    if (/\/Filter/.test(object.dict))
      throw new UnreadablePdf('A stream uses an encoding Tranche does not write');
    return object.stream;
  }
  try {
    return inflateSync(object.stream);
  } catch {
    throw new UnreadablePdf('A compressed stream is damaged');
  }
}

export interface PdfContents {
  /** Each page's content stream (decompressed), in page order. */
  pages: Buffer[];
  /** Embedded files by their name. */
  files: Map<string, Buffer>;
}

/** Reads the pages and embedded files of a PDF; throws UnreadablePdf where it cannot. */
export function readPdf(pdf: Buffer): PdfContents {
  const objects = parseObjects(pdf);
  const get = (id: number | null): PdfObject => {
    const object = id === null ? undefined : objects.get(id);
    if (!object) throw new UnreadablePdf('The file refers to an object it does not hold');
    return object;
  };
  const catalog = [...objects.values()].reverse().find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  if (!catalog) throw new UnreadablePdf('The file has no document catalog');

  const pages: Buffer[] = [];
  const walk = (id: number | null, depth: number) => {
    if (depth > 20) throw new UnreadablePdf('The page tree is too deep');
    const node = get(id);
    if (/\/Type\s*\/Pages\b/.test(node.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(kid[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(node.dict)) {
      // One content stream, or (as Tranche writes a long document, the footer drawn last) several,
      // which a reader takes in order as one.
      const contents = ref(node.dict, 'Contents');
      const several = /\/Contents\s*\[((?:\s*\d+\s+\d+\s+R)+)\s*\]/.exec(node.dict)?.[1];
      const streams = several
        ? [...several.matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1]))
        : [contents];
      if (streams.length === 0 || streams[0] === null)
        throw new UnreadablePdf('A page keeps its content in a form Tranche does not write');
      const parts = streams.map((id) => decoded(get(id)));
      pages.push(
        parts.length === 1
          ? (parts[0] as Buffer)
          : Buffer.concat(parts.flatMap((p) => [p, NEWLINE])).subarray(0, -1),
      );
    } else throw new UnreadablePdf('The page tree holds something that is not a page');
  };
  walk(ref(catalog.dict, 'Pages'), 0);

  const files = new Map<string, Buffer>();
  for (const object of objects.values()) {
    if (!/\/Type\s*\/Filespec\b/.test(object.dict)) continue;
    const name = /\/F\s*\(([^)]*)\)/.exec(object.dict)?.[1];
    const ef = /\/EF\s*<<([^>]*)>>/.exec(object.dict)?.[1];
    const fileRef = ef ? ref(ef, 'F') : null;
    if (name !== undefined && fileRef !== null) files.set(name, decoded(get(fileRef)));
  }
  return { pages, files };
}
