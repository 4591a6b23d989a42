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
  /** The schedule's tables; compared when given. */
  schedule?: ScheduleQueryModel;
  /** Shared expenses (dates YYYY-MM-DD); absent from readers that predate them, which then have none to check. */
  expenses?: {
    id: string;
    loggedBy: string;
    category: string;
    description: string;
    incurredOn: string;
    amountMinor: number;
    currency: string;
    firstParentBasisPoints: number;
    splitSource: string;
    status: string;
    loggedAt: string;
    ledgerSeq: number;
    replacesExpenseId: string | null;
    decidedAt: string | null;
    decidedBy: string | null;
    disputeReason: string | null;
    closedAt: string | null;
  }[];
  payments?: {
    id: string;
    paidBy: string;
    paidTo: string;
    amountMinor: number;
    currency: string;
    paidOn: string;
    method: string;
    reference: string | null;
    status: string;
    recordedAt: string;
    ledgerSeq: number;
    confirmedAt: string | null;
  }[];
  /** Receipts of expenses and proofs of payments (their rows; the bytes are checked against `sha256` elsewhere). */
  receipts?: { id: string; expenseId: string | null; paymentId: string | null; uploadedBy: string; mediaType: string; sizeBytes: number; sha256: string; uploadedAt: string; ledgerSeq: number }[];
  /** Exports for court; `requestedBy` is the parent who made one, `grantId` the professional access that did. */
  exports?: {
    id: string;
    requestedBy: string | null;
    grantId: string | null;
    ledgerSeq: number;
    rangeFrom: string | null;
    rangeTo: string | null;
    sections: string[];
    keyFingerprint: string;
    createdAt: string;
  }[];
  /** Professional access given and ended, and each visit made with it; compared when given. */
  professionalAccess?: ProfessionalAccessQueryModel;
}

/** The professional access tables' rows that the record speaks of, times as ISO strings. */
export interface ProfessionalAccessQueryModel {
  grants: {
    id: string;
    grantedBy: string;
    role: string;
    name: string;
    email: string;
    expiresAt: string;
    grantedAt: string;
    ledgerSeq: number;
    revokedAt: string | null;
    revokedBy: string | null;
  }[];
  visits: { id: string; grantId: string; openedAt: string; ledgerSeq: number }[];
}

/** The schedule's query-model rows, times as ISO strings. */
export interface ScheduleQueryModel {
  plans: {
    id: string;
    proposedBy: string;
    spec: unknown;
    status: string;
    effectiveFrom: string;
    createdAt: string;
    decidedAt: string | null;
    decidedBy: string | null;
    orderReference: string | null;
    orderDate: string | null;
  }[];
  disputes: { id: string; planId: string; disputedBy: string; reason: string; createdAt: string }[];
  overrides: { id: string; proposedBy: string; spec: unknown; status: string; createdAt: string; decidedAt: string | null; decidedBy: string | null }[];
  swaps: {
    id: string;
    requestedBy: string;
    kind: string;
    giveDates: string[];
    takeDates: string[];
    note: string | null;
    expiresAt: string;
    status: string;
    createdAt: string;
    decidedAt: string | null;
    decidedBy: string | null;
    reason: string | null;
  }[];
  checkIns: {
    id: string;
    exchangeId: string;
    exchangeAt: string;
    fromParentId: string;
    toParentId: string;
    recordedBy: string;
    status: string;
    lateMinutes: number | null;
    note: string | null;
    createdAt: string;
  }[];
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
  plans: Map<string, Expected>;
  disputes: Map<string, Expected>;
  overrides: Map<string, Expected>;
  swaps: Map<string, Expected>;
  checkIns: Map<string, Expected>;
  expenses: Map<string, Expected>;
  payments: Map<string, Expected>;
  receipts: Map<string, Expected>;
  exports: Map<string, Expected>;
  grants: Map<string, Expected>;
  visits: Map<string, Expected>;
}

/** The shared part of recorded terms: what the case row holds (the cadence and quota are per inbox). */
function sharedPart(terms: { urgentPer30Days: unknown; showReadTimes: unknown; split: unknown }): Record<string, unknown> {
  return { urgentPer30Days: terms.urgentPer30Days, showReadTimes: terms.showReadTimes, split: terms.split };
}

