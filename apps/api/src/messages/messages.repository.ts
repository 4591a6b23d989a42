import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { urgentWindowStart, type InboxTermsChange, type MessageTopic, type OpenLedgerEntryOf } from '@parallel/domain';
import { DataSource } from 'typeorm';
import { CaseEntity } from '../cases/entities/case.entity';
import { Cursor } from '../common/cursor';
import type { Tx } from '../database/transaction';
import { entryValues, INSERT_ENTRY_AFTER_HEAD, MOVE_HEAD_FROM, type LedgerHead } from '../ledger/ledger.repository';
import { HeldBackAttemptEntity } from './entities/held-back-attempt.entity';
import { MessageEntity } from './entities/message.entity';
import type { MessageBox } from './dto/message.dto';
import { poolOf, prepared, type Queryable } from '../database/prepared';
import { toInboxTermsChange, type InboxTermsChangeRow } from '../terms/inbox-terms.repository';

export interface StoredReply {
  key: string;
  requestHash: string;
  status: number;
  body: object;
}

/** The case as a send reads it: what decides, and the head its entry goes after. */
export interface SendCase {
  name: string;
  timeZone: string;
  terms: CaseEntity['terms'];
  head: LedgerHead;
}

/** How far back a send reads its sender's send times: past the start of any day that holds now, in any zone. */
const SENT_TIMES_REACH_MS = 2 * 24 * 60 * 60 * 1000;

export interface SendContext {
  sendCase: SendCase;
  reply: Omit<StoredReply, 'key'> | null;
  recipientId: string | null;
  /** When the sender's messages of the last two days were sent, oldest first: the day's count is taken in the case's zone. */
  recentSentTimes: Date[];
  urgentSentTimes: Date[];
  /** Every change of the case's inbox terms, oldest first: the recipient's decide the send. */
  inboxChanges: InboxTermsChange[];
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
  senderId: string;
  recipientId: string;
  topic: string;
  urgent: boolean;
  sentAt: Date;
}

// Every send runs these (prepared: see database/prepared.ts).
/**
 * The case, the stored answer to an Idempotency-Key, the recipient, the sender's send times
 * for the quotas, and the inbox terms: everything a send decides on, read in one statement and
 * so from one snapshot. $4 reaches back past any day that holds now (two days), $5 is the start
 * of the urgent allowance's 30 days.
 */
export const SEND_CONTEXT = prepared(
  'send_context',
  `SELECT c.name, c.time_zone, c.terms, c.ledger_head_seq, c.ledger_head_hash,
         (SELECT json_build_object('request_hash', r.request_hash, 'status', r.status, 'body', r.body)
            FROM idempotent_replies r WHERE r.case_id = $1 AND r.user_id = $2 AND r.key = $3) AS reply,
         (SELECT m.user_id FROM case_members m WHERE m.case_id = $1 AND m.user_id <> $2 LIMIT 1) AS recipient_id,
         (SELECT coalesce(array_agg(sent_at ORDER BY sent_at), '{}') FROM messages
           WHERE case_id = $1 AND sender_id = $2 AND sent_at >= $4) AS recent_sent_times,
         (SELECT coalesce(array_agg(sent_at ORDER BY sent_at), '{}') FROM messages
           WHERE case_id = $1 AND sender_id = $2 AND urgent AND sent_at > $5) AS urgent_times,
         (SELECT coalesce(json_agg(json_build_object('user_id', ic.user_id, 'cadence', ic.cadence, 'daily_quota', ic.daily_quota,
                                                     'requested_at', ic.requested_at, 'effective_at', ic.effective_at, 'ledger_seq', ic.ledger_seq)
                                   ORDER BY ic.ledger_seq), '[]')
            FROM inbox_terms_changes ic WHERE ic.case_id = $1) AS inbox_changes
     FROM cases c WHERE c.id = $1`,
);
/**
 * A send's write: the entry ($1 to $12, entryValues), the answer kept for its Idempotency-Key
 * ($14 to $17) and `row`, the message or held-back attempt (its own values from $18), written
 * only if the case's head is still the one the send read ($13); answers `moved` 1 if it was, 0 if
 * another change came first (and nothing was written).
 */
