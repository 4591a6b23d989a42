import bidiFactory from 'bidi-js';
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Text for the court PDF in any script the parents write: each character in the first font
 * that has it (Noto Sans for Latin, Greek and Cyrillic, Noto Sans Hebrew, Noto Sans Arabic,
 * Noto Emoji), lines wrapped by measured width, and right-to-left text ordered by the Unicode
 * bidirectional algorithm (bidi-js). pdfkit draws one font at a time and knows nothing of
 * direction, so lines are laid out here and drawn piece by piece.
 *
 * The fonts come from npm packages (@fontsource, OFL), so every install prints the same glyphs.
 */

interface FontFile {
  name: string;
  path: string;
}

function fontsourceFile(pkg: string, file: string): string {
  return require.resolve(`${pkg}/files/${file}`);
}

const REGULAR: FontFile[] = [
  ...['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese', 'devanagari'].map((subset) => ({
    name: `sans-${subset}`,
    path: fontsourceFile('@fontsource/noto-sans', `noto-sans-${subset}-400-normal.woff`),
  })),
  {
    name: 'hebrew',
    path: fontsourceFile('@fontsource/noto-sans-hebrew', 'noto-sans-hebrew-hebrew-400-normal.woff'),
  },
  {
    name: 'arabic',
    path: fontsourceFile('@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff'),
  },
  ...['emoji', ...Array.from({ length: 11 }, (_, index) => String(index))].map((subset) => ({
    name: `emoji-${subset}`,
    path: fontsourceFile('@fontsource/noto-emoji', `noto-emoji-${subset}-400-normal.woff`),
  })),
];
const BOLD: FontFile[] = ['latin', 'latin-ext', 'greek', 'cyrillic'].map((subset) => ({
  name: `bold-${subset}`,
  path: fontsourceFile('@fontsource/noto-sans', `noto-sans-${subset}-700-normal.woff`),
}));

/**
 * A WOFF 1.0 file as the plain TrueType/OpenType font it wraps: its tables inflated once with
 * node:zlib. fontkit would inflate them with a pure-JavaScript inflater in every document,
 * which costs seconds per export; the fonts are then held in memory (a few MB) for the process.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: Buffer; checksum: number; data: Buffer }[] = [];
  for (let index = 0; index < numTables; index++) {
    const at = 44 + index * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const original = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    tables.push({
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compressed < original ? inflateSync(raw) : raw,
    });
  }
  let searchRange = 1;
  let entrySelector = 0;
  while (searchRange * 2 <= numTables) {
    searchRange *= 2;
    entrySelector++;
  }
  const header = Buffer.alloc(12 + 16 * numTables);
  header.writeUInt32BE(woff.readUInt32BE(4), 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange * 16, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, index) => {
    const at = 12 + index * 16;
    table.tag.copy(header, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

const fontBytes = new Map<string, Buffer>();
function fontData(file: FontFile): Buffer {
  let bytes = fontBytes.get(file.name);
  if (!bytes) fontBytes.set(file.name, (bytes = woffToSfnt(readFileSync(file.path))));
  return bytes;
}

interface Coverage {
  name: string;
  has: (codePoint: number) => boolean;
}

let coverageCache: { regular: Coverage[]; bold: Coverage[] } | null = null;

/** Which characters each font has, read once per process (the files are a few hundred KB). */
function coverage(): { regular: Coverage[]; bold: Coverage[] } {
  if (!coverageCache) {
    const load = (file: FontFile): Coverage => {
      const font = fontkit.create(fontData(file));
      return {
        name: file.name,
        has: (codePoint) => font.hasGlyphForCodePoint(codePoint),
      };
    };
    coverageCache = { regular: REGULAR.map(load), bold: BOLD.map(load) };
  }
  return coverageCache;
}

/** Characters that belong with the one before them whatever font has them: joiners, variation selectors, skin tones, tags. */
function joinsPrevious(codePoint: number): boolean {
  return (
    codePoint === 0x200d ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    (codePoint >= 0x1f3fb && codePoint <= 0x1f3ff) ||
    (codePoint >= 0xe0020 && codePoint <= 0xe007f) ||
    codePoint === 0x20e3
  );
}

const RTL_CHARACTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|\ud802[\udc00-\udfff]|\ud83a[\udd00-\udd5f]/;
const bidi = bidiFactory();

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

