import { EventEmitter } from 'node:events';
import { PGlite, types } from '@electric-sql/pglite';
import { statementText } from './prepared';

type Callback<T> = (error: Error | null, result?: T) => void;
interface QueryResultLike {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

/**
 * A `pg.Pool` look-alike over one embedded PGlite database, handed to TypeORM's
 * postgres driver. PGlite has a single session, so this pool has exactly one client
 * and queues every other acquirer until it is released: transactions from concurrent
 * requests then run one after another instead of interleaving on the shared session.
 */
export class EmbeddedPglitePool extends EventEmitter {
  private readonly database: Promise<PGlite>;
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(dataDir: string) {
    super();
    this.database = PGlite.create(dataDir, {
      // Match `pg`: 64-bit integers and numerics arrive as strings, never lossy numbers.
      parsers: { [types.INT8]: (value: string) => value, [types.NUMERIC]: (value: string) => value },
    });
  }

  ready(): Promise<PGlite> {
    return this.database;
  }

  /** TypeORM acquires a client for each query runner; it gets ours once it is free. */
  connect(callback?: (error: Error | null, client?: EmbeddedPgliteClient, release?: () => void) => void): Promise<EmbeddedPgliteClient> {
    const acquired = this.acquire().then(() => {
      const client = new EmbeddedPgliteClient(this.database, () => this.release());
      return client;
    });
    if (callback) {
      acquired.then(
        (client) => callback(null, client, () => client.release()),
        (error: Error) => callback(error),
      );
    }
    return acquired;
  }

  /** A one-off query outside a query runner also waits for the single session. */
  async query(statement: string | { text: string }, params?: unknown[] | Callback<QueryResultLike>, callback?: Callback<QueryResultLike>): Promise<QueryResultLike> {
    const client = await this.connect();
    try {
      return await client.query(statement, params, callback);
    } finally {
      client.release();
    }
  }

  async end(callback?: (error?: Error) => void): Promise<void> {
    try {
      await (await this.database).close();
      callback?.();
    } catch (error) {
      callback?.(error as Error);
    }
  }

  get totalCount(): number {
    return 1;
  }
  get idleCount(): number {
    return this.busy ? 0 : 1;
  }
  get waitingCount(): number {
    return this.waiting.length;
  }

  private acquire(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}

export class EmbeddedPgliteClient extends EventEmitter {
  private released = false;

  constructor(
    private readonly database: Promise<PGlite>,
    private readonly onRelease: () => void,
  ) {
    super();
  }

  async query(statement: string | { text: string }, params?: unknown[] | Callback<QueryResultLike>, callback?: Callback<QueryResultLike>): Promise<QueryResultLike> {
    const sql = statementText(statement);
    const done = typeof params === 'function' ? params : callback;
    const values = typeof params === 'function' ? undefined : params;
    try {
      const database = await this.database;
      const result: QueryResultLike =
        values && values.length > 0
          ? await database.query(sql, values)
          : // Without parameters, run the simple protocol so multi-statement migrations work; TypeORM wants the last result.
            ((await database.exec(sql)).at(-1) ?? { rows: [], fields: [] });
      const shaped = { ...result, rowCount: result.affectedRows ?? result.rows.length, command: '' };
      done?.(null, shaped);
      return shaped;
    } catch (error) {
      done?.(error as Error);
      throw error;
    }
  }

  release(): void {
    // TypeORM may release twice on error paths; the single session must be freed once.
    if (this.released) return;
    this.released = true;
    this.onRelease();
  }
}