function writeIfHeadStill(name: string, row: string): string {
  return prepared(
    name,
    `WITH head AS (${MOVE_HEAD_FROM}),
          entry AS (${INSERT_ENTRY_AFTER_HEAD}),
          reply AS (
           INSERT INTO idempotent_replies (case_id, user_id, key, request_hash, status, body, created_at)
           SELECT $1::uuid, $5::uuid, $14::text, $15::text, $16::integer, $17::jsonb, $6::timestamptz FROM head
         ),
          written AS (${row})
     SELECT count(*)::integer AS moved FROM head`,
  );
}
/** The message of an accepted send (see writeIfHeadStill). */
export const INSERT_MESSAGE = writeIfHeadStill(
  'insert_message',
  `INSERT INTO messages (id, case_id, sender_id, recipient_id, topic, text, urgent, sent_at, deliver_at, released_at, first_read_at, notified_at, ledger_seq, read_ledger_seq)
   SELECT $18::uuid, $1::uuid, $5::uuid, $19::uuid, $20::text, $21::text, $22::boolean, $6::timestamptz, $23::timestamptz, $24::timestamptz, NULL, NULL, $2::integer, NULL FROM head`,
);
/** The held-back attempt of a send over a cap (see writeIfHeadStill). */
const INSERT_HELD_BACK = writeIfHeadStill(
  'insert_held_back',
  `INSERT INTO held_back_attempts (id, case_id, sender_id, topic, text, urgent, attempted_at, reason, retry_at, ledger_seq)
   SELECT $18::uuid, $1::uuid, $5::uuid, $19::text, $20::text, $21::boolean, $6::timestamptz, $22::text, $23::timestamptz, $2::integer FROM head`,
);

