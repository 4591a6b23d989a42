import {
  LEDGER_FORMAT_VERSION,
  MalformedLedgerEntry,
  ledgerEntryFromStoredBody,
  openLedgerLine,
  openLedgerLineOfStoredBody,
  parseLedgerPayload,
  type LedgerEntrySeal,
  type OpenLedgerEntry,
} from '@parallel/domain';

/** Which entry types a long read wants: only these, or all but these (a hint: a reader still checks each entry's type). */
export interface LedgerTypeFilter {
  only?: readonly string[];
  except?: readonly string[];
}

/** Entries a long read takes per statement: a page of the chain, never the whole record. */
export const STORED_ROWS_PAGE = 1000;

/** The columns a long read takes: the seal and the stored body alone (the typed columns repeat the body). */
interface StoredRowColumns {
  seq: number;
  v: number;
  at: Date;
  prev_hash: string;
  body_hash: string;
  hash: string;
  body: string;
}

/**
 * The statement that reads entries after `afterSeq` and up to `upToSeq` in chain order, at
 * most `limit`, of the filter's types only when one is given; the API's pool and the export's
 * worker thread (with its own connection) run the same one.
 */
export function storedRowsQuery(caseId: string, afterSeq: number, upToSeq: number, limit: number, filter: LedgerTypeFilter = {}): { text: string; values: unknown[] } {
  const values: unknown[] = [caseId, afterSeq, upToSeq, limit];
  let typeCondition = '';
  if (filter.only) {
    values.push(filter.only);
    typeCondition = 'AND type = ANY($5::text[])';
  } else if (filter.except) {
    values.push(filter.except);
    typeCondition = 'AND NOT (type = ANY($5::text[]))';
  }
  return {
    text: `SELECT seq, v, at, prev_hash, body_hash, hash, body FROM ledger_entries
            WHERE case_id = $1 AND seq > $2 AND seq <= $3 ${typeCondition}
            ORDER BY seq LIMIT $4`,
    values,
  };
}

/** A row of storedRowsQuery as a StoredLedgerRow. */
export function storedRowOf(caseId: string, row: StoredRowColumns): StoredLedgerRow {
  return { caseId, seq: row.seq, v: row.v, at: row.at, prevHash: row.prev_hash, bodyHash: row.body_hash, hash: row.hash, body: row.body };
}

/** A ledger row as stored: its seal and the exact body text its hash covers (plain data: it crosses to a worker thread). */
export interface StoredLedgerRow {
  caseId: string;
  seq: number;
  v: number;
  at: Date;
  prevHash: string;
  bodyHash: string;
  hash: string;
  body: string;
}

/**
 * A stored row as a typed entry, read from the body text its hash covers; a row of an unknown
 * type or with a malformed body is a clear error. (No database code here: the export's worker
 * thread reads rows with it.)
 */
export function toLedgerEntry(row: StoredLedgerRow): OpenLedgerEntry {
  if (row.v !== LEDGER_FORMAT_VERSION) throw new MalformedLedgerEntry(row.seq, `it is in record format ${row.v}, not ${LEDGER_FORMAT_VERSION}`);
  try {
    return ledgerEntryFromStoredBody(sealOfRow(row), row.body, (type, payload) => parseLedgerPayload(row.seq, type, payload));
  } catch (error) {
    if (error instanceof SyntaxError) throw new MalformedLedgerEntry(row.seq, 'its stored body is not JSON');
    throw error;
  }
}

/** A row's seal as the record writes it (its version as stored: a reader checks it). */
export function sealOfRow(row: StoredLedgerRow): LedgerEntrySeal {
  return { v: row.v as typeof LEDGER_FORMAT_VERSION, caseId: row.caseId, seq: row.seq, at: row.at.toISOString(), prevHash: row.prevHash, bodyHash: row.bodyHash, hash: row.hash };
}

/** The chain from entry 1 to `headSeq`, page by page (by seq, the cursor): `readPage` reads the page after a seq. */
export async function* storedPagesUpTo(headSeq: number, readPage: (afterSeq: number) => Promise<StoredLedgerRow[]>): AsyncGenerator<StoredLedgerRow[]> {
  for (let after = 0; after < headSeq; ) {
    const page = await readPage(after);
    if (page.length === 0) return;
    yield page;
    after = page.at(-1)!.seq;
  }
}

/** Pages of rows read into entries. */
export async function* entriesOf(pages: AsyncIterable<StoredLedgerRow[]>): AsyncGenerator<OpenLedgerEntry[]> {
  for await (const page of pages) yield page.map(toLedgerEntry);
}

/** Rows as the bundle's ledger file writes them: one line each, the stored body's text carried over where it can be (nothing parsed), else from its entry. */
export function ledgerLinesOf(rows: readonly StoredLedgerRow[]): string {
  let lines = '';
  for (const row of rows) lines += `${openLedgerLineOfStoredBody(sealOfRow(row), row.body) ?? openLedgerLine(toLedgerEntry(row))}\n`;
  return lines;
}
