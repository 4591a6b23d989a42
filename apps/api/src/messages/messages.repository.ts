import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseScopedRepository } from '../database/case-scoped.repository';
import { DataSource, EntityManager } from 'typeorm';
import { Cursor } from '../common/cursor';
import { HeldBackAttemptEntity } from './entities/held-back-attempt.entity';
import { MessageEntity } from './entities/message.entity';
import type { MessageBox } from './dto/message.dto';

export interface StoredReply {
  key: string;
  requestHash: string;
  status: number;
  body: object;
}

export interface SendContext {
  reply: Omit<StoredReply, 'key'> | null;
  recipientId: string | null;
  sentToday: number;
  urgentSentTimes: Date[];
}

/** `pg` parses timestamptz[] into Dates; the embedded driver hands over the array literal. */
function parseTimestampArray(value: Date[] | string[] | string): Date[] {
  if (typeof value === 'string') {
    const inner = value.replace(/^\{|\}$/g, '');
    return inner ? inner.split(',').map((item) => new Date(item.replace(/^"|"$/g, ''))) : [];
  }
  return value.map((item) => new Date(item));
}

export interface DueMessage {
  id: string;
  caseId: string;
  recipientId: string;
  topic: string;
  urgent: boolean;
  sentAt: Date;
}

@Injectable()
export class MessagesRepository extends CaseScopedRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /**
   * Everything a send decides on, in one round trip under the case lock: the stored
   * answer to this Idempotency-Key, the recipient, and the sender's counts for the quota.
   */
  async sendContext(
    manager: EntityManager,
    query: { caseId: string; senderId: string; key: string; dayStart: Date; dayEnd: Date; urgentSince: Date },
  ): Promise<SendContext> {
    const rows: {
      reply: { request_hash: string; status: number; body: object } | null;
      recipient_id: string | null;
      sent_today: string;
      urgent_times: Date[] | string[];
    }[] = await manager.query(
      `SELECT
         (SELECT json_build_object('request_hash', r.request_hash, 'status', r.status, 'body', r.body)
            FROM idempotent_replies r WHERE r.case_id = $1 AND r.user_id = $2 AND r.key = $3) AS reply,
         (SELECT m.user_id FROM case_members m WHERE m.case_id = $1 AND m.user_id <> $2 LIMIT 1) AS recipient_id,
         (SELECT count(*) FROM messages WHERE case_id = $1 AND sender_id = $2 AND sent_at >= $4 AND sent_at < $5) AS sent_today,
         (SELECT coalesce(array_agg(sent_at ORDER BY sent_at), '{}') FROM messages
           WHERE case_id = $1 AND sender_id = $2 AND urgent AND sent_at > $6) AS urgent_times`,
      [query.caseId, query.senderId, query.key, query.dayStart, query.dayEnd, query.urgentSince],
    );
    const row = rows[0]!;
    return {
      reply: row.reply ? { requestHash: row.reply.request_hash, status: row.reply.status, body: row.reply.body } : null,
      recipientId: row.recipient_id,
      sentToday: Number(row.sent_today),
      urgentSentTimes: parseTimestampArray(row.urgent_times),
    };
  }

  /** The message and the answer kept for its Idempotency-Key, in one statement. */
  async insertMessage(manager: EntityManager, row: MessageEntity, reply: StoredReply): Promise<void> {
    await manager.query(
      `WITH message AS (
         INSERT INTO messages (id, case_id, sender_id, recipient_id, topic, text, urgent, sent_at, deliver_at, released_at, first_read_at, notified_at, ledger_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, NULL, $11)
       )
       INSERT INTO idempotent_replies (case_id, user_id, key, request_hash, status, body, created_at)
       VALUES ($2, $3, $12, $13, $14, $15::jsonb, $8)`,
      [row.id, row.caseId, row.senderId, row.recipientId, row.topic, row.text, row.urgent, row.sentAt, row.deliverAt, row.releasedAt, row.ledgerSeq,
        reply.key, reply.requestHash, reply.status, JSON.stringify(reply.body)],
    );
  }

  /** The held-back attempt and the answer kept for its Idempotency-Key, in one statement. */
  async insertHeldBack(manager: EntityManager, row: HeldBackAttemptEntity, reply: StoredReply): Promise<void> {
    await manager.query(
      `WITH attempt AS (
         INSERT INTO held_back_attempts (id, case_id, sender_id, topic, text, urgent, attempted_at, reason, retry_at, ledger_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       )
       INSERT INTO idempotent_replies (case_id, user_id, key, request_hash, status, body, created_at)
       VALUES ($2, $3, $11, $12, $13, $14::jsonb, $7)`,
      [row.id, row.caseId, row.senderId, row.topic, row.text, row.urgent, row.attemptedAt, row.reason, row.retryAt, row.ledgerSeq,
        reply.key, reply.requestHash, reply.status, JSON.stringify(reply.body)],
    );
  }

  findMessage(caseId: string, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<MessageEntity | null> {
    return manager.getRepository(MessageEntity).findOne({ where: { caseId, id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async markRead(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.getRepository(MessageEntity).update({ id }, { firstReadAt: at });
  }

  /**
   * A page of what `userId` may see, newest first: their own sent messages, and
   * received ones only once released. A held message leaves no trace in the inbox.
   */
  list(caseId: string, userId: string, box: MessageBox, topic: string | undefined, cursor: Cursor | null, take: number): Promise<MessageEntity[]> {
    const query = this.dataSource.getRepository(MessageEntity).createQueryBuilder('m').where('m.case_id = :caseId', { caseId });
    const inbox = 'm.recipient_id = :userId AND m.released_at IS NOT NULL';
    const sent = 'm.sender_id = :userId';
    query.andWhere(box === 'inbox' ? inbox : box === 'sent' ? sent : `((${inbox}) OR ${sent})`, { userId });
    if (topic) query.andWhere('m.topic = :topic', { topic });
    if (cursor) query.andWhere('(m.sent_at, m.id) < (:at, :id)', { at: cursor.at, id: cursor.id });
    return query.orderBy('m.sent_at', 'DESC').addOrderBy('m.id', 'DESC').take(take).getMany();
  }

  /** Per topic: how many messages the user can see, the latest, and how many received ones are unread. */
  async threads(caseId: string, userId: string): Promise<{ topic: string; count: number; unread: number; lastAt: Date }[]> {
    const rows: { topic: string; count: string; unread: string; last_at: Date }[] = await this.dataSource.query(
      `SELECT topic, count(*) AS count,
              count(*) FILTER (WHERE recipient_id = $2 AND first_read_at IS NULL) AS unread,
              max(sent_at) AS last_at
         FROM messages
        WHERE case_id = $1 AND ((recipient_id = $2 AND released_at IS NOT NULL) OR sender_id = $2)
        GROUP BY topic ORDER BY max(sent_at) DESC, topic`,
      [caseId, userId],
    );
    return rows.map((row) => ({ topic: row.topic, count: Number(row.count), unread: Number(row.unread), lastAt: new Date(row.last_at) }));
  }

  listHeldBack(caseId: string, cursor: Cursor | null, take: number): Promise<HeldBackAttemptEntity[]> {
    const query = this.dataSource.getRepository(HeldBackAttemptEntity).createQueryBuilder('h').where('h.case_id = :caseId', { caseId });
    if (cursor) query.andWhere('(h.attempted_at, h.id) < (:at, :id)', { at: cursor.at, id: cursor.id });
    return query.orderBy('h.attempted_at', 'DESC').addOrderBy('h.id', 'DESC').take(take).getMany();
  }

  /**
   * Claims messages whose window has opened. `SKIP LOCKED` lets several API processes
   * tick at once: each message is claimed by exactly one of them.
   */
  async claimDue(manager: EntityManager, now: Date, limit: number): Promise<DueMessage[]> {
    const rows: { id: string; case_id: string; recipient_id: string; topic: string; urgent: boolean; sent_at: Date }[] = await manager.query(
      `SELECT id, case_id, recipient_id, topic, urgent, sent_at FROM messages
        WHERE released_at IS NULL AND deliver_at <= $1
        ORDER BY deliver_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => ({ id: row.id, caseId: row.case_id, recipientId: row.recipient_id, topic: row.topic, urgent: row.urgent, sentAt: new Date(row.sent_at) }));
  }

  /** Released messages whose notice has not gone out, claimed by one process at a time. */
  async claimUnnoticed(manager: EntityManager, limit: number): Promise<(DueMessage & { releasedAt: Date; caseName: string })[]> {
    const rows: { id: string; case_id: string; recipient_id: string; topic: string; urgent: boolean; sent_at: Date; released_at: Date; case_name: string }[] =
      await manager.query(
        `SELECT m.id, m.case_id, m.recipient_id, m.topic, m.urgent, m.sent_at, m.released_at, c.name AS case_name
           FROM messages m JOIN cases c ON c.id = m.case_id
          WHERE m.released_at IS NOT NULL AND m.notified_at IS NULL
          ORDER BY m.released_at, m.id LIMIT $1 FOR UPDATE OF m SKIP LOCKED`,
        [limit],
      );
    return rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      recipientId: row.recipient_id,
      topic: row.topic,
      urgent: row.urgent,
      sentAt: new Date(row.sent_at),
      releasedAt: new Date(row.released_at),
      caseName: row.case_name,
    }));
  }

  async markNotified(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.query('UPDATE messages SET notified_at = $2 WHERE id = ANY($1::uuid[])', [ids, at]);
  }

  async markReleased(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.query('UPDATE messages SET released_at = $2 WHERE id = ANY($1::uuid[])', [ids, at]);
  }

  async recipientContacts(userIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; email: string }[] = await manager.query('SELECT id, email FROM users WHERE id = ANY($1::uuid[])', [userIds]);
    return new Map(rows.map((row) => [row.id, row.email]));
  }

}