/** Text in one font, in the order it is seen on the line. */
interface Piece {
  text: string;
  font: string;
}

/** pdfkit's embedded font, as far as drawing glyphs straight into the page needs it. */
interface EmbeddedFont {
  id: string;
  scale: number;
  ref: () => PDFKit.PDFKitReference;
  layoutCached: (text: string) => {
    glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
    positions: { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[];
  };
  subset: { includeGlyph: (id: number) => number };
  widths: number[];
  unicode: number[][];
}

/**
 * One word (with its trailing space) in one font, ready to draw: the body of a PDF `TJ`
 * array (glyph ids in hex, kerning as offsets) and its advance in thousandths of the size.
 * `tj` is null when a glyph is moved off the line (a mark placed by the font), which only
 * pdfkit's own drawing handles.
 */
interface WordRun {
  /** The run's operands of TJ; null when a glyph sits off the line (then `glyphs` places each). */
  tj: string | null;
  advance: number;
  glyphs?: PlacedGlyph[];
}

/** A glyph of a run that has marks placed off the line, in thousandths of the font size. */
interface PlacedGlyph {
  hex: string;
  xAdvance: number;
  /** The glyph's own width, as the font's widths array gives it to a PDF reader. */
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** A run cache per font holds at most this many words before it starts again (records repeat words; memory stays bounded). */
const WORD_CACHE_LIMIT = 100_000;
const ASCII_ONLY = /^[\x20-\x7e]*$/;
const SPACE_OR_TAB = /[ \t]/;
const LINE_BREAK = /[\r\n]/;

/** A number as PDF content writes it: at most two decimals, never an exponent. */
function pdfNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** pdfkit's word boundaries: a word ends after each space or tab, which it keeps. */
function pdfkitWords(text: string): string[] {
  return text.match(/[^ \t]*[ \t]|[^ \t]+$/g) ?? [];
}

/**
 * Bytes appended in place: a page's text operators, or the PDF's own output gathered into
 * large pieces. A record sets hundreds of thousands of lines; written as strings, each
 * glyph's four hex digits made a string of their own, and the collector's work on them was a
 * fifth of an export.
 */
export class ContentBytes {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  length = 0;

  /** Room for `count` more bytes. */
  reserve(count: number): Buffer {
    if (this.length + count > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + count));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    return this.bytes;
  }

  /** Appends ASCII text (operators, numbers, hex). */
  text(value: string): void {
    this.length += this.reserve(value.length).write(value, this.length, 'latin1');
  }

  /** Appends bytes. */
  append(bytes: Uint8Array): void {
    this.reserve(bytes.length).set(bytes, this.length);
    this.length += bytes.length;
  }

  /** The bytes so far, as a buffer of their own, and empties the writer. */
  take(): Buffer {
    const taken = Buffer.from(this.bytes.subarray(0, this.length));
    this.length = 0;
    return taken;
  }

  /** The bytes so far as text, and empties the writer. */
  takeText(): string {
    const taken = this.bytes.toString('latin1', 0, this.length);
    this.length = 0;
    return taken;
  }
}

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;

/**
 * Plain ASCII text in a Latin font, set character by character: each character's glyph and
 * each pair's kerning are laid out by the font once, then a line of any words is a single
 * pass with no lookups by string. Records are full of text met once (entry numbers, times),
 * and laying out each word whole costs far more. For these fonts this is the font's own
 * layout, glyph for glyph (kerning is applied across spaces too); a pair the font joins into
 * a ligature (fi, fl, ff) makes `run` and `advance` return null, and the text is laid out by word.
 */
class AsciiSetter {
  /** Each character's glyph id as the four hex digits a PDF string of it holds. */
  private readonly hex = new Uint8Array(128 * 4);
  /** Per pair: the kerning as TJ writes it between two strings ("> -12.5 <"). */
  private readonly kerningText = new Map<number, string>();
  private readonly advances = new Float64Array(128).fill(NaN);
  /** Per pair of character codes: NaN not laid out yet, Infinity a ligature, else the kerning. */
  private readonly kerning = new Float64Array(128 * 128).fill(NaN);

  constructor(private readonly font: EmbeddedFont) {}

