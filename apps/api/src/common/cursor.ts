import { InvalidInput } from './errors';

/** Keyset position in a list ordered by (time desc, id desc); opaque to clients. */
export interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

/** How `encodeCursor` writes a time; years 0000-9999 only (PostgreSQL's range starts at 4713 BC, JavaScript's earlier). */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a cursor made by {@link encodeCursor}; anything else (garbage, a forged time outside
 * the database's range, an id that is not a UUID) is a 400 naming `cursor`, never a query.
 */
export function decodeCursor(value: string | undefined): Cursor | null {
  if (value === undefined || value === '') return null;
  const refused = new InvalidInput([{ field: 'cursor', rule: 'format', message: 'cursor must be a nextCursor value from a previous page' }]);
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) throw refused;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw refused;
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !CURSOR_TIME.test(at) || !UUID.test(id)) throw refused;
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== at) throw refused;
  return { at: date, id };
}

/** Splits a fetched `limit + 1` rows into a page and the cursor of the next one. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): { items: T[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? encodeCursor(cursorOf(items.at(-1)!)) : null };
}
