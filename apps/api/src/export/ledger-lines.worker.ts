/**
 * The thread that writes a bundle's ledger lines (see ledger-lines-thread.ts): it reads the
 * chain's rows page by page through its own connection to PostgreSQL, one page ahead, and
 * hands each page's lines over as bytes (moved, not copied) when the API asks for the next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import { STORED_ROWS_PAGE, ledgerLinesOf, storedPagesUpTo, storedRowOf, storedRowsQuery } from '../ledger/stored-entry';
import type { FromLedgerLinesThread, LedgerLinesJob } from './ledger-lines-thread';

const port = parentPort!;
const job = workerData as LedgerLinesJob;
const client = new Client({ connectionString: job.databaseUrl, application_name: 'parallel-api-bundle' });
const connected = client.connect();
const pages = storedPagesUpTo(job.headSeq, async (after) => {
  await connected;
  const { text, values } = storedRowsQuery(job.caseId, after, job.headSeq, STORED_ROWS_PAGE);
  return (await client.query<Parameters<typeof storedRowOf>[1]>(text, values)).rows.map((row) => storedRowOf(job.caseId, row));
});
let ahead = pages.next();
// Read ahead only once the first page is asked for; a rejection is reported then, not lost.
ahead.catch(() => undefined);

async function answer(): Promise<FromLedgerLinesThread> {
  const page = await ahead;
  if (page.done) {
    await client.end();
    return { type: 'done' };
  }
  ahead = pages.next();
  ahead.catch(() => undefined);
  // Its own buffer (an encoder's, never a shared pool's), so it can be moved to the API's thread.
  return { type: 'lines', bytes: new TextEncoder().encode(ledgerLinesOf(page.value)) };
}

port.on('message', () => {
  answer().then(
    (message) => port.postMessage(message, message.type === 'lines' ? [message.bytes.buffer as ArrayBuffer] : []),
    (error: unknown) => port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies FromLedgerLinesThread),
  );
});
