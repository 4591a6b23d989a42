import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { entriesOf, type LedgerTypeFilter, type StoredLedgerRow } from '../ledger/stored-entry';
import type { RecordPdfSource } from './record-pdf';

/**
 * What the worker thread is given: the source's facts (plain data), and where its chain is:
 * PostgreSQL's address (the thread reads it with its own connection), or null when the
 * database is the embedded one, whose rows the API reads and passes on.
 */
export type RecordPdfJob = Omit<RecordPdfSource, 'entries'> & { databaseUrl: string | null };

/** The chain as stored rows, page by page: each pass of the PDF asks for the types it prints. */
export type StoredRowPages = (filter?: LedgerTypeFilter) => AsyncIterable<StoredLedgerRow[]>;

/** Messages between the API and the thread that sets the PDF (record-pdf.worker.ts). */
export type ToPdfThread = { type: 'rows'; pass: number; rows: StoredLedgerRow[] | null } | { type: 'ack' };
export type FromPdfThread =
  | { type: 'next'; pass: number; filter?: LedgerTypeFilter }
  | { type: 'chunk'; bytes: Uint8Array }
  | { type: 'done' }
  | { type: 'failed'; message: string; stack?: string };

/**
 * The worker's heap, bounded: a record of any length is set in pages, so its live heap stays
 * small (about 40 MB after each full collection through an export of 100,000 messages); a
 * bounded heap is collected before it grows, where the API's own would let the garbage of a
 * long record pile up to hundreds of MB first. A young generation of 24 MB peaked 10 to 15 MB
 * lower than 32 MB at 100,000 messages, in the same time within the runs' spread.
 */
const THREAD_LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 24 };

/** The compiled thread, beside this module in the build (absent when the API runs from its TypeScript sources, in tests). */
const THREAD_FILE = join(__dirname, 'record-pdf.worker.js');

/**
 * Writes the record's PDF to `out` (and ends it). In the built API it is set in a worker
 * thread: the API's own thread only passes the bytes on during a long export, and the
 * export's garbage stays in its own bounded heap (PostgreSQL's rows are read there too; the
 * embedded database's are read here, a page when the thread asks). Run from sources, it is
 * set in this thread, from the same rows.
 */
export async function writeRecordPdfFromRows(job: RecordPdfJob, rows: StoredRowPages, out: Writable, inThread = existsSync(THREAD_FILE)): Promise<void> {
  if (!inThread) {
    // Loaded only here: the API's own thread never sets a PDF when the worker exists, and pdfkit
    // with its fonts' code (fontkit, Brotli, Unicode tables) held about 15 MB of its heap.
    const { writeRecordPdf } = await import('./record-pdf');
    await writeRecordPdf({ ...job, entries: (filter) => entriesOf(rows(filter)) }, out);
    return;
  }
  const worker = new Worker(THREAD_FILE, { workerData: job, resourceLimits: THREAD_LIMITS });
  const passes = new Map<number, AsyncIterator<StoredLedgerRow[]>>();
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: unknown) => {
        if (settled) return;
        settled = true;
        out.off('close', cancelled);
        if (error) reject(error instanceof Error ? error : new Error('the thread setting the PDF failed'));
        else resolve();
      };
      const cancelled = () => settle(new Error('the download was cancelled'));
      out.once('close', cancelled);
      worker.on('error', settle);
      worker.on('exit', (code) => settle(new Error(`the thread setting the PDF stopped early (exit code ${code})`)));
      worker.on('message', (message: FromPdfThread) => {
        switch (message.type) {
          case 'next': {
            let pages = passes.get(message.pass);
            if (!pages) passes.set(message.pass, (pages = rows(message.filter)[Symbol.asyncIterator]()));
            // Read when asked, not ahead: a page read ahead would wait long enough to be kept
            // (promoted) by this thread's collector, and a long record's pages would pile up.
            pages.next().then((page) => {
              if (page.done) passes.delete(message.pass);
              worker.postMessage({ type: 'rows', pass: message.pass, rows: page.done ? null : page.value } satisfies ToPdfThread);
            }, settle);
            break;
          }
          case 'chunk': {
            const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
            if (out.write(bytes)) worker.postMessage({ type: 'ack' } satisfies ToPdfThread);
            else out.once('drain', () => worker.postMessage({ type: 'ack' } satisfies ToPdfThread));
            break;
          }
          case 'done':
            settle();
            break;
          case 'failed':
            settle(Object.assign(new Error(message.message), { stack: message.stack }));
            break;
        }
      });
    });
  } finally {
    await worker.terminate();
    for (const pages of passes.values()) await pages.return?.().catch(() => undefined);
  }
  out.end();
  if (!out.writableFinished) await once(out, 'finish');
}