  private glyph(code: number): number {
    let advance = this.advances[code]!;
    if (Number.isNaN(advance)) {
      const { glyphs, positions } = this.font.layoutCached(String.fromCharCode(code));
      const glyph = glyphs[0]!;
      // As pdfkit's encode: the glyph joins the document's subset, with its width and text.
      const id = this.font.subset.includeGlyph(glyph.id);
      this.font.widths[id] ??= glyph.advanceWidth * this.font.scale;
      this.font.unicode[id] ??= glyph.codePoints;
      this.hex.set(Buffer.from(id.toString(16).padStart(4, '0'), 'latin1'), code * 4);
      this.advances[code] = advance = positions[0]!.xAdvance;
    }
    return advance;
  }

  private kern(first: number, second: number): number {
    const at = first * 128 + second;
    let value = this.kerning[at]!;
    if (Number.isNaN(value)) {
      const { glyphs, positions } = this.font.layoutCached(String.fromCharCode(first, second));
      this.kerning[at] = value = glyphs.length === 2 ? positions[0]!.xAdvance - this.glyph(first) : Infinity;
    }
    return value;
  }

  /**
   * Writes the text as the operands of TJ (`<glyphs> kerning <glyphs>`) and returns its
   * advance; null, with nothing written, when a pair of its characters is a ligature.
   */
  emit(text: string, out: ContentBytes): number | null {
    const start = out.length;
    let bytes = out.reserve(2 + 4 * text.length);
    let at = out.length;
    bytes[at++] = LESS_THAN;
    let advance = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      let step = this.glyph(code);
      const hexAt = code * 4;
      bytes[at] = this.hex[hexAt]!;
      bytes[at + 1] = this.hex[hexAt + 1]!;
      bytes[at + 2] = this.hex[hexAt + 2]!;
      bytes[at + 3] = this.hex[hexAt + 3]!;
      at += 4;
      if (index + 1 < text.length) {
        const next = text.charCodeAt(index + 1);
        const kerning = this.kern(code, next);
        if (kerning === Infinity) {
          out.length = start;
          return null;
        }
        if (kerning !== 0) {
          const pair = code * 128 + next;
          let between = this.kerningText.get(pair);
          if (between === undefined) this.kerningText.set(pair, (between = `> ${pdfNumber(-kerning)} <`));
          out.length = at;
          out.text(between);
          bytes = out.reserve(1 + 4 * (text.length - index));
          at = out.length;
          step += kerning;
        }
      }
      advance += step;
    }
    bytes[at++] = GREATER_THAN;
    out.length = at;
    return advance;
  }

  advance(text: string): number | null {
    let advance = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      advance += this.glyph(code);
      if (index + 1 < text.length) {
        const kerning = this.kern(code, text.charCodeAt(index + 1));
        if (kerning === Infinity) return null;
        advance += kerning;
      }
    }
    return advance;
  }
}

/**
 * Text operators for runs of which some place a glyph off the line (an Arabic or Hebrew mark
 * the font positions over or under its letter), as pdfkit's own text drawing places them:
 * runs on the line go into TJ from the pen's place, and each glyph off the line is set alone
 * at the pen plus its offsets (`Tm`), the pen then moving by the glyph's advance.
 */
function placedRuns(runs: readonly WordRun[], x: number, baseline: number, size: number): string {
  const scale = size / 1000;
  let operators = '';
  let pen = x;
  let segment = '';
  let segmentAt = x;
  const add = (tj: string) => {
    if (!segment) segmentAt = pen;
    segment += segment ? ` ${tj}` : tj;
  };
  const flush = () => {
    if (segment) operators += `1 0 0 1 ${pdfNumber(segmentAt)} ${pdfNumber(baseline)} Tm [${segment}] TJ\n`;
    segment = '';
  };
  for (const run of runs) {
    if (run.tj !== null) {
      add(run.tj);
      pen += run.advance * scale;
      continue;
    }
    for (const glyph of run.glyphs ?? []) {
      if (glyph.xOffset || glyph.yOffset) {
        flush();
        operators += `1 0 0 1 ${pdfNumber(pen + glyph.xOffset * scale)} ${pdfNumber(baseline + glyph.yOffset * scale)} Tm [<${glyph.hex}>] TJ\n`;
      } else {
        const kerning = glyph.xAdvance - glyph.advanceWidth;
        add(kerning ? `<${glyph.hex}> ${pdfNumber(-kerning)}` : `<${glyph.hex}>`);
      }
      pen += glyph.xAdvance * scale;
    }
  }
  flush();
  return operators;
}

