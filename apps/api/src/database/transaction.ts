import type { EntityManager } from 'typeorm';

/**
 * An open transaction, as services hand it to repositories. Services never use what is
 * inside: only repositories (and the ledger) touch TypeORM.
 */
export interface Tx {
  readonly manager: EntityManager;
}
