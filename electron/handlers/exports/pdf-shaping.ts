// Shaping plain Latin words without fontkit's full OpenType engine. pdfkit shapes every distinct
// word with fontkit, which runs each word through the font's whole feature plan (GSUB then GPOS); for
// a notice of 200 awards that was about a thousand words and most of the PDF's time. For Roboto and
// text without combining marks, shaping comes down to two things, both read here from the font's own
// tables: each character's glyph and advance, and the pair kerning of the GPOS `kern` lookups. Words
// that could meet anything more (an `f`, which may start a ligature, or a character outside the
// ranges below) are shaped by fontkit as before, so the glyphs and positions are fontkit's exactly
// (tests/exports/pdf-shaping.test.ts compares the two).

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}
interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
interface Value {
  xAdvance?: number;
}
interface PairSubtable {
  version: number;
  coverage: Coverage;
  pairSets?: { get(i: number): { secondGlyph: number; value1: Value }[] };
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: { get(i: number): { get(j: number): { value1: Value } } };
  valueFormat1: Record<string, boolean>;
  valueFormat2: Record<string, boolean>;
}
interface Lookup {
  lookupType: number;
  subTables: PairSubtable[];
}
interface FontkitFont {
  glyphForCodePoint(codePoint: number): Glyph;
  GSUB?: {
    featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
    lookupList: { get(i: number): { lookupType: number; subTables: { coverage: Coverage }[] } };
  };
  GPOS?: {
    featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
    lookupList: { get(i: number): Lookup };
  };
}
export interface Run {
  glyphs: Glyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}
/** The part of pdfkit's embedded font that shaping touches. */
export interface PdfkitFont {
  font: FontkitFont;
  scale: number;
  layoutRun(text: string, features?: unknown): Run;
}

// Basic Latin, Latin-1 and the punctuation of typeset English (dashes, quotes, bullet, ellipsis, euro),
// but not the soft hyphen, which fontkit hides as a default-ignorable character.
const PUNCTUATION = new Set([0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x20ac]);
const plain = (cp: number) =>
  (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff && cp !== 0xad) || PUNCTUATION.has(cp);

function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs?.indexOf(glyph) ?? -1;
  for (const range of coverage.rangeRecords ?? [])
    if (range.start <= glyph && glyph <= range.end) return range.startCoverageIndex + glyph - range.start;
  return -1;
}

function classOf(classDef: ClassDef, glyph: number): number {
  if (classDef.version === 1) {
    const i = glyph - (classDef.startGlyph ?? 0);
    const values = classDef.classValueArray ?? [];
    return i >= 0 && i < values.length ? (values[i] ?? 0) : 0;
  }
  for (const range of classDef.classRangeRecord ?? [])
    if (range.start <= glyph && glyph <= range.end) return range.class;
  return 0;
}

const onlyXAdvance = (format: Record<string, boolean>) =>
  Object.entries(format).every(([field, set]) => !set || field === 'xAdvance');

/** Lookups of a feature, or null where one is of a kind this shaper does not follow. */
function kernLookups(font: FontkitFont): Lookup[] | null {
  const gpos = font.GPOS;
  if (!gpos) return [];
  const indexes = new Set(
    gpos.featureList.filter((f) => f.tag === 'kern').flatMap((f) => f.feature.lookupListIndexes),
  );
  const lookups = [...indexes].sort((a, b) => a - b).map((i) => gpos.lookupList.get(i));
  const followed = lookups.every(
    (l) =>
      l.lookupType === 2 &&
      l.subTables.every(
        (t) => onlyXAdvance(t.valueFormat1) && onlyXAdvance(t.valueFormat2) && t.version <= 2,
      ),
  );
  return followed ? lookups : null;
}

/** Glyphs that start a ligature: a word holding one is left to fontkit. */
function ligatureStarts(font: FontkitFont): Set<number> {
  const gsub = font.GSUB;
  const starts = new Set<number>();
  if (!gsub) return starts;
  for (const feature of gsub.featureList.filter((f) => ['liga', 'clig', 'rlig', 'calt'].includes(f.tag)))
    for (const index of feature.feature.lookupListIndexes)
      for (const table of gsub.lookupList.get(index).subTables) {
        const coverage = table.coverage;
        if (coverage.version === 1) for (const g of coverage.glyphs ?? []) starts.add(g);
        else
          for (const r of coverage.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) starts.add(g);
      }
  return starts;
}

/** The kerning between two glyphs, as fontkit's GPOS processor sums it over the kern lookups. */
function pairKern(lookups: Lookup[], first: number, second: number): number {
  let kern = 0;
  for (const lookup of lookups)
    for (const table of lookup.subTables) {
      const index = coverageIndex(table.coverage, first);
      if (index === -1) continue;
      if (table.version === 1) {
        const pair = table.pairSets?.get(index).find((p) => p.secondGlyph === second);
        if (!pair) continue;
        kern += pair.value1.xAdvance ?? 0;
        break;
      }
      const c1 = classOf(table.classDef1 as ClassDef, first);
      const c2 = classOf(table.classDef2 as ClassDef, second);
      kern += table.classRecords?.get(c1).get(c2).value1.xAdvance ?? 0;
      break;
    }
  return kern;
}

/**
 * Makes pdfkit's font shape plain words itself, falling back to fontkit for anything else. The
 * kerning of each glyph pair is worked out once per font.
 */
export function shapePlainWords(pdfFont: PdfkitFont): void {
  const font = pdfFont.font;
  const lookups = kernLookups(font);
  if (lookups === null) return;
  const ligatures = ligatureStarts(font);
  const fontkitRun = pdfFont.layoutRun.bind(pdfFont);
  const kerns = new Map<number, number>();
  const kernOf = (a: number, b: number) => {
    const key = a * 65536 + b;
    let kern = kerns.get(key);
    if (kern === undefined) kerns.set(key, (kern = pairKern(lookups, a, b)));
    return kern;
  };
  const glyphs = new Map<number, Glyph>();
  const glyphOf = (cp: number) => {
    let glyph = glyphs.get(cp);
    if (!glyph) glyphs.set(cp, (glyph = font.glyphForCodePoint(cp)));
    return glyph;
  };
  const scale = pdfFont.scale;
  pdfFont.layoutRun = (text: string, features?: unknown): Run => {
    if (features) return fontkitRun(text, features);
    const run: Glyph[] = [];
    for (const char of text) {
      const cp = char.codePointAt(0) as number;
      if (!plain(cp)) return fontkitRun(text);
      const glyph = glyphOf(cp);
      if (ligatures.has(glyph.id)) return fontkitRun(text);
      run.push(glyph);
    }
    const positions: Run['positions'] = [];
    let advanceWidth = 0;
    run.forEach((glyph, i) => {
      const next = run[i + 1];
      const xAdvance = (glyph.advanceWidth + (next ? kernOf(glyph.id, next.id) : 0)) * scale;
      positions.push({
        xAdvance,
        yAdvance: 0,
        xOffset: 0,
        yOffset: 0,
        advanceWidth: glyph.advanceWidth * scale,
      });
      advanceWidth += xAdvance;
    });
    return { glyphs: run, positions, advanceWidth };
  };
}
