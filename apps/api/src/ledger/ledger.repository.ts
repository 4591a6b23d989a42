import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { GENESIS_PREV_HASH, LedgerEntry, LedgerEntryType, LedgerPayloads, nextLedgerEntry } from '@parallel/domain';
import { Between, DataSource, EntityManager, MoreThan } from 'typeorm';
import { Clock } from '../common/clock';
import { NotFound } from '../common/errors';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';

/** How long the other parent's reads stay out of view when a case hides read times. */
export const READ_TIME_DELAY_MS = 24 * 60 * 60 * 1000;

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
    /**
     * The case row as the caller locked it earlier in this same transaction, which saves
     * reading the head again on hot paths. It is moved to the new head after the append.
     * (Should it ever be stale, the (case_id, seq) key refuses the entry: a chain cannot fork.)
     */
    lockedCase?: { ledgerHeadSeq: number; ledgerHeadHash: string },
  ): Promise<LedgerEntry> {
    let head: { seq: number; hash: string } | undefined;
    if (lockedCase) {
      head = { seq: lockedCase.ledgerHeadSeq, hash: lockedCase.ledgerHeadHash };
    } else {
      const rows: { ledger_head_seq: number; ledger_head_hash: string }[] = await manager.query(
        'SELECT ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1 FOR UPDATE',
        [caseId],
      );
      head = rows[0] && { seq: rows[0].ledger_head_seq, hash: rows[0].ledger_head_hash };
    }
    if (!head) throw new NotFound('Case not found');
    const entry = nextLedgerEntry(head.seq === 0 ? null : head, {
      caseId,
      type,
      actorId,
      at: this.clock.now().toISOString(),
      payload,
    });
    // The entry and the new head in one statement: one round trip on every state change.
    await manager.query(
      `WITH entry AS (
         INSERT INTO ledger_entries (case_id, seq, type, actor_id, at, payload, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
       )
       UPDATE cases SET ledger_head_seq = $2, ledger_head_hash = $8 WHERE id = $1`,
      [caseId, entry.seq, entry.type, entry.actorId, new Date(entry.at), JSON.stringify(entry.payload), entry.prevHash, entry.hash],
    );
    if (lockedCase) {
      lockedCase.ledgerHeadSeq = entry.seq;
      lockedCase.ledgerHeadHash = entry.hash;
    }
    return entry;
  }

  /** Entries in chain order, after `afterSeq` and before `beforeSeq` (if given), at most `limit` (all when omitted). */
  async list(caseId: string, afterSeq = 0, limit?: number, beforeSeq: number | null = null): Promise<LedgerEntry[]> {
    const rows = await this.dataSource.getRepository(LedgerEntryEntity).find({
      where: { caseId, seq: beforeSeq === null ? MoreThan(afterSeq) : Between(afterSeq + 1, beforeSeq - 1) },
      order: { seq: 'ASC' },
      take: limit,
    });
    return rows.map(toLedgerEntry);
  }

  /**
   * The first entry `userId` may not see yet, or null. A parent sees the chain up to
   * there, a valid chain in itself, so two things leave no trace until their time:
   * - a message still held for its delivery window (no text, no count, no head that
   *   moved) until it is released;
   * - when the case hides read times, the other parent's reads for a day, so that the
   *   record cannot be polled to watch them read. The record keeps them all the same.
   */
  async embargoStart(caseId: string, userId: string): Promise<number | null> {
    const rows: { seq: number | null }[] = await this.dataSource.query(
      `SELECT least(
         (SELECT min(ledger_seq) FROM messages WHERE case_id = $1 AND recipient_id = $2 AND released_at IS NULL),
         (SELECT min(e.seq) FROM ledger_entries e JOIN cases c ON c.id = e.case_id
           WHERE e.case_id = $1 AND e.type = 'message.read' AND e.actor_id <> $2 AND e.at > $3
             AND (c.terms ->> 'showReadTimes') = 'false')
       ) AS seq`,
      [caseId, userId, new Date(this.clock.now().getTime() - READ_TIME_DELAY_MS)],
    );
    return rows[0]?.seq ?? null;
  }

  /** The head of the chain as `userId` may see it. */
  async visibleHead(caseId: string, userId: string): Promise<{ seq: number; hash: string }> {
    const embargo = await this.embargoStart(caseId, userId);
    if (embargo === null) {
      const rows: { ledger_head_seq: number; ledger_head_hash: string }[] = await this.dataSource.query(
        'SELECT ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1',
        [caseId],
      );
      return { seq: rows[0]?.ledger_head_seq ?? 0, hash: rows[0]?.ledger_head_hash ?? GENESIS_PREV_HASH };
    }
    const rows: { hash: string }[] = await this.dataSource.query('SELECT hash FROM ledger_entries WHERE case_id = $1 AND seq = $2', [caseId, embargo - 1]);
    return { seq: embargo - 1, hash: rows[0]?.hash ?? GENESIS_PREV_HASH };
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