function replay(entries: readonly OpenLedgerEntry[]): Replay {
  const state: Replay = { caseRow: {}, members: new Map(), invitations: new Map(), messages: new Map(), heldBack: new Map(), proposals: new Map(), inboxTerms: new Map(),
    plans: new Map(), disputes: new Map(), overrides: new Map(), swaps: new Map(), checkIns: new Map(), expenses: new Map(), payments: new Map(), receipts: new Map(),
    exports: new Map(), grants: new Map(), visits: new Map() };
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
      case 'schedule.plan_proposed': {
        const row: Expected = {};
        set(row, seq, {
          proposedBy: entry.actorId,
          spec: entry.payload.plan,
          status: 'pending',
          effectiveFrom: entry.payload.effectiveFrom,
          createdAt: at,
          decidedAt: null,
          decidedBy: null,
          orderReference: null,
          orderDate: null,
        });
        state.plans.set(entry.payload.planId, row);
        break;
      }
      case 'schedule.plan_accepted':
        set(state.plans.get(entry.payload.planId), seq, { status: 'accepted', decidedAt: at, decidedBy: entry.actorId });
        break;
      case 'schedule.plan_declined':
        set(state.plans.get(entry.payload.planId), seq, { status: 'declined', decidedAt: at, decidedBy: entry.actorId });
        break;
      case 'schedule.plan_withdrawn':
        set(state.plans.get(entry.payload.planId), seq, { status: 'withdrawn', decidedAt: at, decidedBy: entry.actorId });
        break;
      case 'schedule.plan_court_ordered':
        set(state.plans.get(entry.payload.planId), seq, {
          status: 'court_ordered',
          decidedAt: at,
          decidedBy: entry.actorId,
          orderReference: entry.payload.orderReference,
          orderDate: entry.payload.orderDate,
        });
        break;
      case 'schedule.plan_disputed': {
        const row: Expected = {};
        set(row, seq, { planId: entry.payload.planId, disputedBy: entry.actorId, reason: entry.payload.reason, createdAt: at });
        state.disputes.set(entry.payload.disputeId, row);
        break;
      }
      case 'schedule.override_proposed': {
        const row: Expected = {};
        set(row, seq, { proposedBy: entry.actorId, spec: entry.payload.override, status: 'pending', createdAt: at, decidedAt: null, decidedBy: null });
        state.overrides.set(entry.payload.overrideId, row);
        break;
      }
      case 'schedule.override_accepted':
        set(state.overrides.get(entry.payload.overrideId), seq, { status: 'accepted', decidedAt: at, decidedBy: entry.actorId });
        break;
      case 'schedule.override_declined':
        set(state.overrides.get(entry.payload.overrideId), seq, { status: 'declined', decidedAt: at, decidedBy: entry.actorId });
        break;
      case 'schedule.override_withdrawn':
        set(state.overrides.get(entry.payload.overrideId), seq, { status: 'withdrawn', decidedAt: at, decidedBy: entry.actorId });
        break;
      case 'schedule.swap_requested': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, {
          requestedBy: entry.actorId,
          kind: p.kind,
          giveDates: p.giveDates,
          takeDates: p.takeDates,
          note: p.note,
          expiresAt: p.expiresAt,
          status: 'pending',
          createdAt: at,
          decidedAt: null,
          decidedBy: null,
          reason: null,
        });
        state.swaps.set(p.swapId, row);
        break;
      }
      case 'schedule.swap_accepted':
        set(state.swaps.get(entry.payload.swapId), seq, { status: 'accepted', decidedAt: at, decidedBy: entry.actorId, reason: entry.payload.reason });
        break;
      case 'schedule.swap_declined':
        set(state.swaps.get(entry.payload.swapId), seq, { status: 'declined', decidedAt: at, decidedBy: entry.actorId, reason: entry.payload.reason });
        break;
      case 'schedule.swap_withdrawn':
        set(state.swaps.get(entry.payload.swapId), seq, { status: 'withdrawn', decidedAt: at, decidedBy: entry.actorId, reason: null });
        break;
      case 'schedule.check_in': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, {
          exchangeId: p.exchangeId,
          exchangeAt: p.exchangeAt,
          fromParentId: p.fromParentId,
          toParentId: p.toParentId,
          recordedBy: entry.actorId,
          status: p.status,
          lateMinutes: p.lateMinutes,
          note: p.note,
          createdAt: at,
        });
        state.checkIns.set(p.checkInId, row);
        break;
      }
      case 'expense.logged': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, {
          loggedBy: entry.actorId,
          category: p.category,
          description: p.description,
          incurredOn: p.incurredOn,
          amountMinor: p.amountMinor,
          currency: p.currency,
          firstParentBasisPoints: p.split.firstParentBasisPoints,
          splitSource: p.splitSource,
          status: 'pending',
          loggedAt: at,
          ledgerSeq: seq,
          replacesExpenseId: p.replacesExpenseId,
          decidedAt: null,
          decidedBy: null,
          disputeReason: null,
          closedAt: null,
        });
        state.expenses.set(p.expenseId, row);
        // A correction closes the disputed expense it replaces.
        if (p.replacesExpenseId !== null) set(state.expenses.get(p.replacesExpenseId), seq, { status: 'resubmitted', closedAt: at });
        break;
      }
      case 'expense.approved':
        set(state.expenses.get(entry.payload.expenseId), seq, { status: 'approved', decidedAt: at, decidedBy: entry.actorId });
        break;
      case 'expense.disputed':
        set(state.expenses.get(entry.payload.expenseId), seq, { status: 'disputed', decidedAt: at, decidedBy: entry.actorId, disputeReason: entry.payload.reason });
        break;
      case 'expense.withdrawn': {
        const row = state.expenses.get(entry.payload.expenseId);
        // Withdrawn while pending is the first decision; after a dispute it closes the dispute.
        if (row?.['status']?.value === 'pending') set(row, seq, { status: 'withdrawn', decidedAt: at, decidedBy: entry.actorId });
        else set(row, seq, { status: 'withdrawn', closedAt: at });
        break;
      }
      case 'expense.receipt_added':
      case 'payment.proof_added': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, {
          expenseId: 'expenseId' in p ? p.expenseId : null,
          paymentId: 'paymentId' in p ? p.paymentId : null,
          uploadedBy: entry.actorId,
          mediaType: p.mediaType,
          sizeBytes: p.sizeBytes,
          sha256: p.sha256,
          uploadedAt: at,
          ledgerSeq: seq,
        });
        state.receipts.set(p.receiptId, row);
        break;
      }
      case 'payment.recorded': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, {
          paidBy: entry.actorId,
          paidTo: p.toParentId,
          amountMinor: p.amountMinor,
          currency: p.currency,
          paidOn: p.paidOn,
          method: p.method,
          reference: p.reference,
          status: 'recorded',
          recordedAt: at,
          ledgerSeq: seq,
          confirmedAt: null,
        });
        state.payments.set(p.paymentId, row);
        break;
      }
      case 'payment.confirmed':
        set(state.payments.get(entry.payload.paymentId), seq, { status: 'confirmed', confirmedAt: at });
        break;
      case 'export.made': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, {
          requestedBy: entry.actorId,
          grantId: p.professional?.grantId ?? null,
          ledgerSeq: seq,
          rangeFrom: p.from,
          rangeTo: p.to,
          sections: p.sections,
          keyFingerprint: p.keyFingerprint,
          createdAt: at,
        });
        state.exports.set(p.exportId, row);
        break;
      }
      case 'professional_access.granted': {
        const p = entry.payload;
        const row: Expected = {};
        set(row, seq, {
          grantedBy: entry.actorId,
          role: p.role,
          name: p.name,
          email: p.email,
          expiresAt: p.expiresAt,
          grantedAt: at,
          ledgerSeq: seq,
          revokedAt: null,
          revokedBy: null,
        });
        state.grants.set(p.grantId, row);
        break;
      }
      case 'professional_access.revoked':
        set(state.grants.get(entry.payload.grantId), seq, { revokedAt: at, revokedBy: entry.actorId });
        break;
      case 'professional_access.viewed': {
        const row: Expected = {};
        set(row, seq, { grantId: entry.payload.grantId, openedAt: at, ledgerSeq: seq });
        state.visits.set(entry.payload.visitId, row);
        break;
      }
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
  if (model.schedule) {
    checkTable('schedule_plans', model.schedule.plans, expected.plans);
    checkTable('schedule_plan_disputes', model.schedule.disputes, expected.disputes);
    checkTable('schedule_overrides', model.schedule.overrides, expected.overrides);
    checkTable('schedule_swaps', model.schedule.swaps, expected.swaps);
    checkTable('schedule_check_ins', model.schedule.checkIns, expected.checkIns);
  }
  // Like the schedule's: a reader that gives no such table has none to compare.
  if (model.expenses) checkTable('expenses', model.expenses, expected.expenses);
  if (model.payments) checkTable('payments', model.payments, expected.payments);
  if (model.receipts) checkTable('receipts', model.receipts, expected.receipts);
  if (model.exports) checkTable('exports', model.exports, expected.exports);
  if (model.professionalAccess) {
    checkTable('professional_access_grants', model.professionalAccess.grants, expected.grants);
    checkTable('professional_visits', model.professionalAccess.visits, expected.visits);
  }

  if (problems.length === 0) return { consistent: true };
  problems.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
  return problems[0]!;
}
