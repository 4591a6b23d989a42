import { Injectable } from "@nestjs/common";
import { InjectDataSource } from "@nestjs/typeorm";
import {
  LedgerEntryType,
  LedgerPayloads,
  OpenLedgerEntry,
  OpenLedgerEntryOf,
  nextLedgerEntry,
  type RecordQueryModel,
  type ScheduleQueryModel,
} from "@parallel/domain";
import { DataSource, EntityManager } from "typeorm";
import { newLedgerSalt, nodeSha256Hex } from "../common/hashing";
import { prepared } from "../database/prepared";
import { LedgerEntryEntity } from "./entities/ledger-entry.entity";
import { storedRowOf, storedRowsQuery, toLedgerEntry, type LedgerTypeFilter, type StoredLedgerRow } from "./stored-entry";
import { readExpenseQueryModel } from "../expenses/expense-record.repository";
import { readExportQueryModel } from "../export/export-record.repository";
import { readProfessionalAccessQueryModel } from "../professional-access/professional-access-record.repository";

export type { LedgerTypeFilter };

/** An entry's columns, in the order of {@link entryValues}. */
const ENTRY_COLUMNS = "case_id, seq, v, type, actor_id, at, payload, salt, body_hash, prev_hash, hash, body";

/** Every change of every case: the entry, and the case's head moved to it (prepared: see database/prepared.ts). */
export const APPEND_ENTRY = prepared(
  "append_ledger_entry",
  `WITH entry AS (
     INSERT INTO ledger_entries (${ENTRY_COLUMNS})
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)
   )
   UPDATE cases SET ledger_head_seq = $2, ledger_head_hash = $11 WHERE id = $1`,
);

/**
 * The same entry and head, in a statement that writes only while the case's head is still
 * `$13` (the one the command read, without a lock): a `head` CTE ({@link MOVE_HEAD_FROM}) moves
 * it, and this inserts the entry only when it did. Parameters $1 to $12 as {@link entryValues}.
 */
export const MOVE_HEAD_FROM = `UPDATE cases SET ledger_head_seq = $2::integer, ledger_head_hash = $11::text
     WHERE id = $1::uuid AND ledger_head_seq = $13::integer RETURNING id`;
export const INSERT_ENTRY_AFTER_HEAD = `INSERT INTO ledger_entries (${ENTRY_COLUMNS})
     SELECT $1::uuid, $2::integer, $3::smallint, $4::text, $5::uuid, $6::timestamptz, $7::jsonb, $8::text, $9::text, $10::text, $11::text, $12::text FROM head`;

/** The entry after `head`, sealed (`at` is its time). */
export function entryAfter<T extends LedgerEntryType>(
  head: LedgerHead,
  caseId: string,
  at: Date,
  type: T,
  actorId: string | null,
  payload: LedgerPayloads[T],
): OpenLedgerEntryOf<T> {
  return nextLedgerEntry(head.seq === 0 ? null : head, { caseId, at: at.toISOString(), type, actorId, payload, salt: newLedgerSalt() }, nodeSha256Hex);
}

/** An entry's columns as $1 to $12 of {@link APPEND_ENTRY} and {@link INSERT_ENTRY_AFTER_HEAD}. */
export function entryValues(entry: OpenLedgerEntryOf<LedgerEntryType>, at: Date): unknown[] {
  return [entry.caseId, entry.seq, entry.v, entry.type, entry.actorId, at, JSON.stringify(entry.payload), entry.salt, entry.bodyHash, entry.prevHash, entry.hash, entry.bodyText];
}

/** A case's head as its locked row holds it; moved forward by each append. */
export interface LedgerHead {
  seq: number;
  hash: string;
}

