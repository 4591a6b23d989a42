import type { Writable } from 'node:stream';
import { LEDGER_ENTRY_TYPES, describeEntry, type CaseTerms, type OpenLedgerEntry } from '@parallel/domain';
import { DateTime } from 'luxon';
import PDFDocument from 'pdfkit';
import type { LedgerTypeFilter } from '../ledger/stored-entry';
import { ContentBytes, PdfText, type TextStyle } from './pdf-text';
import { ScheduleAndMoneyFigures } from './summary-figures';
import { ZoneTimes } from './zone-times';

/** What the court PDF is made from: the case's facts and its chain, read page by page. */
export interface RecordPdfSource {
  /** The export this PDF is the record of. */
  exportId: string;
  caseId: string;
  caseName: string;
  timeZone: string;
  children: string[];
  /** Both parents, the case's creator first. */
  parents: { id: string; name: string }[];
  exportedBy: string;
  generatedAt: string;
  head: { seq: number; hash: string };
  keyFingerprint: string;
  range: { from: string | null; to: string | null };
  sections: readonly string[];
  /**
   * The chain from entry 1 to the head, in pages (never the whole record at once). Called
   * once per pass: the summary's figures first, then each printed section. A section's pass
   * names the types it prints, so a source that can filter reads only those.
   */
  entries: (filter?: LedgerTypeFilter) => AsyncIterable<OpenLedgerEntry[]>;
}

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const BOTTOM = PAGE.height - 62;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

const MUTED = '#555555';
/** Parent colours with a pattern each, so the chart never depends on colour alone. */
const PARENT_INK = ['#1f4e79', '#b4651e'];
const HELD_INK = '#7a1f1f';

const TOPIC_WORDS: Record<string, string> = {
  schedule: 'Schedule',
  health: 'Health',
  school: 'School',
  activities: 'Activities',
  expenses: 'Expenses',
  travel: 'Travel',
  other: 'Other',
};
const HELD_REASONS: Record<string, string> = {
  quota_exceeded: 'over the daily limit',
  urgent_limit_reached: 'over the urgent allowance',
  urgent_disabled: 'urgent messages turned off',
};
/** Entry types printed in their own sections (the rest are listed under "Other entries" by their sentence). */
const MESSAGE_TYPES = new Set(['message.sent', 'message.released', 'message.read', 'message.reads_recorded']);
const TERMS_TYPES = new Set(['case.created', 'terms.proposed', 'terms.accepted', 'terms.declined', 'terms.withdrawn', 'inbox_terms.changed']);
const SCHEDULE_TYPES = new Set<string>(LEDGER_ENTRY_TYPES.filter((type) => type.startsWith('schedule.')));
const MONEY_TYPES = new Set<string>(LEDGER_ENTRY_TYPES.filter((type) => type.startsWith('expense.') || type.startsWith('payment.')));
/** Types that have a section of their own (printed there when it is chosen, never under "Other entries"). */
const PRINTED_IN_SECTIONS = new Set<string>([...MESSAGE_TYPES, ...TERMS_TYPES, 'message.held_back', ...SCHEDULE_TYPES, ...MONEY_TYPES]);
const OTHER_FILTER: LedgerTypeFilter = { except: [...PRINTED_IN_SECTIONS] };

interface DayCounts {
  sent: number[];
  held: number[];
  urgent: number[];
}

interface Figures {
  messages: number[];
  urgent: number[];
  held: number[];
  heldDays: Map<string, number[]>;
  days: Map<string, DayCounts>;
  /** Per message in range: when it reached the recipient and when they first opened it. */
  delivery: DeliveryTimes;
  termsChanges: number;
  otherByType: Map<string, number>;
  scheduleAndMoney: ScheduleAndMoneyFigures;
  firstDay: string | null;
  lastDay: string | null;
}

/**
 * Writes the record for court to `out`, streamed: pdfkit writes each page as it is finished,
 * and the chain is read in pages, so a record of any length is printed in bounded memory.
 */
