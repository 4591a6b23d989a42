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