/**
 * The only writer of ledger rows. Appends run inside the case command's transaction, with
 * the case row locked and its head in hand, so the entry and the query-model rows it
 * explains commit or roll back together, and two processes can neither fork nor gap a chain.
 * (A send writes its entry with its message in one statement that moves the head only from
 * the head it read: MOVE_HEAD_FROM and INSERT_ENTRY_AFTER_HEAD below.)
 */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends one entry after `head` and moves the case's stored head, in one statement. */
  async append<T extends LedgerEntryType>(
    manager: EntityManager,
    caseId: string,
    head: LedgerHead,
    at: Date,
    type: T,
    actorId: string | null,
    payload: LedgerPayloads[T],
  ): Promise<OpenLedgerEntryOf<T>> {
    const entry = entryAfter(head, caseId, at, type, actorId, payload);
    // (Should the head be stale, the (case_id, seq) key refuses the entry: a chain cannot fork.)
    await manager.query(APPEND_ENTRY, entryValues(entry, at));
    return entry;
  }

  /** Entries in chain order after `afterSeq`, at most `limit` (all when omitted), parsed into the typed union. */
  async list(
    caseId: string,
    afterSeq = 0,
    limit?: number,
  ): Promise<OpenLedgerEntry[]> {
    const query = this.dataSource
      .getRepository(LedgerEntryEntity)
      .createQueryBuilder("e")
      .where("e.case_id = :caseId AND e.seq > :afterSeq", { caseId, afterSeq })
      .orderBy("e.seq", "ASC");
    if (limit !== undefined) query.take(limit);
    return (await query.getMany()).map(toLedgerEntry);
  }

  /**
   * Entries after `afterSeq` and up to `upToSeq` in chain order, at most `limit`, of the
   * filter's types only when one is given. Reads the seal and the stored body alone (the
   * typed columns repeat the body), without the entity layer: for long reads such as exports.
   */
  async listSlice(caseId: string, afterSeq: number, upToSeq: number, limit: number, filter: LedgerTypeFilter = {}): Promise<OpenLedgerEntry[]> {
    return (await this.listSliceRows(caseId, afterSeq, upToSeq, limit, filter)).map(toLedgerEntry);
  }

  /** As listSlice, the rows as stored (parsed by whoever reads them: the export's worker thread). */
  async listSliceRows(caseId: string, afterSeq: number, upToSeq: number, limit: number, filter: LedgerTypeFilter = {}): Promise<StoredLedgerRow[]> {
    const { text, values } = storedRowsQuery(caseId, afterSeq, upToSeq, limit, filter);
    const rows = await this.dataSource.query<Parameters<typeof storedRowOf>[1][]>(text, values);
    return rows.map((row) => storedRowOf(caseId, row));
  }

  /** Which of `messageIds` are still held for their window. */
  async unreleasedAmong(
    caseId: string,
    messageIds: string[],
  ): Promise<Set<string>> {
    if (messageIds.length === 0) return new Set();
    const rows = await this.dataSource.query<{ id: string }[]>(
      "SELECT id FROM messages WHERE case_id = $1 AND id = ANY($2::uuid[]) AND released_at IS NULL",
      [caseId, messageIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Every query-model row of a case, for comparison with its chain. */
  async queryModel(caseId: string): Promise<RecordQueryModel | null> {
    const iso = (value: Date | string | null) =>
      value === null ? null : new Date(value).toISOString();
    const [caseRows, members, invitations, messages, heldBack, proposals, inboxTerms] =
      await Promise.all([
        this.dataSource.query<
          {
            name: string;
            time_zone: string;
            children: string[];
            terms: unknown;
          }[]
        >("SELECT name, time_zone, children, terms FROM cases WHERE id = $1", [
          caseId,
        ]),
        this.dataSource.query<{ user_id: string }[]>(
          "SELECT user_id FROM case_members WHERE case_id = $1",
          [caseId],
        ),
        this.dataSource.query<
          { id: string; email: string; expires_at: Date }[]
        >("SELECT id, email, expires_at FROM invitations WHERE case_id = $1", [
          caseId,
        ]),
        this.dataSource.query<
          {
            id: string;
            sender_id: string;
            recipient_id: string;
            topic: string;
            text: string;
            urgent: boolean;
            sent_at: Date;
            deliver_at: Date;
            released_at: Date | null;
            first_read_at: Date | null;
            ledger_seq: number;
            read_ledger_seq: number | null;
          }[]
        >(
          `SELECT id, sender_id, recipient_id, topic, text, urgent, sent_at, deliver_at, released_at, first_read_at, ledger_seq, read_ledger_seq
           FROM messages WHERE case_id = $1`,
          [caseId],
        ),
        this.dataSource.query<
          {
            id: string;
            sender_id: string;
            topic: string;
            text: string;
            urgent: boolean;
            attempted_at: Date;
            reason: string;
            retry_at: Date | null;
            ledger_seq: number;
          }[]
        >(
          "SELECT id, sender_id, topic, text, urgent, attempted_at, reason, retry_at, ledger_seq FROM held_back_attempts WHERE case_id = $1",
          [caseId],
        ),
        this.dataSource.query<
          {
            id: string;
            proposed_by: string;
            changes: unknown;
            status: string;
            created_at: Date;
            decided_at: Date | null;
            decided_by: string | null;
          }[]
        >(
          "SELECT id, proposed_by, changes, status, created_at, decided_at, decided_by FROM terms_proposals WHERE case_id = $1",
          [caseId],
        ),
        this.dataSource.query<
          {
            ledger_seq: number;
            user_id: string | null;
            cadence: unknown;
            daily_quota: number;
            requested_at: Date;
            effective_at: Date;
          }[]
        >(
          "SELECT ledger_seq, user_id, cadence, daily_quota, requested_at, effective_at FROM inbox_terms_changes WHERE case_id = $1",
          [caseId],
        ),
      ]);
    const caseRow = caseRows[0];
    if (!caseRow) return null;
    return {
      caseRow: {
        name: caseRow.name,
        timeZone: caseRow.time_zone,
        children: caseRow.children,
        terms: caseRow.terms,
      },
      members: members.map((row) => ({ userId: row.user_id })),
      invitations: invitations.map((row) => ({
        id: row.id,
        email: row.email,
        expiresAt: iso(row.expires_at)!,
      })),
      messages: messages.map((row) => ({
        id: row.id,
        senderId: row.sender_id,
        recipientId: row.recipient_id,
        topic: row.topic,
        text: row.text,
        urgent: row.urgent,
        sentAt: iso(row.sent_at)!,
        deliverAt: iso(row.deliver_at)!,
        releasedAt: iso(row.released_at),
        firstReadAt: iso(row.first_read_at),
        ledgerSeq: row.ledger_seq,
        readLedgerSeq: row.read_ledger_seq,
      })),
      heldBack: heldBack.map((row) => ({
        id: row.id,
        senderId: row.sender_id,
        topic: row.topic,
        text: row.text,
        urgent: row.urgent,
        attemptedAt: iso(row.attempted_at)!,
        reason: row.reason,
        retryAt: iso(row.retry_at),
        ledgerSeq: row.ledger_seq,
      })),
      proposals: proposals.map((row) => ({
        id: row.id,
        proposedBy: row.proposed_by,
        changes: row.changes,
        status: row.status,
        createdAt: iso(row.created_at)!,
        decidedAt: iso(row.decided_at),
        decidedBy: row.decided_by,
      })),
      inboxTerms: inboxTerms.map((row) => ({
        ledgerSeq: row.ledger_seq,
        userId: row.user_id,
        cadence: row.cadence,
        dailyQuota: row.daily_quota,
        requestedAt: iso(row.requested_at)!,
        effectiveAt: iso(row.effective_at)!,
      })),
      schedule: await this.scheduleQueryModel(caseId),
      ...(await readExpenseQueryModel(this.dataSource, caseId)),
      ...(await readExportQueryModel(this.dataSource, caseId)),
      ...(await readProfessionalAccessQueryModel(this.dataSource, caseId)),
    };
  }

  /** The schedule's tables, as verification compares them with the chain. */
  private async scheduleQueryModel(caseId: string): Promise<ScheduleQueryModel> {
    const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
    type Row = Record<string, unknown>;
    const rows = (sql: string) => this.dataSource.query<Row[]>(sql, [caseId]);
    const [plans, disputes, overrides, swaps, checkIns] = await Promise.all([
      rows("SELECT id, proposed_by, spec, status, effective_from, created_at, decided_at, decided_by, order_reference, order_date FROM schedule_plans WHERE case_id = $1"),
      rows("SELECT id, plan_id, disputed_by, reason, created_at FROM schedule_plan_disputes WHERE case_id = $1"),
      rows("SELECT id, proposed_by, spec, status, created_at, decided_at, decided_by FROM schedule_overrides WHERE case_id = $1"),
      rows("SELECT id, requested_by, kind, give_dates, take_dates, note, expires_at, status, created_at, decided_at, decided_by, reason FROM schedule_swaps WHERE case_id = $1"),
      rows("SELECT id, exchange_id, exchange_at, from_parent_id, to_parent_id, recorded_by, status, late_minutes, note, created_at FROM schedule_check_ins WHERE case_id = $1"),
    ]);
    const text = (value: unknown) => value as string;
    const nullableText = (value: unknown) => (value ?? null) as string | null;
    const time = (value: unknown) => iso(value as Date)!;
    const nullableTime = (value: unknown) => iso((value ?? null) as Date | null);
    return {
      plans: plans.map((row) => ({
        id: text(row.id),
        proposedBy: text(row.proposed_by),
        spec: row.spec,
        status: text(row.status),
        effectiveFrom: time(row.effective_from),
        createdAt: time(row.created_at),
        decidedAt: nullableTime(row.decided_at),
        decidedBy: nullableText(row.decided_by),
        orderReference: nullableText(row.order_reference),
        orderDate: nullableText(row.order_date),
      })),
      disputes: disputes.map((row) => ({ id: text(row.id), planId: text(row.plan_id), disputedBy: text(row.disputed_by), reason: text(row.reason), createdAt: time(row.created_at) })),
      overrides: overrides.map((row) => ({
        id: text(row.id),
        proposedBy: text(row.proposed_by),
        spec: row.spec,
        status: text(row.status),
        createdAt: time(row.created_at),
        decidedAt: nullableTime(row.decided_at),
        decidedBy: nullableText(row.decided_by),
      })),
      swaps: swaps.map((row) => ({
        id: text(row.id),
        requestedBy: text(row.requested_by),
        kind: text(row.kind),
        giveDates: row.give_dates as string[],
        takeDates: row.take_dates as string[],
        note: nullableText(row.note),
        expiresAt: time(row.expires_at),
        status: text(row.status),
        createdAt: time(row.created_at),
        decidedAt: nullableTime(row.decided_at),
        decidedBy: nullableText(row.decided_by),
        reason: nullableText(row.reason),
      })),
      checkIns: checkIns.map((row) => ({
        id: text(row.id),
        exchangeId: text(row.exchange_id),
        exchangeAt: time(row.exchange_at),
        fromParentId: text(row.from_parent_id),
        toParentId: text(row.to_parent_id),
        recordedBy: text(row.recorded_by),
        status: text(row.status),
        lateMinutes: (row.late_minutes ?? null) as number | null,
        note: nullableText(row.note),
        createdAt: time(row.created_at),
      })),
    };
  }

  /**
   * The first entry whose query columns (type, actor, payload, salt) say something other than
   * its hashed body, or null: the columns are a copy for queries, and must stay one.
   */
  async firstColumnDisagreement(caseId: string): Promise<number | null> {
    const rows = await this.dataSource.query<{ seq: number }[]>(
      `SELECT seq FROM ledger_entries
        WHERE case_id = $1
          AND (type IS DISTINCT FROM body::jsonb ->> 'type'
            OR actor_id::text IS DISTINCT FROM body::jsonb ->> 'actorId'
            OR salt IS DISTINCT FROM body::jsonb ->> 'salt'
            OR payload IS DISTINCT FROM body::jsonb -> 'payload')
        ORDER BY seq LIMIT 1`,
      [caseId],
    );
    return rows[0]?.seq ?? null;
  }

  /** The head the case row says it has: verification holds the chain to it. */
  async storedHead(caseId: string): Promise<LedgerHead | null> {
    const rows: { ledger_head_seq: number; ledger_head_hash: string }[] =
      await this.dataSource.query(
        "SELECT ledger_head_seq, ledger_head_hash FROM cases WHERE id = $1",
        [caseId],
      );
    const row = rows[0];
    return row
      ? { seq: row.ledger_head_seq, hash: row.ledger_head_hash }
      : null;
  }
}

