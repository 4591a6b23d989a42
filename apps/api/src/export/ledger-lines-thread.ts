import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ledgerLinesOf, type StoredLedgerRow } from '../ledger/stored-entry';

/** What the thread writing a bundle's ledger lines is given: the chain's place, and PostgreSQL's address (it reads through its own connection). */
export interface LedgerLinesJob {
  caseId: string;
  headSeq: number;
  databaseUrl: string;
}

/** Messages between the API and that thread (ledger-lines.worker.ts): the API asks for a page at a time. */
export type ToLedgerLinesThread = { type: 'next' };
export type FromLedgerLinesThread = { type: 'lines'; bytes: Uint8Array } | { type: 'done' } | { type: 'failed'; message: string };

/**
 * A bounded heap: the thread holds one page of rows (and the next, being read) at a time, and
 * its garbage is collected before it grows. A page is usually about 1 MB; room is left for the
 * largest there can be (1,000 messages of 5,000 characters in a script outside Latin-1, about
 * 10 MB a page as rows and as much again as lines).
 */
const THREAD_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/** The compiled thread, beside this module in the build (absent when the API runs from its TypeScript sources, in tests). */
const THREAD_FILE = join(__dirname, 'ledger-lines.worker.js');

/**
 * The chain's ledger lines (the bundle's ledger.jsonl), a page of entries at a time, as bytes.
 * With PostgreSQL and the built API they are written in a worker thread that reads the rows
 * itself: written here, each page's rows arrived whole while the zip and the download ran,
 * lived long enough to be kept by the collector, and piled up over 100 MB of garbage in the
 * API's heap over a record of 100,000 messages. With the embedded database (whose rows only
 * the API's thread can read), or run from sources, they are written here from `rows`.
 */
export async function* ledgerLines(job: LedgerLinesJob | null, rows: () => AsyncIterable<StoredLedgerRow[]>, inThread = existsSync(THREAD_FILE)): AsyncGenerator<Buffer> {
  if (!job || !inThread) {
    for await (const page of rows()) yield Buffer.from(ledgerLinesOf(page), 'utf8');
    return;
  }
  const worker = new Worker(THREAD_FILE, { workerData: job, resourceLimits: THREAD_LIMITS });
  const next = () =>
    new Promise<FromLedgerLinesThread>((resolve, reject) => {
      const settle = (done: () => void) => {
        worker.off('message', answered);
        worker.off('error', failed);
        worker.off('exit', stopped);
        done();
      };
      const answered = (message: FromLedgerLinesThread) => settle(() => resolve(message));
      const failed = (error: Error) => settle(() => reject(error));
      const stopped = (code: number) => settle(() => reject(new Error(`the thread writing the ledger lines stopped early (exit code ${code})`)));
      worker.once('message', answered);
      worker.once('error', failed);
      worker.once('exit', stopped);
      worker.postMessage({ type: 'next' } satisfies ToLedgerLinesThread);
    });
  try {
    for (;;) {
      const message = await next();
      if (message.type === 'done') return;
      if (message.type === 'failed') throw new Error(message.message);
      yield Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
    }
  } finally {
    await worker.terminate();
  }
}