/** A PDF object of pdfkit's, as far as the hooks below need it. */
interface ObjectReference {
  compress: boolean;
  data: { Filter?: string };
  buffer: Uint8Array[];
  finalize: () => void;
}

/** A page of pdfkit's, as far as the hooks below need it. */
interface WrittenPage {
  content: ObjectReference;
  resources: ObjectReference;
  dictionary: ObjectReference;
  end: () => void;
}

/**
 * zlib's level for the pages' text. pdfkit deflates every stream at zlib's default (6); a
 * record's pages are almost all glyph ids in hex, which level 1 deflates in about half the
 * time for a file about a fifth larger, and deflating was the largest single cost of a
 * long export after setting the text.
 */
const PAGE_DEFLATE_LEVEL = 1;

/**
 * Hooks into a page of pdfkit's as it is added: its content is deflated at PAGE_DEFLATE_LEVEL
 * (pdfkit still writes the object), and once written, its dictionaries are let go. pdfkit's
 * page tree keeps every page for the object number it lists at the end, and with it each
 * page's dictionaries, which held several MB for a long record.
 */
function hookPage(page: WrittenPage): void {
  const { content } = page;
  const finalize = content.finalize.bind(content);
  content.compress = false;
  content.finalize = () => {
    if (content.buffer.length > 0) {
      content.buffer = [deflateSync(Buffer.concat(content.buffer), { level: PAGE_DEFLATE_LEVEL })];
      content.data.Filter = 'FlateDecode';
    }
    finalize();
  };
  const end = page.end.bind(page);
  page.end = () => {
    end();
    for (const written of [page.dictionary, page.resources, page.content]) written.data = {};
  };
}

