import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LedgerEntryType, LedgerPayloads, OpenLedgerEntryOf } from '@parallel/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from '../cases/entities/case.entity';
import { Clock } from '../common/clock';
import { NotFound } from '../common/errors';
import type { Tx } from '../database/transaction';
import { LedgerHead, LedgerRepository } from './ledger.repository';
import { prepared, type Queryable } from '../database/prepared';

/** The case as its locked row held it when the command began (the head moves as entries are recorded). */
export type LockedCase = Readonly<Omit<CaseEntity, 'ledgerHeadSeq' | 'ledgerHeadHash'>>;

/** What a command's decision runs with: the locked case, one instant, the ledger, and effects for after the commit. */
export interface CaseTransaction extends Tx {
  readonly caseRow: LockedCase;
  /** Read once, after the lock: every row and entry of the command carries this time, and `at` never goes backwards. */
  readonly now: Date;
  /** Appends an entry to the case's chain, in this transaction. */
  record<T extends LedgerEntryType>(type: T, actorId: string | null, payload: LedgerPayloads[T]): Promise<OpenLedgerEntryOf<T>>;
  /** Runs once the transaction has committed (socket events, mail); never for a command that failed. */
  afterCommit(effect: () => unknown): void;
}

interface CaseRow {
  id: string;
  name: string;
  time_zone: string;
  children: string[];
  terms: CaseEntity['terms'];
  created_by: string;
  created_at: Date;
  ledger_head_seq: number;
  ledger_head_hash: string;
}

/**
 * The one way to change a case: lock its row, decide, write the query-model rows and the
 * ledger entries that record them in one transaction, then run the declared effects. The
 * row lock is the case's single serialization point: concurrent commands on one case, from
 * any number of API processes, queue behind each other, so quota counts are exact and the
 * chain can neither fork nor gap. One command, the send (the hottest), first tries without
 * the lock: it reads the head with everything it decides on and writes only if the head has
 * not moved (the same row is the serialization point, taken for one statement instead of a
 * transaction); see MessagesService.send.
 */
@Injectable()
export class CaseCommands {
  private readonly logger = new Logger('CaseCommands');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly clock: Clock,
  ) {}

  /** Runs `work` on an existing case; a case that does not exist is a 404. */
  run<T>(caseId: string, work: (tx: CaseTransaction) => Promise<T>): Promise<T> {
    return this.execute(async (manager) => {
      const row = await lockCase(manager, caseId);
      if (!row) throw new NotFound('Case not found');
      return row;
    }, work);
  }

  /** Creates a case row and runs `work` on it, in one transaction: the chain starts with the case. */
  create<T>(row: Omit<CaseEntity, 'ledgerHeadSeq' | 'ledgerHeadHash'>, work: (tx: CaseTransaction) => Promise<T>): Promise<T> {
    return this.execute(async (manager) => {
      await manager.insert(CaseEntity, { ...row, ledgerHeadSeq: 0, ledgerHeadHash: '0'.repeat(64) });
      return { ...row, ledgerHeadSeq: 0, ledgerHeadHash: '0'.repeat(64) };
    }, work);
  }

  /**
   * Runs `work` in a transaction that holds the case's row lock, for a command that writes its
   * entry itself with a head check (a send, see MessagesService.send): under the lock the head
   * cannot move, so the command cannot lose its turn again. A case that does not exist is a 404.
   */
  underLock<T>(caseId: string, work: (on: Queryable) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await lockCase(manager, caseId))) throw new NotFound('Case not found');
      return work(manager);
    });
  }

  private async execute<T>(open: (manager: EntityManager) => Promise<CaseEntity>, work: (tx: CaseTransaction) => Promise<T>): Promise<T> {
    const effects: (() => unknown)[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const { ledgerHeadSeq, ledgerHeadHash, ...caseRow } = await open(manager);
      const head: LedgerHead = { seq: ledgerHeadSeq, hash: ledgerHeadHash };
      const now = this.clock.now();
      const tx: CaseTransaction = {
        manager,
        caseRow,
        now,
        record: async (type, actorId, payload) => {
          const entry = await this.ledger.append(manager, caseRow.id, head, now, type, actorId, payload);
          head.seq = entry.seq;
          head.hash = entry.hash;
          return entry;
        },
        afterCommit: (effect) => {
          effects.push(effect);
        },
      };
      return work(tx);
    });
    for (const effect of effects) {
      try {
        await effect();
      } catch (error) {
        // The change is committed and recorded; a failed notice must not turn it into an error.
        this.logger.error(`An effect after a committed change failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return result;
  }
}

export const LOCK_CASE = prepared(
  'lock_case',
  `SELECT id, name, time_zone, children, terms, created_by, created_at, ledger_head_seq, ledger_head_hash
     FROM cases WHERE id = $1 FOR UPDATE`,
);

/** Plain SQL: it runs on every state change, so it skips the query builder. */
async function lockCase(manager: EntityManager, caseId: string): Promise<CaseEntity | null> {
  const rows: CaseRow[] = await manager.query(LOCK_CASE, [caseId]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    children: row.children,
    terms: row.terms,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    ledgerHeadSeq: row.ledger_head_seq,
    ledgerHeadHash: row.ledger_head_hash,
  };
}
