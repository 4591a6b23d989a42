import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseScopedRepository } from '../database/case-scoped.repository';
import { DataSource, EntityManager } from 'typeorm';
import { Cursor } from '../common/cursor';
import { HeldBackAttemptEntity } from './entities/held-back-attempt.entity';
import { IdempotentReplyEntity } from './entities/idempotent-reply.entity';
import { MessageEntity } from './entities/message.entity';
import type { MessageBox } from './dto/message.dto';

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

  findReply(manager: EntityManager, caseId: string, userId: string, key: string): Promise<IdempotentReplyEntity | null> {
    return manager.getRepository(IdempotentReplyEntity).findOneBy({ caseId, userId, key });
  }

  async insertReply(manager: EntityManager, row: IdempotentReplyEntity): Promise<void> {
    await manager.insert(IdempotentReplyEntity, row);
  }

  async countSent(manager: EntityManager, caseId: string, senderId: string, from: Date, to: Date): Promise<number> {
    const rows: { count: string }[] = await manager.query(
      'SELECT count(*) AS count FROM messages WHERE case_id = $1 AND sender_id = $2 AND sent_at >= $3 AND sent_at < $4',
      [caseId, senderId, from, to],
    );
    return Number(rows[0]?.count ?? 0);
  }

  async urgentSentSince(manager: EntityManager, caseId: string, senderId: string, since: Date): Promise<Date[]> {
    const rows: { sent_at: Date }[] = await manager.query(
      'SELECT sent_at FROM messages WHERE case_id = $1 AND sender_id = $2 AND urgent AND sent_at > $3 ORDER BY sent_at',
      [caseId, senderId, since],
    );
    return rows.map((row) => new Date(row.sent_at));
  }

  async insertMessage(manager: EntityManager, row: MessageEntity): Promise<void> {
    await manager.insert(MessageEntity, row);
  }

  async insertHeldBack(manager: EntityManager, row: HeldBackAttemptEntity): Promise<void> {
    await manager.insert(HeldBackAttemptEntity, row);
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

  async markReleased(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.query('UPDATE messages SET released_at = $2 WHERE id = ANY($1::uuid[])', [ids, at]);
  }

  async recipientContacts(userIds: string[]): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows: { id: string; email: string }[] = await this.dataSource.query('SELECT id, email FROM users WHERE id = ANY($1::uuid[])', [userIds]);
    return new Map(rows.map((row) => [row.id, row.email]));
  }
}
