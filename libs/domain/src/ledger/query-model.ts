import { canonicalJson } from './canonical-json';
import type { OpenLedgerEntry } from './ledger-entry';

/**
 * A case's query-model rows as the API serves them, times as ISO strings. The ledger is
 * the truth; these tables are what screens read, so they must say exactly what it says.
 */
export interface RecordQueryModel {
  caseRow: { name: string; timeZone: string; children: string[]; terms: unknown };
  members: { userId: string }[];
  invitations: { id: string; email: string; expiresAt: string }[];
  messages: {
    id: string;
    senderId: string;
    recipientId: string;
    topic: string;
    text: string;
    urgent: boolean;
    sentAt: string;
    deliverAt: string;
    releasedAt: string | null;
    firstReadAt: string | null;
    ledgerSeq: number;
    /** Null while a read made under hidden read times waits to be recorded with its day. */
    readLedgerSeq: number | null;
  }[];
  heldBack: { id: string; senderId: string; topic: string; text: string; urgent: boolean; attemptedAt: string; reason: string; retryAt: string | null; ledgerSeq: number }[];
  proposals: { id: string; proposedBy: string; changes: unknown; status: string; createdAt: string; decidedAt: string | null; decidedBy: string | null }[];
  /** Changes of inbox terms, one per entry that made one (keyed by that entry's seq). */
  inboxTerms: { ledgerSeq: number; userId: string | null; cadence: unknown; dailyQuota: number; requestedAt: string; effectiveAt: string }[];
}

export type QueryModelCheck =
  | { consistent: true }
  | {
      consistent: false;
      /** The entry the table disagrees with; null when a row has no entry at all. */
      seq: number | null;
      table: string;
      /** The row's id (or the field for the case row). */
      id: string;
      field: string;
    };

type Expected = Record<string, { value: unknown; seq: number }>;

/** What the record says each row must hold, field by field, with the entry that said it. */
interface Replay {
  caseRow: Expected;
  members: Map<string, number>;
  invitations: Map<string, Expected>;
  messages: Map<string, Expected>;
  heldBack: Map<string, Expected>;
  proposals: Map<string, Expected>;
  inboxTerms: Map<string, Expected>;
}

/** The shared part of recorded terms: what the case row holds (the cadence and quota are per inbox). */
function sharedPart(terms: { urgentPer30Days: unknown; showReadTimes: unknown; split: unknown }): Record<string, unknown> {
  return { urgentPer30Days: terms.urgentPer30Days, showReadTimes: terms.showReadTimes, split: terms.split };
}

