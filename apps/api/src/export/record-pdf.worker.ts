/**
 * The thread that sets an export's PDF (see record-pdf-thread.ts): it reads the chain's rows
 * page by page (from PostgreSQL through its own connection, or from the API when the
 * database is the embedded one), reads them into entries, sets the PDF with writeRecordPdf
 * and hands the bytes back in pieces, one at a time (each acknowledged once the download took it).
 */
import { Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { STORED_ROWS_PAGE, entriesOf, storedPagesUpTo, storedRowOf, storedRowsQuery, type LedgerTypeFilter, type StoredLedgerRow } from '../ledger/stored-entry';
import { writeRecordPdf } from './record-pdf';
import type { FromPdfThread, RecordPdfJob, ToPdfThread } from './record-pdf-thread';

const port = parentPort!;
const post = (message: FromPdfThread) => port.postMessage(message);
const waitingRows = new Map<number, (rows: StoredLedgerRow[] | null) => void>();
let waitingAck: (() => void) | null = null;

port.on('message', (message: ToPdfThread) => {
  if (message.type === 'rows') {
    const resolve = waitingRows.get(message.pass);
    waitingRows.delete(message.pass);
    resolve?.(message.rows);
  } else {
    const acknowledged = waitingAck;
    waitingAck = null;
    acknowledged?.();
  }
});

let passes = 0;
const job = workerData as RecordPdfJob;
const out = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    waitingAck = () => callback();
    post({ type: 'chunk', bytes: chunk });
  },
});

/** Pages of the chain from the API, which reads them through its own pool (the embedded database lives in its thread). */
async function* pagesFromApi(filter: LedgerTypeFilter | undefined): AsyncGenerator<StoredLedgerRow[]> {
  const pass = ++passes;
  for (;;) {
    const rows = await new Promise<StoredLedgerRow[] | null>((resolve) => {
      waitingRows.set(pass, resolve);
      post({ type: 'next', pass, filter });
    });
    if (!rows) return;
    yield rows;
  }
}

/**
 * Pages of the chain read here, through this thread's own connection to PostgreSQL, one page
 * ahead: the next page is read by the database while this thread sets the one before (waiting
 * for each page in turn left the thread idle for a fifth of a long export).
 */
async function* pagesFromDatabase(client: Client, filter: LedgerTypeFilter | undefined): AsyncGenerator<StoredLedgerRow[]> {
  const pages = storedPagesUpTo(job.head.seq, async (after) => {
    const { text, values } = storedRowsQuery(job.caseId, after, job.head.seq, STORED_ROWS_PAGE, filter);
    return (await client.query<Parameters<typeof storedRowOf>[1]>(text, values)).rows.map((row) => storedRowOf(job.caseId, row));
  });
  let next = pages.next();
  try {
    for (;;) {
      const page = await next;
      if (page.done) return;
      next = pages.next();
      yield page.value;
    }
  } finally {
    // Stopped early (a cancelled download): the page being read is awaited so the connection ends cleanly.
    await next.catch(() => undefined);
    await pages.return(undefined);
  }
}

async function main(): Promise<void> {
  const client = job.databaseUrl ? new Client({ connectionString: job.databaseUrl, application_name: 'parallel-api-export' }) : null;
  await client?.connect();
  try {
    await writeRecordPdf(
      {
        ...job,
        entries: (filter) => entriesOf(client ? pagesFromDatabase(client, filter) : pagesFromApi(filter)),
      },
      out,
    );
  } finally {
    await client?.end();
  }
}

main().then(
  () => post({ type: 'done' }),
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined }),
);