@Injectable()
export class MessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findCase(caseId: string): Promise<CaseEntity | null> {
    return this.dataSource.getRepository(CaseEntity).findOneBy({ id: caseId });
  }

  /** The pool itself: a send's read and write run outside a transaction unless it has to wait its turn (see MessagesService.send). */
  get pool(): Queryable {
    return poolOf(this.dataSource);
  }

  /** Everything a send at `at` decides on, in one statement (SEND_CONTEXT); null when the case does not exist. */
  async sendContext(on: Queryable, query: { caseId: string; senderId: string; key: string; at: Date }): Promise<SendContext | null> {
    const rows = await on.query<
      {
        name: string;
        time_zone: string;
        terms: CaseEntity['terms'];
        ledger_head_seq: number;
        ledger_head_hash: string;
        reply: { request_hash: string; status: number; body: object } | null;
        recipient_id: string | null;
        recent_sent_times: Date[] | string[] | string;
        urgent_times: Date[] | string[] | string;
        inbox_changes: InboxTermsChangeRow[];
      }[]
    >(SEND_CONTEXT, [query.caseId, query.senderId, query.key, new Date(query.at.getTime() - SENT_TIMES_REACH_MS), urgentWindowStart(query.at)]);
    const row = rows[0];
    if (!row) return null;
    return {
      sendCase: { name: row.name, timeZone: row.time_zone, terms: row.terms, head: { seq: row.ledger_head_seq, hash: row.ledger_head_hash } },
      reply: row.reply ? { requestHash: row.reply.request_hash, status: row.reply.status, body: row.reply.body } : null,
      recipientId: row.recipient_id,
      recentSentTimes: parseTimestampArray(row.recent_sent_times),
      urgentSentTimes: parseTimestampArray(row.urgent_times),
      inboxChanges: row.inbox_changes.map(toInboxTermsChange),
    };
  }

  /** The entry, the message and the answer kept for its Idempotency-Key, if the head is still `readHead`; false if it moved. */
  insertMessage(on: Queryable, readHead: LedgerHead, entry: OpenLedgerEntryOf<'message.sent'>, row: MessageEntity, reply: StoredReply): Promise<boolean> {
    return this.writeIfHeadStill(on, INSERT_MESSAGE, readHead, entryValues(entry, row.sentAt), reply, [
      row.id, row.recipientId, row.topic, row.text, row.urgent, row.deliverAt, row.releasedAt,
    ]);
  }

  /** As insertMessage, for a held-back attempt. */
  insertHeldBack(on: Queryable, readHead: LedgerHead, entry: OpenLedgerEntryOf<'message.held_back'>, row: HeldBackAttemptEntity, reply: StoredReply): Promise<boolean> {
    return this.writeIfHeadStill(on, INSERT_HELD_BACK, readHead, entryValues(entry, row.attemptedAt), reply, [
      row.id, row.topic, row.text, row.urgent, row.reason, row.retryAt,
    ]);
  }

  private async writeIfHeadStill(on: Queryable, statement: string, readHead: LedgerHead, entry: unknown[], reply: StoredReply, row: unknown[]): Promise<boolean> {
    const rows = await on.query<{ moved: number }[]>(statement, [...entry, readHead.seq, reply.key, reply.requestHash, reply.status, JSON.stringify(reply.body), ...row]);
    return rows[0]?.moved === 1;
  }

  /** With `tx`, the row is locked for the rest of the transaction. */
  findMessage(caseId: string, id: string, tx?: Tx): Promise<MessageEntity | null> {
    return (tx?.manager ?? this.dataSource.manager)
      .getRepository(MessageEntity)
      .findOne({ where: { caseId, id }, ...(tx ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** The first read; `readLedgerSeq` is null while the read waits to be recorded with its day's others. */
  async markRead(tx: Tx, id: string, at: Date, readLedgerSeq: number | null): Promise<void> {
    await tx.manager.getRepository(MessageEntity).update({ id }, { firstReadAt: at, readLedgerSeq });
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
  async threads(caseId: string, userId: string): Promise<{ topic: MessageTopic; count: number; unread: number; lastAt: Date }[]> {
    const rows: { topic: MessageTopic; count: string; unread: string; last_at: Date }[] = await this.dataSource.query(
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

  /** A page of held-back attempts, newest first: the caller's own (`mine`), or the other parent's. */
  listHeldBack(caseId: string, userId: string, of: 'mine' | 'other', cursor: Cursor | null, take: number): Promise<HeldBackAttemptEntity[]> {
    const query = this.dataSource
      .getRepository(HeldBackAttemptEntity)
      .createQueryBuilder('h')
      .where('h.case_id = :caseId', { caseId })
      .andWhere(of === 'mine' ? 'h.sender_id = :userId' : 'h.sender_id <> :userId', { userId });
    if (cursor) query.andWhere('(h.attempted_at, h.id) < (:at, :id)', { at: cursor.at, id: cursor.id });
    return query.orderBy('h.attempted_at', 'DESC').addOrderBy('h.id', 'DESC').take(take).getMany();
  }

  /** How many attempts were held back, the caller's and the other parent's, today (`[dayStart, dayEnd)`) and in all. */
  async heldBackCounts(caseId: string, userId: string, dayStart: Date, dayEnd: Date): Promise<{ mine: { today: number; total: number }; other: { today: number; total: number } }> {
    const rows: { mine_today: string; mine_total: string; other_today: string; other_total: string }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE sender_id = $2 AND attempted_at >= $3 AND attempted_at < $4) AS mine_today,
              count(*) FILTER (WHERE sender_id = $2) AS mine_total,
              count(*) FILTER (WHERE sender_id <> $2 AND attempted_at >= $3 AND attempted_at < $4) AS other_today,
              count(*) FILTER (WHERE sender_id <> $2) AS other_total
         FROM held_back_attempts WHERE case_id = $1`,
      [caseId, userId, dayStart, dayEnd],
    );
    const row = rows[0]!;
    return {
      mine: { today: Number(row.mine_today), total: Number(row.mine_total) },
      other: { today: Number(row.other_today), total: Number(row.other_total) },
    };
  }

  /** Cases with messages whose window has opened; each is then released under its case's lock. */
  async casesWithDueMessages(now: Date, limit: number): Promise<string[]> {
    const rows: { case_id: string }[] = await this.dataSource.query(
      'SELECT DISTINCT case_id FROM messages WHERE released_at IS NULL AND deliver_at <= $1 ORDER BY case_id LIMIT $2',
      [now, limit],
    );
    return rows.map((row) => row.case_id);
  }

  /** A case's due messages, read under its lock: a second process releasing the same case finds none left. */
  async dueMessages(tx: Tx, caseId: string, now: Date): Promise<DueMessage[]> {
    const rows: { id: string; case_id: string; sender_id: string; recipient_id: string; topic: string; urgent: boolean; sent_at: Date }[] = await tx.manager.query(
      `SELECT id, case_id, sender_id, recipient_id, topic, urgent, sent_at FROM messages
        WHERE case_id = $1 AND released_at IS NULL AND deliver_at <= $2 ORDER BY deliver_at, id`,
      [caseId, now],
    );
    return rows.map((row) => ({ id: row.id, caseId: row.case_id, senderId: row.sender_id, recipientId: row.recipient_id, topic: row.topic, urgent: row.urgent, sentAt: new Date(row.sent_at) }));
  }

  async markReleased(tx: Tx, ids: string[], at: Date): Promise<void> {
    await tx.manager.query('UPDATE messages SET released_at = $2 WHERE id = ANY($1::uuid[])', [ids, at]);
  }

  /**
   * Cases with first reads not recorded yet from a day that has ended in the case's zone.
   * (The exact boundary is decided again, by the domain's calendar, under the case's lock.)
   */
  async casesWithUnrecordedReads(now: Date, limit: number): Promise<string[]> {
    const rows: { case_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT m.case_id FROM messages m JOIN cases c ON c.id = m.case_id
        WHERE m.first_read_at IS NOT NULL AND m.read_ledger_seq IS NULL
          AND m.first_read_at < (date_trunc('day', $1::timestamptz AT TIME ZONE c.time_zone) AT TIME ZONE c.time_zone)
        ORDER BY m.case_id LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.case_id);
  }

  /** A case's reads made before `before` and not recorded yet, read under its lock. */
  async unrecordedReads(tx: Tx, caseId: string, before: Date): Promise<{ id: string; readerId: string; readAt: Date }[]> {
    const rows: { id: string; recipient_id: string; first_read_at: Date }[] = await tx.manager.query(
      `SELECT id, recipient_id, first_read_at FROM messages
        WHERE case_id = $1 AND first_read_at IS NOT NULL AND read_ledger_seq IS NULL AND first_read_at < $2
        ORDER BY first_read_at, id`,
      [caseId, before],
    );
    return rows.map((row) => ({ id: row.id, readerId: row.recipient_id, readAt: new Date(row.first_read_at) }));
  }

  async markReadsRecorded(tx: Tx, ids: string[], readLedgerSeq: number): Promise<void> {
    await tx.manager.query('UPDATE messages SET read_ledger_seq = $2 WHERE id = ANY($1::uuid[])', [ids, readLedgerSeq]);
  }

  /**
   * Claims up to `limit` notices of the outbox, in one short statement: released messages not
   * noticed yet whose claim is absent or older than `staleBefore` (the process that held it
   * died between the hand-off and the mark). `SKIP LOCKED` and the lease keep two processes
   * from claiming the same notice. No lock is held once this returns; the mail is sent outside
   * any transaction. Each message comes back with its previous claim time, so that messages
   * claimed together before are mailed together again (the same Message-ID).
   *
   * Lock order: message rows only, never a case row; nothing else is locked in this statement.
   */
  async claimNotices(limit: number, now: Date, staleBefore: Date): Promise<UnnoticedMessage[]> {
    const rows: {
      id: string; case_id: string; recipient_id: string; topic: string; urgent: boolean; sent_at: Date; released_at: Date;
      case_name: string; email: string | null; previous_claim: Date | null;
    }[] = await this.dataSource.query(
      `WITH claimed AS (
         SELECT m.id, m.notice_claimed_at AS previous_claim FROM messages m
          WHERE m.released_at IS NOT NULL AND m.notified_at IS NULL
            AND (m.notice_claimed_at IS NULL OR m.notice_claimed_at < $3)
          ORDER BY m.released_at, m.id LIMIT $1 FOR UPDATE SKIP LOCKED
       ), marked AS (
         UPDATE messages m SET notice_claimed_at = $2 FROM claimed WHERE m.id = claimed.id
         RETURNING m.id, m.case_id, m.recipient_id, m.topic, m.urgent, m.sent_at, m.released_at, claimed.previous_claim
       )
       SELECT marked.*, c.name AS case_name, u.email
         FROM marked JOIN cases c ON c.id = marked.case_id LEFT JOIN users u ON u.id = marked.recipient_id
        ORDER BY marked.released_at, marked.id`,
      [limit, now, staleBefore],
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
      recipientEmail: row.email,
      previousClaim: row.previous_claim ? new Date(row.previous_claim) : null,
    }));
  }

  /** The notices of these messages went out (or had no address to go to). */
  async markNotified(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query('UPDATE messages SET notified_at = $2 WHERE id = ANY($1::uuid[]) AND notified_at IS NULL', [ids, at]);
  }

  /** The mail was refused before it was handed over: the next tick may claim these again at once. */
  async releaseNoticeClaims(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query('UPDATE messages SET notice_claimed_at = NULL WHERE id = ANY($1::uuid[]) AND notified_at IS NULL', [ids]);
  }
}

export type UnnoticedMessage = Omit<DueMessage, 'senderId'> & {
  releasedAt: Date;
  caseName: string;
  recipientEmail: string | null;
  /** The claim this notice had before (a process died before marking it), or null for a first claim. */
  previousClaim: Date | null;
};
