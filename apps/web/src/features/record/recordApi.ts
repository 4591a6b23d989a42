import type { ApiClient } from '../../api/client';
import type { CaseExportPage, LedgerEntry, LedgerPage, LedgerVerification } from '../../api/types';

/** Entries per request: the API's largest page, so a long record takes few round trips. */
export const LEDGER_PAGE_SIZE = 1000;

/**
 * Where one reader's record is read, checked and exported: a parent's under their case, a
 * professional's under their visit (which names the case itself).
 */
export interface RecordPaths {
  ledger: string;
  verify: string;
  exports: string;
}

export function caseRecordPaths(caseId: string): RecordPaths {
  const base = `/api/cases/${encodeURIComponent(caseId)}`;
  return { ledger: `${base}/ledger`, verify: `${base}/ledger/verify`, exports: `${base}/exports` };
}

export const PROFESSIONAL_RECORD_PATHS: RecordPaths = {
  ledger: '/api/professional/ledger',
  verify: '/api/professional/ledger/verify',
  exports: '/api/professional/exports',
};

/** One page of the record as its reader may read it (`cursor` from the previous page). */
export function ledgerPage(
  api: ApiClient,
  paths: RecordPaths,
  options: { cursor?: string | null; revealHeldBack?: boolean } = {},
): Promise<LedgerPage> {
  const query = new URLSearchParams({ limit: String(LEDGER_PAGE_SIZE) });
  if (options.cursor) query.set('cursor', options.cursor);
  if (options.revealHeldBack) query.set('revealHeldBack', 'true');
  return api.send('GET', `${paths.ledger}?${query.toString()}`);
}

/**
 * The whole record up to `headSeq` (the case's head when the page asked), page by page.
 * Entries appended meanwhile are left for the next visit, so the chain read is exactly the
 * one the head names and a verification never reports a record that merely grew.
 */
export async function readRecordUpTo(
  api: ApiClient,
  paths: RecordPaths,
  headSeq: number,
  options: { revealHeldBack?: boolean; onProgress?: (read: number) => void } = {},
): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let cursor: string | null = null;
  while (entries.length < headSeq) {
    const page: LedgerPage = await ledgerPage(api, paths, { cursor, revealHeldBack: options.revealHeldBack });
    for (const entry of page.items) if (entry.seq <= headSeq) entries.push(entry);
    options.onProgress?.(entries.length);
    if (!page.nextCursor || page.items.length === 0) break;
    cursor = page.nextCursor;
  }
  return entries;
}

/** The server's own check: the chain against the stored head, and the tables screens read against the chain. */
export function verifyOnServer(api: ApiClient, paths: RecordPaths): Promise<LedgerVerification> {
  return api.send('GET', paths.verify);
}

/** A page of the exports its reader may download again, newest first (`cursor` from the previous page). */
export function earlierExports(api: ApiClient, exportsPath: string, cursor?: string | null): Promise<CaseExportPage> {
  return api.send('GET', cursor ? `${exportsPath}?cursor=${encodeURIComponent(cursor)}` : exportsPath);
}