export async function writeRecordPdf(source: RecordPdfSource, out: Writable): Promise<void> {
  const zone = source.timeZone;
  const parentIndex = new Map(source.parents.map((parent, index) => [parent.id, index]));
  const names = new Map(source.parents.map((parent) => [parent.id, parent.name]));
  const nameOf = (id: string | null): string => (id === null ? 'Parallel' : (names.get(id) ?? 'a former member'));
  const times = new ZoneTimes(zone);
  const dayOf = (iso: string): string => times.day(iso);
  const inRange = (iso: string): boolean => {
    const day = dayOf(iso);
    return (source.range.from === null || day >= source.range.from) && (source.range.to === null || day <= source.range.to);
  };
  const sections = new Set(source.sections);

  const figures = await gatherFigures(source, parentIndex, dayOf, inRange);

  const generated = new Date(source.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    autoFirstPage: false,
    compress: true,
    info: {
      Title: `Record of ${source.caseName}`,
      Author: 'Parallel',
      Subject: `Case ${source.caseId}, ledger up to entry ${source.head.seq}`,
      Creator: 'Parallel',
      Producer: 'Parallel (pdfkit)',
      CreationDate: generated,
      ModDate: generated,
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
    // A download cancelled half-way: stop reading the chain (after a finish this does nothing).
    out.once('close', () => reject(new Error('the download was cancelled')));
    doc.once('error', reject);
  });
  gatherWrites(doc);
  doc.pipe(out);
  const text = new PdfText(doc);

  // "page x of y": y is unknown until the end, so every footer shows one small drawing that is written last.
  const totalPages = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, -2, 40, 9] });
  const FOOTER: TextStyle = { size: 7, color: MUTED };
  let pageNumber = 0;
  let y = PAGE.margin;

  const newPage = () => {
    text.flush();
    doc.addPage({ size: 'A4', margin: PAGE.margin });
    pageNumber += 1;
    const footer = `Case ${source.caseId}  ·  ledger head ${source.head.hash.slice(0, 16)}  ·  page ${pageNumber} of `;
    const footerY = PAGE.height - 40;
    doc
      .moveTo(PAGE.margin, footerY - 6)
      .lineTo(PAGE.width - PAGE.margin, footerY - 6)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    text.drawLine(footer, PAGE.margin, footerY - 7 * 0.35, CONTENT_WIDTH, FOOTER);
    (doc.page as unknown as { xobjects: Record<string, unknown> }).xobjects.TP = totalPages;
    // pdfkit's pages are drawn top-down (y flipped); the form is drawn upright at the baseline.
    const width = text.width(footer, FOOTER);
    doc.addContent(`q 1 0 0 -1 ${(PAGE.margin + width).toFixed(2)} ${(footerY - 7 * 0.35 + 7 * 1.08).toFixed(2)} cm 0.33 0.33 0.33 rg /TP Do Q`);
    y = PAGE.margin;
  };
  const ensure = (height: number) => {
    if (y + height > BOTTOM) newPage();
  };
  const write = (value: string, style: TextStyle, options: { indent?: number; gap?: number } = {}) => {
    const x = PAGE.margin + (options.indent ?? 0);
    const width = CONTENT_WIDTH - (options.indent ?? 0);
    const lineHeight = text.lineHeight(style);
    for (const line of text.wrap(value, width, style)) {
      ensure(lineHeight);
      text.drawLine(line, x, y, width, style);
      y += lineHeight;
    }
    y += options.gap ?? 0;
  };
  const heading = (title: string) => {
    ensure(60);
    y += 6;
    write(title, { size: 15, bold: true }, { gap: 6 });
  };
  const backpressure = async () => {
    // pdfkit pushes without waiting: let the reader catch up between pages of the chain.
    const readable = doc as unknown as { readableLength: number };
    while (readable.readableLength > 4 * 1024 * 1024 && !out.destroyed) await new Promise((resolve) => setTimeout(resolve, 2));
    if (out.destroyed) throw new Error('the download was cancelled');
  };
  const both = (iso: string): string => `${times.format(iso)} = ${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

  // --- Cover ---
  newPage();
  write('Record for court', { size: 24, bold: true }, { gap: 4 });
  write(source.caseName, { size: 16 }, { gap: 14 });
  const rangeWords =
    source.range.from || source.range.to ? `${source.range.from ?? 'the first entry'} to ${source.range.to ?? 'the export'} (dates in ${zone})` : 'the whole record';
  const facts: [string, string][] = [
    ['Case', source.caseId],
    ['Parents', source.parents.map((parent) => parent.name).join(' and ')],
    ['Children', source.children.join(', ') || '(none named)'],
    ['Time zone', `${zone}; every time is given in it and in UTC`],
    ['Range printed', rangeWords],
    ['Sections', ['summary', ...source.sections].join(', ')],
    ['Generated', `${both(source.generatedAt)}, by ${source.exportedBy}`],
    ['Ledger head', `entry ${source.head.seq}, hash ${source.head.hash}`],
    ['Signing key', source.keyFingerprint],
  ];
  for (const [label, value] of facts) {
    const top = y;
    write(label, { size: 9, bold: true, color: MUTED });
    y = top;
    write(value, { size: 10 }, { indent: 95, gap: 5 });
  }
  y += 10;
  write('How to check that this record is complete and unaltered', { size: 12, bold: true }, { gap: 4 });
  write(
    'This PDF is one file of a signed bundle (bundle.zip) that also holds the case’s whole ledger (ledger.jsonl, every entry from the first to the head above), a manifest with the SHA-256 of every file, and the manifest’s Ed25519 signature. Each ledger entry carries the hash of the one before it, so changing, removing or reordering any entry breaks every later hash.',
    { size: 10 },
    { gap: 5 },
  );
  write(
    'To check it: run "npm run -s verify -- bundle.zip" from Parallel’s source, or, without any of our code, follow docs/record-format.md with sha256sum, openssl and jq. Compare the signing key’s fingerprint in the bundle with the one above (Parallel also shows it on the record page when an export is made). A valid bundle proves this PDF and the ledger are exactly what the server signed; the first entry that fails is where trust ends.',
    { size: 10 },
    { gap: 5 },
  );

  // --- Summary ---
  newPage();
  heading('Summary');
  write(
    `Figures for ${rangeWords}. Held-back attempts are messages the recipient’s limits kept out of their inbox; they are kept in the record with their text.`,
    { size: 9, color: MUTED },
    { gap: 8 },
  );
  const columns = [PAGE.margin, PAGE.margin + 190, PAGE.margin + 280, PAGE.margin + 370];
  const row = (cells: string[], style: TextStyle) => {
    const widths = cells.map((_, index) => (index === 0 ? 185 : 85));
    const lines = cells.map((cell, index) => text.wrap(cell, widths[index]!, style));
    const height = Math.max(...lines.map((cellLines) => cellLines.length)) * text.lineHeight(style);
    ensure(height);
    lines.forEach((cellLines, index) => cellLines.forEach((line, at) => text.drawLine(line, columns[index]!, y + at * text.lineHeight(style), widths[index]!, style)));
    y += height;
  };
  row(['', ...source.parents.map((parent) => parent.name)], {
    size: 10,
    bold: true,
  });
  row(['Messages sent', ...source.parents.map((_, index) => String(figures.messages[index] ?? 0))], { size: 10 });
  row(['Urgent messages', ...source.parents.map((_, index) => String(figures.urgent[index] ?? 0))], { size: 10 });
  row(['Held-back attempts', ...source.parents.map((_, index) => String(figures.held[index] ?? 0))], { size: 10 });
  const delays = readDelays(figures, source.parents.length);
  row(['Messages received, opened', ...delays.map((d) => `${d.read} of ${d.received}`)], { size: 10 });
  row(['Median time to first open', ...delays.map((d) => d.median)], {
    size: 10,
  });
  for (const [label, cells] of figures.scheduleAndMoney.rows()) row([label, ...cells], { size: 10 });
  y += 6;
  write(figures.scheduleAndMoney.balanceSentence(nameOf), { size: 10 }, { gap: 3 });
  write(`Changes of the terms of contact (proposals, answers, inbox terms): ${figures.termsChanges}.`, { size: 10 }, { gap: 3 });
  const heldDays = [...figures.heldDays.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  if (heldDays.length) {
    write('Days with held-back attempts:', { size: 10, bold: true });
    write(
      heldDays
        .map(
          ([day, counts]) =>
            `${day}: ${source.parents
              .map((parent, index) => (counts[index] ? `${counts[index]} by ${parent.name}` : ''))
              .filter(Boolean)
              .join(', ')}`,
        )
        .join('; '),
      { size: 9 },
      { gap: 3 },
    );
  } else {
    write('No attempt was held back in this range.', { size: 10 }, { gap: 3 });
  }
  if (figures.otherByType.size) {
    write(
      `Other entries: ${[...figures.otherByType.entries()].map(([type, count]) => `${count} ${type}`).join(', ')} (listed under "Other entries" by their sentence).`,
      { size: 10 },
      { gap: 3 },
    );
  }
  y += 8;
  drawChart(
    doc,
    text,
    figures,
    source.parents,
    () => y,
    (value) => (y = value),
    ensure,
  );

  // --- Messages ---
  if (sections.has('messages')) {
    newPage();
    heading('Messages');
    write(`Every message in order, with its full text. Times in ${zone} and in UTC.`, { size: 9, color: MUTED }, { gap: 8 });
    let printed = 0;
    for await (const page of source.entries({ only: ['message.sent'] })) {
      for (const entry of page) {
        if (entry.type !== 'message.sent' || !inRange(entry.at)) continue;
        const { messageId, recipientId, topic, text: body, urgent } = entry.payload;
        const times = figures.delivery.get(messageId);
        ensure(60);
        write(`${nameOf(entry.actorId)} to ${nameOf(recipientId)}  ·  ${TOPIC_WORDS[topic] ?? topic}${urgent ? '  ·  URGENT' : ''}`, { size: 10, bold: true });
        write(`Sent ${both(entry.at)}`, { size: 8, color: MUTED });
        write(times?.delivered !== undefined ? `Delivered ${both(new Date(times.delivered).toISOString())}` : 'Not delivered yet (held for a delivery window)', {
          size: 8,
          color: MUTED,
        });
        write(times?.read !== undefined ? `First read ${both(new Date(times.read).toISOString())}` : 'Not read', { size: 8, color: MUTED });
        write(`Ledger entry ${entry.seq}`, { size: 7, color: MUTED }, { gap: 2 });
        write(body, { size: 10 }, { indent: 8, gap: 10 });
        printed++;
        // Setting a message takes tens of microseconds: every 200, other requests get their turn.
        if (printed % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await backpressure();
    }
    if (printed === 0) write('No message in this range.', { size: 10 });
  }

  // --- Held back ---
  if (sections.has('held-back')) {
    newPage();
    heading('Held-back attempts');
    write('Attempts the recipient’s limits kept out of their inbox, with their text. The recipient was told only that they were held back.', { size: 9, color: MUTED }, { gap: 8 });
    let printed = 0;
    for await (const page of source.entries({ only: ['message.held_back'] })) {
      for (const entry of page) {
        if (entry.type !== 'message.held_back' || !inRange(entry.at)) continue;
        const { topic, text: body, urgent, reason } = entry.payload;
        ensure(50);
        write(`${nameOf(entry.actorId)}  ·  ${TOPIC_WORDS[topic] ?? topic}${urgent ? '  ·  URGENT' : ''}  ·  held back: ${HELD_REASONS[reason] ?? reason}`, {
          size: 10,
          bold: true,
          color: HELD_INK,
        });
        write(`Attempted ${both(entry.at)}  ·  ledger entry ${entry.seq}`, { size: 8, color: MUTED }, { gap: 2 });
        write(body, { size: 10 }, { indent: 8, gap: 10 });
        printed++;
      }
      await backpressure();
    }
    if (printed === 0) write('No attempt was held back in this range.', { size: 10 });
  }

  // --- Terms ---
  let terms: CaseTerms | undefined;
  const context = () => ({
    timeZone: zone,
    nameOf,
    termsInForce: terms,
    firstParentId: source.parents[0]?.id,
  });
  /**
   * A section of entries each told in one sentence, with its time in both zones and its place
   * in the chain: the entries of `types`, or (null) every entry no section of its own prints.
   */
  const sentenceSection = async (title: string, intro: string, types: ReadonlySet<string> | null) => {
    newPage();
    heading(title);
    write(intro, { size: 9, color: MUTED }, { gap: 8 });
    const belongs = (type: string) => (types ? types.has(type) : !PRINTED_IN_SECTIONS.has(type));
    let printed = 0;
    for await (const page of source.entries(types ? { only: [...types] } : OTHER_FILTER)) {
      for (const entry of page) {
        if (entry.type === 'case.created') terms = entry.payload.terms;
        if (!belongs(entry.type) || !inRange(entry.at)) continue;
        write(`${both(entry.at)}  ·  ledger entry ${entry.seq}`, { size: 8, color: MUTED });
        write(describeEntry(entry, context()), { size: 10 }, { gap: 8 });
        printed++;
      }
      await backpressure();
    }
    if (printed === 0) write('Nothing of this kind in this range.', { size: 10 });
  };
  if (sections.has('terms'))
    await sentenceSection('Terms of contact', 'The case’s first terms, each proposal and its answer, and each change a parent made to their own inbox.', TERMS_TYPES);
  if (sections.has('schedule'))
    await sentenceSection('Schedule', 'Parenting-time plans and their answers, changes for single days, swaps and check-ins at exchanges, in order.', SCHEDULE_TYPES);
  if (sections.has('expenses'))
    await sentenceSection('Expenses and payments', 'Each shared expense with its receipts and its answer, and each payment with its proof and confirmation, in order.', MONEY_TYPES);
  // Everything else, by its sentence (entries of modules this version has no section for are listed here too).
  if (sections.has('other')) await sentenceSection('Other entries', 'Every other entry of the record in this range, in one plain sentence each.', null);

  text.flush();
  const count = text.formText(String(pageNumber), FOOTER);
  (totalPages.data as Record<string, unknown>).Resources = { Font: { F1: count.font } };
  totalPages.end(count.operators);
  doc.end();
  await finished;
}

/** How much of the PDF is gathered before it is passed on. */
const GATHERED_BYTES = 64 * 1024;

/**
 * pdfkit writes every PDF object in small pieces and pushes each through its stream on its
 * own (hundreds of thousands for a long record: the cross-reference table alone is a line per
 * object). Gathered here and pushed in 64 KB pieces, the stream machinery, the download, its
 * hash and the zip each see a few hundred. (pdfkit's `_write` is replaced: it writes a string
 * as its bytes, one per character, and a line break after it; this writes the same.)
 */
function gatherWrites(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as { _write: (data: string | Uint8Array) => void; _offset: number; push: (chunk: Uint8Array | null) => boolean };
  const gathered = new ContentBytes();
  const push = internals.push.bind(doc);
  internals._write = (data) => {
    const before = gathered.length;
    if (typeof data === 'string') gathered.text(`${data}\n`);
    else gathered.append(data);
    internals._offset += gathered.length - before;
    if (gathered.length >= GATHERED_BYTES) push(gathered.take());
  };
  internals.push = (chunk) => {
    if (chunk === null && gathered.length > 0) push(gathered.take());
    return push(chunk);
  };
}

/**
 * When each message reached its recipient and was first read (ms, NaN until then), as columns
 * of numbers behind an index by message id: an object per message held tens of MB for a
 * record of 100,000 messages.
 */
class DeliveryTimes {
  private readonly index = new Map<string, number>();
  private recipients = new Int8Array(1024);
  private deliveredAt = new Float64Array(1024);
  private readAt = new Float64Array(1024);
  private count = 0;

  /** A message sent, to recipient (a parent's index), delivered at once or (undefined) held for a window. */
  sent(messageId: string, recipient: number, delivered: number | undefined): void {
    // An id seen again (never, in a sound chain) takes its first slot's place, as a map's key would.
    const at = this.index.get(messageId) ?? this.count++;
    if (at === this.recipients.length) {
      const grow = <T extends Int8Array | Float64Array>(column: T, make: (length: number) => T): T => {
        const grown = make(column.length * 2);
        grown.set(column);
        return grown;
      };
      this.recipients = grow(this.recipients, (length) => new Int8Array(length));
      this.deliveredAt = grow(this.deliveredAt, (length) => new Float64Array(length));
      this.readAt = grow(this.readAt, (length) => new Float64Array(length));
    }
    this.index.set(messageId, at);
    this.recipients[at] = recipient;
    this.deliveredAt[at] = delivered ?? NaN;
    this.readAt[at] = NaN;
  }

  /** Released from its window at `at` (the first release counts). */
  delivered(messageId: string, at: number): void {
    const slot = this.index.get(messageId);
    if (slot !== undefined && Number.isNaN(this.deliveredAt[slot])) this.deliveredAt[slot] = at;
  }

  /** First opened at `at` (later reads do not count). */
  read(messageId: string, at: number): void {
    const slot = this.index.get(messageId);
    if (slot !== undefined && Number.isNaN(this.readAt[slot])) this.readAt[slot] = at;
  }

  get(messageId: string): { recipient: number; delivered?: number; read?: number } | undefined {
    const slot = this.index.get(messageId);
    return slot === undefined ? undefined : this.times(slot);
  }

  *all(): Generator<{ recipient: number; delivered?: number; read?: number }> {
    for (let slot = 0; slot < this.count; slot++) yield this.times(slot);
  }

  private times(slot: number): { recipient: number; delivered?: number; read?: number } {
    const delivered = this.deliveredAt[slot]!;
    const read = this.readAt[slot]!;
    return { recipient: this.recipients[slot]!, delivered: Number.isNaN(delivered) ? undefined : delivered, read: Number.isNaN(read) ? undefined : read };
  }
}

async function gatherFigures(source: RecordPdfSource, parentIndex: Map<string, number>, dayOf: (iso: string) => string, inRange: (iso: string) => boolean): Promise<Figures> {
  const count = source.parents.length;
  const zeros = () => Array.from({ length: count }, () => 0);
  const figures: Figures = {
    messages: zeros(),
    urgent: zeros(),
    held: zeros(),
    heldDays: new Map(),
    days: new Map(),
    delivery: new DeliveryTimes(),
    termsChanges: 0,
    otherByType: new Map(),
    scheduleAndMoney: new ScheduleAndMoneyFigures(source.parents.map((parent) => parent.id)),
    firstDay: null,
    lastDay: null,
  };
  const day = (iso: string): DayCounts => {
    const key = dayOf(iso);
    if (figures.firstDay === null || key < figures.firstDay) figures.firstDay = key;
    if (figures.lastDay === null || key > figures.lastDay) figures.lastDay = key;
    let counts = figures.days.get(key);
    if (!counts) figures.days.set(key, (counts = { sent: zeros(), held: zeros(), urgent: zeros() }));
    return counts;
  };
  for await (const page of source.entries()) {
    for (const entry of page) {
      const who = entry.actorId === null ? -1 : (parentIndex.get(entry.actorId) ?? -1);
      // Types the summary counts by name; any other (a module this version does not print) is counted by type.
      if (entry.type === 'message.sent') {
        if (!inRange(entry.at)) continue;
        const counts = day(entry.at);
        if (who >= 0) {
          figures.messages[who]! += 1;
          counts.sent[who]! += 1;
          if (entry.payload.urgent) {
            figures.urgent[who]! += 1;
            counts.urgent[who]! += 1;
          }
        }
        const at = Date.parse(entry.at);
        const deliverAt = Date.parse(entry.payload.deliverAt);
        figures.delivery.sent(entry.payload.messageId, parentIndex.get(entry.payload.recipientId) ?? -1, deliverAt <= at ? at : undefined);
      } else if (entry.type === 'message.released') {
        for (const id of entry.payload.messageIds) figures.delivery.delivered(id, Date.parse(entry.at));
      } else if (entry.type === 'message.read') {
        figures.delivery.read(entry.payload.messageId, Date.parse(entry.at));
      } else if (entry.type === 'message.reads_recorded') {
        for (const read of entry.payload.reads) figures.delivery.read(read.messageId, Date.parse(read.readAt));
      } else if (entry.type === 'message.held_back') {
        if (!inRange(entry.at) || who < 0) continue;
        figures.held[who]! += 1;
        day(entry.at).held[who]! += 1;
        const key = dayOf(entry.at);
        const perDay = figures.heldDays.get(key) ?? zeros();
        perDay[who]! += 1;
        figures.heldDays.set(key, perDay);
      } else {
        const printed = inRange(entry.at);
        figures.scheduleAndMoney.add(entry, who, printed, source.range.to === null || dayOf(entry.at) <= source.range.to);
        if (!printed) continue;
        if (TERMS_TYPES.has(entry.type) && entry.type !== 'case.created') figures.termsChanges += 1;
        else if (!TERMS_TYPES.has(entry.type)) figures.otherByType.set(entry.type, (figures.otherByType.get(entry.type) ?? 0) + 1);
      }
    }
  }
  return figures;
}

function readDelays(figures: Figures, parents: number): { received: number; read: number; median: string }[] {
  const perRecipient = Array.from({ length: parents }, () => ({
    received: 0,
    delays: [] as number[],
  }));
  for (const times of figures.delivery.all()) {
    const slot = perRecipient[times.recipient];
    if (!slot || times.delivered === undefined) continue;
    slot.received += 1;
    if (times.read !== undefined) slot.delays.push(Math.max(0, times.read - times.delivered));
  }
  return perRecipient.map(({ received, delays }) => {
    delays.sort((a, b) => a - b);
    const median = delays.length ? delays[Math.floor((delays.length - 1) / 2)]! : null;
    return {
      received,
      read: delays.length,
      median: median === null ? '–' : duration(median),
    };
  });
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

/**
 * Messages per day (per week for long ranges) per parent, as vector bars: one bar per parent
 * side by side (solid for the first parent, outlined and hatched for the second, so colour is
 * not needed to tell them apart), held-back attempts stacked above in dark red with a cross
 * pattern, and urgent messages marked by a triangle above the bar.
 */
function drawChart(
  doc: PDFKit.PDFDocument,
  text: PdfText,
  figures: Figures,
  parents: { id: string; name: string }[],
  getY: () => number,
  setY: (y: number) => void,
  ensure: (height: number) => void,
): void {
  if (!figures.firstDay || !figures.lastDay) return;
  const first = DateTime.fromISO(figures.firstDay);
  const last = DateTime.fromISO(figures.lastDay);
  const spanDays = Math.round(last.diff(first, 'days').days) + 1;
  const weekly = spanDays > 92;
  const buckets: (DayCounts & { label: string })[] = [];
  const bucketOf = new Map<string, DayCounts>();
  const zeros = () => parents.map(() => 0);
  for (let cursor = weekly ? first.startOf('week') : first; cursor <= last; cursor = cursor.plus(weekly ? { weeks: 1 } : { days: 1 })) {
    const counts = { sent: zeros(), held: zeros(), urgent: zeros() };
    buckets.push(Object.assign(counts, { label: cursor.toISODate() ?? '' }));
    bucketOf.set(cursor.toISODate() ?? '', counts);
  }
  for (const [day, counts] of figures.days) {
    const key = weekly ? (DateTime.fromISO(day).startOf('week').toISODate() ?? day) : day;
    const bucket = bucketOf.get(key);
    if (!bucket) continue;
    for (let index = 0; index < parents.length; index++) {
      bucket.sent[index]! += counts.sent[index] ?? 0;
      bucket.held[index]! += counts.held[index] ?? 0;
      bucket.urgent[index]! += counts.urgent[index] ?? 0;
    }
  }
  const height = 170;
  ensure(height + 80);
  let y = getY();
  text.drawLine(`Messages per ${weekly ? 'week' : 'day'} and parent`, PAGE.margin, y, CONTENT_WIDTH, { size: 12, bold: true });
  y += 20;
  const peak = Math.max(1, ...buckets.map((bucket) => Math.max(...bucket.sent.map((sent, index) => sent + (bucket.held[index] ?? 0)))));
  // Headroom above the tallest bar for the urgent marks.
  const max = peak * 1.12;
  const left = PAGE.margin + 28;
  const width = CONTENT_WIDTH - 28;
  const base = y + height;
  // Axis and a few gridlines with their counts.
  doc
    .lineWidth(0.5)
    .strokeColor('#999999')
    .moveTo(left, base)
    .lineTo(left + width, base)
    .stroke();
  for (const fraction of [0.5, 1]) {
    const value = Math.round(peak * fraction);
    const gy = base - (value / max) * height;
    doc
      .lineWidth(0.3)
      .strokeColor('#cccccc')
      .moveTo(left, gy)
      .lineTo(left + width, gy)
      .stroke();
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(String(value), PAGE.margin, gy - 3, {
        width: 24,
        align: 'right',
        lineBreak: false,
      });
  }
  const slot = width / buckets.length;
  const barWidth = Math.max(0.6, (slot * 0.8) / Math.max(1, parents.length));
  buckets.forEach((bucket, index) => {
    parents.forEach((_, parent) => {
      const x = left + index * slot + slot * 0.1 + parent * barWidth;
      const sent = bucket.sent[parent] ?? 0;
      const held = bucket.held[parent] ?? 0;
      const sentHeight = (sent / max) * height;
      const heldHeight = (held / max) * height;
      const ink = PARENT_INK[parent % PARENT_INK.length]!;
      if (sent > 0) {
        if (parent === 0) doc.rect(x, base - sentHeight, barWidth, sentHeight).fill(ink);
        else {
          doc
            .rect(x, base - sentHeight, barWidth, sentHeight)
            .fillOpacity(0.35)
            .fill(ink)
            .fillOpacity(1);
          doc
            .rect(x, base - sentHeight, barWidth, sentHeight)
            .lineWidth(0.6)
            .strokeColor(ink)
            .stroke();
        }
      }
      if (held > 0) {
        const top = base - sentHeight - heldHeight;
        doc.rect(x, top, barWidth, heldHeight).fill(HELD_INK);
        // A white cross over the held part: visible without colour.
        doc
          .lineWidth(0.5)
          .strokeColor('#ffffff')
          .moveTo(x, top)
          .lineTo(x + barWidth, top + heldHeight)
          .moveTo(x + barWidth, top)
          .lineTo(x, top + heldHeight)
          .stroke();
      }
      if ((bucket.urgent[parent] ?? 0) > 0) {
        const top = base - sentHeight - heldHeight - 3;
        const middle = x + barWidth / 2;
        doc.polygon([middle, top - 6], [middle - 3.5, top], [middle + 3.5, top]).fill('#000000');
      }
    });
  });
  // Date labels: the first, the last and a few between.
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 6));
  buckets.forEach((bucket, index) => {
    const last = index === buckets.length - 1;
    if (index % labelEvery !== 0 && !last) return;
    if (!last && buckets.length - 1 - index < labelEvery / 2 && index !== 0) return;
    doc
      .font('Helvetica')
      .fontSize(7)
      .fillColor(MUTED)
      .text(bucket.label, left + index * slot - 10, base + 4, {
        lineBreak: false,
      });
  });
  y = base + 20;
  // Legend.
  let x = PAGE.margin;
  parents.forEach((parent, index) => {
    const ink = PARENT_INK[index % PARENT_INK.length]!;
    if (index === 0) doc.rect(x, y + 1, 10, 8).fill(ink);
    else {
      doc
        .rect(x, y + 1, 10, 8)
        .fillOpacity(0.35)
        .fill(ink)
        .fillOpacity(1);
      doc
        .rect(x, y + 1, 10, 8)
        .lineWidth(0.6)
        .strokeColor(ink)
        .stroke();
    }
    text.drawLine(`${parent.name}: messages sent`, x + 14, y - 1, 150, {
      size: 8,
    });
    x += 160;
  });
  y += 14;
  x = PAGE.margin;
  doc.rect(x, y + 1, 10, 8).fill(HELD_INK);
  doc
    .lineWidth(0.5)
    .strokeColor('#ffffff')
    .moveTo(x, y + 1)
    .lineTo(x + 10, y + 9)
    .moveTo(x + 10, y + 1)
    .lineTo(x, y + 9)
    .stroke();
  text.drawLine('held-back attempts (on top of that parent’s bar)', x + 14, y - 1, 220, { size: 8 });
  x += 240;
  doc.polygon([x + 5, y + 1], [x + 1.5, y + 8], [x + 8.5, y + 8]).fill('#000000');
  text.drawLine('urgent message sent that day', x + 14, y - 1, 200, {
    size: 8,
  });
  setY(y + 22);
}