export class PdfText {
  private readonly fontOf = new Map<number, string>();
  private readonly fonts: { regular: Coverage[]; bold: Coverage[] };
  private readonly fontObjects = new Map<string, EmbeddedFont>();
  private readonly wordRuns = new Map<string, Map<string, WordRun>>();
  private readonly colors = new Map<string, string>();
  private readonly asciiSetters = new Map<string, AsciiSetter>();
  /** The one font that has every printable ASCII character, per weight: plain lines skip the per-character choice. */
  private readonly asciiFont: { regular: string | null; bold: string | null };

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.fonts = coverage();
    doc.on('pageAdded', () => hookPage(doc.page as unknown as WrittenPage));
    for (const file of [...REGULAR, ...BOLD]) doc.registerFont(file.name, fontData(file));
    const asciiFont = (bold: boolean): string | null => {
      const first = this.pickFont(0x20, bold);
      for (let code = 0x21; code <= 0x7e; code++) if (this.pickFont(code, bold) !== first) return null;
      return first;
    };
    this.asciiFont = { regular: asciiFont(false), bold: asciiFont(true) };
  }

  /** The font for one character: the first that has it; a character no font has keeps the Latin font (never silently dropped from the text layer). */
  private pickFont(codePoint: number, bold: boolean): string {
    // Keyed by number (bold ones above every code point): a string key per character cost more than the look-up.
    const key = bold ? codePoint + 0x110000 : codePoint;
    let name = this.fontOf.get(key);
    if (name === undefined) {
      const chain = bold ? [...this.fonts.bold, ...this.fonts.regular] : this.fonts.regular;
      name = chain.find((font) => font.has(codePoint))?.name ?? chain[0]!.name;
      this.fontOf.set(key, name);
    }
    return name;
  }

  /** Splits text (in the order given) into runs of one font each. */
  private fontRuns(text: string, bold: boolean): { text: string; font: string }[] {
    const ascii = bold ? this.asciiFont.bold : this.asciiFont.regular;
    if (ascii !== null && ASCII_ONLY.test(text)) return [{ text, font: ascii }];
    const runs: { text: string; font: string }[] = [];
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      const last = runs.at(-1);
      const font = last && (joinsPrevious(codePoint) || codePoint === 0x20) ? last.font : this.pickFont(codePoint, bold);
      if (last && last.font === font) last.text += char;
      else runs.push({ text: char, font });
    }
    return runs;
  }

  private fontObject(name: string): EmbeddedFont {
    let font = this.fontObjects.get(name);
    if (!font) {
      this.doc.font(name);
      font = (this.doc as unknown as { _font: EmbeddedFont })._font;
      this.fontObjects.set(name, font);
    }
    return font;
  }

  /** A word laid out by the font (through pdfkit's own layout cache, so glyphs are exactly pdfkit's), kept for reuse. */
  private wordRun(fontName: string, word: string): WordRun {
    let runs = this.wordRuns.get(fontName);
    if (!runs) this.wordRuns.set(fontName, (runs = new Map<string, WordRun>()));
    let run = runs.get(word);
    if (run) return run;
    // Plain ASCII is set from the font's table at once: kept, it would only fill the heap.
    const setter = this.asciiSetter(fontName, word);
    const asciiAdvance = setter?.emit(word, this.scratch);
    if (asciiAdvance !== undefined && asciiAdvance !== null) return { tj: this.scratch.takeText(), advance: asciiAdvance };
    const font = this.fontObject(fontName);
    const { glyphs, positions } = font.layoutCached(word);
    const parts: string[] = [];
    const placed: PlacedGlyph[] = [];
    let hex = '';
    let advance = 0;
    let moved = false;
    for (let index = 0; index < glyphs.length; index++) {
      const glyph = glyphs[index]!;
      const position = positions[index]!;
      // As pdfkit's encode: the glyph joins the document's subset, with its width and text.
      const id = font.subset.includeGlyph(glyph.id);
      const glyphHex = id.toString(16).padStart(4, '0');
      placed.push({ hex: glyphHex, xAdvance: position.xAdvance, advanceWidth: position.advanceWidth, xOffset: position.xOffset, yOffset: position.yOffset });
      hex += glyphHex;
      font.widths[id] ??= glyph.advanceWidth * font.scale;
      font.unicode[id] ??= glyph.codePoints;
      if (position.xOffset || position.yOffset) moved = true;
      const kerning = position.xAdvance - position.advanceWidth;
      if (kerning !== 0) {
        parts.push(`<${hex}> ${pdfNumber(-kerning)}`);
        hex = '';
      }
      advance += position.xAdvance;
    }
    if (hex) parts.push(`<${hex}>`);
    run = moved ? { tj: null, advance, glyphs: placed } : { tj: parts.join(' '), advance };
    if (runs.size >= WORD_CACHE_LIMIT) runs.clear();
    runs.set(word, run);
    return run;
  }

  /** The advance of text in one font, in thousandths of the size. */
  private advance(fontName: string, text: string): number {
    const setter = this.asciiSetter(fontName, text);
    const set = setter?.advance(text);
    if (set !== undefined && set !== null) return set;
    if (!SPACE_OR_TAB.test(text)) return this.wordRun(fontName, text).advance;
    let advance = 0;
    for (const word of pdfkitWords(text)) advance += this.wordRun(fontName, word).advance;
    return advance;
  }

  width(text: string, style: TextStyle): number {
    let advance = 0;
    for (const run of this.fontRuns(text, style.bold ?? false)) advance += this.advance(run.font, run.text);
    return (advance * style.size) / 1000;
  }

  /** Line height for a size: room for Arabic's tall marks and emoji. */
  lineHeight(style: TextStyle): number {
    return style.size * 1.45;
  }

  /**
   * Wraps `text` to `width` and returns its lines (logical order, no trailing spaces). Words
   * longer than a line are cut by character, so nothing is lost off the edge.
   */
  wrap(text: string, width: number, style: TextStyle): string[] {
    // Most lines of a record fit (times, entry numbers, short messages): one measure, no words.
    if (!LINE_BREAK.test(text) && this.width(text, style) <= width) return [text.trimEnd()];
    const lines: string[] = [];
    for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
      let line = '';
      let lineWidth = 0;
      for (const token of paragraph.match(/\s+|\S+/g) ?? ['']) {
        const tokenWidth = this.width(token, style);
        if (lineWidth + tokenWidth <= width || line === '') {
          if (tokenWidth > width && line === '' && !/^\s+$/.test(token)) {
            // A word wider than the line: cut it by characters.
            let part = '';
            for (const char of token) {
              if (part && this.width(part + char, style) > width) {
                lines.push(part);
                part = '';
              }
              part += char;
            }
            line = part;
            lineWidth = this.width(part, style);
            continue;
          }
          line += token;
          lineWidth += tokenWidth;
        } else if (/^\s+$/.test(token)) {
          continue;
        } else {
          lines.push(line.trimEnd());
          if (tokenWidth > width) {
            line = '';
            let part = '';
            for (const char of token) {
              if (part && this.width(part + char, style) > width) {
                lines.push(part);
                part = '';
              }
              part += char;
            }
            line = part;
            lineWidth = this.width(part, style);
          } else {
            line = token;
            lineWidth = tokenWidth;
          }
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  /**
   * Draws one line at (x, y): left-to-right text from x; a line whose paragraph direction is
   * right-to-left is aligned to the right edge `x + width`. Pieces are drawn in visual order.
   */
  drawLine(line: string, x: number, y: number, width: number, style: TextStyle): void {
    const { pieces, rightToLeft } = this.visualPieces(line, style.bold ?? false);
    let at = x;
    if (rightToLeft) at = x + width - pieces.reduce((sum, piece) => sum + this.pieceWidth(piece, style), 0);
    // One baseline for every font of the line (each font has its own ascent), in PDF's own
    // upward coordinates: pdfkit's pages are drawn top-down.
    const baselineY = this.doc.page.height - (y + style.size * 1.08);
    const baseline = pdfNumber(baselineY);
    const size = pdfNumber(style.size);
    const out = this.content;
    const page = this.doc.page as unknown as { fonts: Record<string, PDFKit.PDFKitReference> };
    let opened = false;
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index]!;
      if (piece.text.trim() !== '') {
        if (!opened) {
          out.text(`q 1 0 0 -1 0 ${pdfNumber(this.doc.page.height)} cm ${this.rgb(style.color ?? '#111111')} rg BT\n`);
          opened = true;
        }
        const font = this.fontObject(piece.font);
        page.fonts[font.id] ??= font.ref();
        const start = out.length;
        out.text(`/${font.id} ${size} Tf 1 0 0 1 ${pdfNumber(at)} ${baseline} Tm [`);
        if (this.writeTj(piece, out)) out.text('] TJ\n');
        else {
          out.length = start;
          out.text(`/${font.id} ${size} Tf\n${placedRuns(this.runsOf(piece), at, baselineY, style.size)}`);
        }
      }
      // The last piece's width is needed only to align a right-to-left line, done above.
      if (index + 1 < pieces.length) at += this.pieceWidth(piece, style);
    }
    // Glyphs are written straight into the page: pdfkit's text() measures and lays out every
    // call again, which made a long record take minutes.
    if (opened) out.text('ET Q\n');
  }

  /** Text drawn on this page and not yet in its content: written once (pdfkit makes a buffer of each write). */
  private readonly content = new ContentBytes();
  /** A writer for one word's operands at a time. */
  private readonly scratch = new ContentBytes();

  /** Writes the page's text into its content: before the page is finished (each block stands alone, so its place among drawings does not matter). */
  flush(): void {
    if (this.content.length === 0) return;
    this.content.text('\n');
    this.doc.addContent(this.content.take());
  }

  /**
   * The text-drawing operators of one line of plain text in the Latin font, at (0, 0) in
   * PDF's own coordinates, and the font they use: for a form drawn on many pages (the page
   * count in the footers), whose content is written after the pages.
   */
  formText(text: string, style: TextStyle): { operators: string; font: PDFKit.PDFKitReference } {
    const [piece, ...more] = this.fontRuns(text, style.bold ?? false);
    if (!piece || more.length > 0 || !this.writeTj(piece, this.scratch)) throw new Error(`"${text}" is not plain text in one font`);
    const font = this.fontObject(piece.font);
    return { operators: `BT /F1 ${pdfNumber(style.size)} Tf 0 0 Td [${this.scratch.takeText()}] TJ ET`, font: font.ref() };
  }

  /**
   * Writes a piece as the operands of TJ; false, with nothing written, when a glyph of it sits
   * off the line (a mark placed by the font: placedRuns draws those).
   */
  private writeTj(piece: Piece, out: ContentBytes): boolean {
    const setter = this.asciiSetter(piece.font, piece.text);
    if (setter && setter.emit(piece.text, out) !== null) return true;
    const runs = this.runsOf(piece);
    if (runs.some((run) => run.tj === null)) return false;
    runs.forEach((run, index) => out.text(index === 0 ? run.tj! : ` ${run.tj!}`));
    return true;
  }

  /** A piece's words laid out by the font (pdfkit's word boundaries). */
  private runsOf(piece: Piece): WordRun[] {
    return SPACE_OR_TAB.test(piece.text) ? pdfkitWords(piece.text).map((word) => this.wordRun(piece.font, word)) : [this.wordRun(piece.font, piece.text)];
  }

  private pieceWidth(piece: Piece, style: TextStyle): number {
    return (this.advance(piece.font, piece.text) * style.size) / 1000;
  }

  /** '#rrggbb' as the three fractions of a PDF colour operator. */
  private rgb(color: string): string {
    let value = this.colors.get(color);
    if (!value) {
      const channel = (at: number) => pdfNumber(parseInt(color.slice(at, at + 2), 16) / 255);
      this.colors.set(color, (value = `${channel(1)} ${channel(3)} ${channel(5)}`));
    }
    return value;
  }

  /**
   * The line as pieces of one font, one direction and no spaces inside, in the order they are
   * seen, and whether its paragraph runs right to left (the bidirectional levels, worked out once).
   */
  private visualPieces(line: string, bold: boolean): { pieces: Piece[]; rightToLeft: boolean } {
    // Left to right only: one piece per font (pdfkit spaces words itself), so a plain line is one drawing call.
    if (!RTL_CHARACTER.test(line)) return { pieces: this.fontRuns(line, bold), rightToLeft: false };
    const embedding = bidi.getEmbeddingLevels(line, 'auto');
    const { levels } = embedding;
    // Visual order of UTF-16 indices (a surrogate pair moves as one character).
    const order = Array.from({ length: line.length }, (_, index) => index);
    for (const [start, end] of bidi.getReorderSegments(line, embedding, 0, line.length - 1) as [number, number][]) {
      const reversed = order.slice(start, end + 1).reverse();
      order.splice(start, reversed.length, ...reversed);
    }
    // Group visual characters into pieces: same font, same direction, spaces apart.
    const groups: {
      indices: number[];
      rtl: boolean;
      font: string;
      space: boolean;
    }[] = [];
    for (let position = 0; position < order.length; position++) {
      const index = order[position]!;
      const code = line.charCodeAt(index);
      if (code >= 0xdc00 && code <= 0xdfff) continue; // the low half: taken with its high half
      let char = line[index]!;
      if (code >= 0xd800 && code <= 0xdbff) char = line.slice(index, index + 2);
      const codePoint = char.codePointAt(0)!;
      const rtl = (levels[index] ?? 0) % 2 === 1;
      const space = /\s/.test(char);
      const last = groups.at(-1);
      const font = last && joinsPrevious(codePoint) ? last.font : this.pickFont(codePoint, bold);
      if (last && last.font === font && last.rtl === rtl && last.space === space && !space) last.indices.push(index);
      else groups.push({ indices: [index], rtl, font, space });
    }
    const pieces = groups.map((group) => {
      const chars = group.indices.map((index) => {
        const code = line.charCodeAt(index);
        return code >= 0xd800 && code <= 0xdbff ? line.slice(index, index + 2) : line[index]!;
      });
      // A right-to-left piece of a right-to-left script goes to the font in logical order: its
      // shaper (Arabic joining) needs it, and lays the glyphs out right to left itself.
      const text = group.rtl && RTL_CHARACTER.test(chars.join('')) ? chars.reverse().join('') : chars.join('');
      return { text, font: group.font };
    });
    return { pieces, rightToLeft: embedding.paragraphs[0]?.level === 1 };
  }

  /** The ASCII setter of a Latin font, when `text` is plain ASCII in it. */
  private asciiSetter(fontName: string, text: string): AsciiSetter | undefined {
    if ((fontName !== this.asciiFont.regular && fontName !== this.asciiFont.bold) || !ASCII_ONLY.test(text)) return undefined;
    let setter = this.asciiSetters.get(fontName);
    if (!setter) this.asciiSetters.set(fontName, (setter = new AsciiSetter(this.fontObject(fontName))));
    return setter;
  }
}
