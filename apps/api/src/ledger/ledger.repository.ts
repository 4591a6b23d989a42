import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LedgerEntry, LedgerEntryType, LedgerPayloads, nextLedgerEntry } from '@parallel/domain';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { Clock } from '../common/clock';
import { NotFound } from '../common/errors';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';

/**
 * The only writer of ledger rows. An append runs inside the caller's transaction, so
 * the entry and the query-model rows it explains commit or roll back together.
 */
@Injectable()
export class LedgerRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry to a case's chain. The case row is locked first (`FOR UPDATE`),
   * so appends to one case from any number of processes queue up: each reads the head
   * the previous one wrote, and the chain can neither fork nor gap. The time is read
   * after the lock, so `at` never goes backwards along the chain.
   */
  async append<T extends LedgerEntryType>(
    manager: EntityManager,
    caseId: string,
    type: T,
    actorId: string | null,
    payload: LedgerPayloads[T],
  ): Promise<LedgerEntry> {
    const rows: { ledger_head_seq: number; ledger_head_hash: string }[] = await manager.query(
      'SELECT ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1 FOR UPDATE',
      [caseId],
    );
    const head = rows[0];
    if (!head) throw new NotFound('Case not found');
    const entry = nextLedgerEntry(head.ledger_head_seq === 0 ? null : { seq: head.ledger_head_seq, hash: head.ledger_head_hash }, {
      caseId,
      type,
      actorId,
      at: this.clock.now().toISOString(),
      payload,
    });
    await manager.insert(LedgerEntryEntity, { ...entry, payload: entry.payload as object, at: new Date(entry.at) });
    await manager.query('UPDATE cases SET ledger_head_seq = $2, ledger_head_hash = $3 WHERE id = $1', [caseId, entry.seq, entry.hash]);
    return entry;
  }

  /** Entries in chain order, after `afterSeq`, at most `limit` (all when omitted). */
  async list(caseId: string, afterSeq = 0, limit?: number): Promise<LedgerEntry[]> {
    const rows = await this.dataSource.getRepository(LedgerEntryEntity).find({
      where: { caseId, seq: MoreThan(afterSeq) },
      order: { seq: 'ASC' },
      take: limit,
    });
    return rows.map(toLedgerEntry);
  }
}

export function toLedgerEntry(row: LedgerEntryEntity): LedgerEntry {
  return {
    caseId: row.caseId,
    seq: row.seq,
    type: row.type,
    actorId: row.actorId,
    at: row.at.toISOString(),
    payload: row.payload,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