function replay(entries: readonly OpenLedgerEntry[]): Replay {
  const state: Replay = { caseRow: {}, members: new Map(), invitations: new Map(), messages: new Map(), heldBack: new Map(), proposals: new Map(), inboxTerms: new Map() };
  /**
   * Terms recorded for the whole case (its first terms, or complete terms agreed before inbox
   * terms existed) carry a cadence and a quota: both parents' inbox terms from that entry on.
   */
  const caseWideInboxTerms = (seq: number, at: string, terms: { cadence?: unknown; dailyQuota?: unknown }) => {
    if (terms.cadence === undefined || terms.dailyQuota === undefined) return;
    const row: Expected = {};
    set(row, seq, { ledgerSeq: seq, userId: null, cadence: terms.cadence, dailyQuota: terms.dailyQuota, requestedAt: at, effectiveAt: at });
    state.inboxTerms.set(String(seq), row);
  };
  const set = (target: Expected | undefined, seq: number, fields: Record<string, unknown>) => {
    if (!target) return;
    for (const [field, value] of Object.entries(fields)) target[field] = { value, seq };
  };
  for (const entry of entries) {
    const { seq, at } = entry;
    switch (entry.type) {
      case 'case.created':
        set(state.caseRow, seq, { name: entry.payload.name, timeZone: entry.payload.timeZone, children: entry.payload.children, terms: sharedPart(entry.payload.terms) });
        caseWideInboxTerms(seq, at, entry.payload.terms);
        if (entry.actorId) state.members.set(entry.actorId, seq);
        break;
      case 'invitation.created': {
        const row: Expected = {};
        set(row, seq, { email: entry.payload.email, expiresAt: entry.payload.expiresAt });
        state.invitations.set(entry.payload.invitationId, row);
        break;
      }
      case 'case.joined':
        state.members.set(entry.payload.userId, seq);
        break;
      case 'message.sent': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, {
          senderId: entry.actorId,
          recipientId: p.recipientId,
          topic: p.topic,
          text: p.text,
          urgent: p.urgent,
          sentAt: at,
          deliverAt: p.deliverAt,
          ledgerSeq: seq,
          // Released at once when the window was already open, unless a later entry releases it.
          releasedAt: p.deliverAt <= at ? at : null,
          firstReadAt: null,
          readLedgerSeq: null,
        });
        state.messages.set(p.messageId, row);
        break;
      }
      case 'message.released':
        for (const id of entry.payload.messageIds) set(state.messages.get(id), seq, { releasedAt: at });
        break;
      case 'message.read':
        set(state.messages.get(entry.payload.messageId), seq, { firstReadAt: at, readLedgerSeq: seq });
        break;
      case 'message.reads_recorded':
        for (const read of entry.payload.reads) set(state.messages.get(read.messageId), seq, { firstReadAt: read.readAt, readLedgerSeq: seq });
        break;
      case 'message.held_back': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, { senderId: entry.actorId, topic: p.topic, text: p.text, urgent: p.urgent, attemptedAt: at, reason: p.reason, retryAt: p.retryAt, ledgerSeq: seq });
        state.heldBack.set(p.attemptId, row);
        break;
      }
      case 'terms.proposed': {
        const row: Expected = {};
        set(row, seq, { proposedBy: entry.actorId, changes: entry.payload.changes, status: 'pending', createdAt: at, decidedAt: null, decidedBy: null });
        state.proposals.set(entry.payload.proposalId, row);
        break;
      }
      case 'terms.accepted':
        set(state.proposals.get(entry.payload.proposalId), seq, { status: 'accepted', decidedAt: at, decidedBy: entry.actorId });
        set(state.caseRow, seq, { terms: sharedPart(entry.payload.terms) });
        caseWideInboxTerms(seq, at, entry.payload.terms);
        break;
      case 'terms.declined':
        set(state.proposals.get(entry.payload.proposalId), seq, { status: 'declined', decidedAt: at, decidedBy: entry.actorId });
        break;
      case 'terms.withdrawn':
        set(state.proposals.get(entry.payload.proposalId), seq, { status: 'withdrawn', decidedAt: at, decidedBy: entry.actorId });
        break;
      case 'inbox_terms.changed': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, { ledgerSeq: seq, userId: p.userId, cadence: p.cadence, dailyQuota: p.dailyQuota, requestedAt: at, effectiveAt: p.effectiveAt });
        state.inboxTerms.set(String(seq), row);
        break;
      }
      // The exports table holds only what its entry says and no screen edits it; not compared yet.
      case 'export.made':
        break;
    }
  }
  return state;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/**
 * Replays a case's whole chain and compares every query-model row with what it says.
 * Returns the disagreement with the earliest entry (a row the record does not contain at
 * all comes after those), so the report names where trust ends.
 */
export function checkQueryModel(entries: readonly OpenLedgerEntry[], model: RecordQueryModel): QueryModelCheck {
  const expected = replay(entries);
  const problems: Extract<QueryModelCheck, { consistent: false }>[] = [];
  const compareRow = (table: string, id: string, row: Record<string, unknown>, fields: Expected | undefined, allowPending?: (field: string) => boolean) => {
    if (!fields) {
      problems.push({ consistent: false, seq: null, table, id, field: 'id' });
      return;
    }
    for (const [field, { value, seq }] of Object.entries(fields)) {
      if (same(row[field], value)) continue;
      if (allowPending?.(field)) continue;
      problems.push({ consistent: false, seq, table, id, field });
    }
  };

  compareRow('cases', 'case', model.caseRow, expected.caseRow);
  const memberIds = new Set(model.members.map((m) => m.userId));
  for (const member of model.members) if (!expected.members.has(member.userId)) problems.push({ consistent: false, seq: null, table: 'case_members', id: member.userId, field: 'id' });
  for (const [userId, seq] of expected.members) if (!memberIds.has(userId)) problems.push({ consistent: false, seq, table: 'case_members', id: userId, field: 'id' });

  const checkTable = <Row extends { id: string }>(table: string, rows: Row[], byId: Map<string, Expected>, allowPending?: (row: Row) => (field: string) => boolean) => {
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      compareRow(table, row.id, row, byId.get(row.id), allowPending?.(row));
    }
    for (const [id, fields] of byId) {
      if (!seen.has(id)) problems.push({ consistent: false, seq: Math.min(...Object.values(fields).map((f) => f.seq)), table, id, field: 'id' });
    }
  };
  checkTable('invitations', model.invitations, expected.invitations);
  // A first read made while read times are hidden is in the table before its entry (recorded once its day has ended).
  checkTable('messages', model.messages, expected.messages, (row) => (field) => row.readLedgerSeq === null && field === 'firstReadAt' && row.firstReadAt !== null);
  checkTable('held_back_attempts', model.heldBack, expected.heldBack);
  checkTable('terms_proposals', model.proposals, expected.proposals);
  checkTable(
    'inbox_terms_changes',
    model.inboxTerms.map((row) => ({ ...row, id: String(row.ledgerSeq) })),
    expected.inboxTerms,
  );

  if (problems.length === 0) return { consistent: true };
  problems.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
  return problems[0]!;
}
