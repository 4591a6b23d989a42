/**
 * A fixed statement that every request or every send runs, as a named prepared statement:
 * `pg` prepares it once per connection, and PostgreSQL then neither parses nor plans it
 * again (planning was about 40% of PostgreSQL's time per send). TypeORM passes a query
 * through to the driver's `query` as it is given, so the statement travels in its place; its
 * `toString` is the text, which is what TypeORM's logs show. The embedded database's client
 * runs the text (PGlite keeps no named statements).
 */
class PreparedStatement {
  constructor(
    readonly name: string,
    readonly text: string,
  ) {}

  toString(): string {
    return this.text;
  }
}

const names = new Set<string>();

/** A statement to hand to TypeORM's `query` as if it were its text. Names are unique: `pg` refuses one name for two texts. */
export function prepared(name: string, text: string): string {
  if (names.has(name)) throw new Error(`The prepared statement ${name} is defined twice`);
  names.add(name);
  return new PreparedStatement(name, text) as unknown as string;
}

/** The text of a statement, prepared or plain (for a driver that takes text only). */
export function statementText(statement: string | { text: string }): string {
  return typeof statement === 'string' ? statement : statement.text;
}

/** What statements run on: a transaction's entity manager, or the pool itself ({@link poolOf}). Answers the rows. */
export interface Queryable {
  query<T = unknown[]>(statement: string, params?: unknown[]): Promise<T>;
}

interface DriverPool {
  query(statement: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * The driver's pool itself, for the statements every request runs outside a transaction (the
 * session look-up, a send's read and write): TypeORM's `DataSource.query` makes a query runner,
 * takes a client, runs the statement through its logger and broadcaster and gives the client
 * back, per statement. `pg`'s pool and the embedded pool both take a statement as TypeORM
 * hands it (a prepared one included) and give a client back after it. Rows come back as
 * TypeORM would pass them on: as the driver parsed them.
 */
export function poolOf(dataSource: { driver: unknown }): Queryable {
  const pool = (dataSource.driver as { master?: DriverPool }).master;
  if (!pool) throw new Error('The database is not connected yet');
  return {
    query: async <T>(statement: string, params?: unknown[]) => (await pool.query(statement, params)).rows as T,
  };
}
