import type { Cadence, CaseTerms, InboxTerms, SharedTerms, TermsChanges } from '../cadence';
import type { MessageTopic } from '../messages';
import type { CheckInStatus, OverrideSpec, PlanSpec, SwapKind } from '../schedule';
import type { ExpenseCategory, PaymentMethod, ReceiptMediaType, Split } from '../money';
import { PROFESSIONAL_ROLES, isProfessionalRole, type ProfessionalRole } from '../access';

/** The professional named in an entry they caused (a visit, an export): who, as the parent gave it. */
export interface ProfessionalActor {
  grantId: string;
  name: string;
  role: ProfessionalRole;
}

/** Why a send was kept out of the recipient's inbox: one vocabulary in the domain, the tables and the record. */
export const HELD_BACK_REASONS = ['quota_exceeded', 'urgent_limit_reached', 'urgent_disabled'] as const;
export type HeldBackReason = (typeof HELD_BACK_REASONS)[number];

/**
 * Every fact that may reach a court, by type. The payload of each type is the minimum a
 * reader of the record needs to understand the fact without other tables. Instants are
 * ISO 8601 UTC strings; the entry's own `at` is when the server recorded it.
 */
export interface LedgerPayloads {
  'case.created': { name: string; timeZone: string; children: string[]; terms: CaseTerms };
  'invitation.created': { invitationId: string; email: string; expiresAt: string };
  'case.joined': { userId: string; displayName: string; invitationId: string };
  'message.sent': { messageId: string; recipientId: string; topic: MessageTopic; text: string; urgent: boolean; deliverAt: string };
  'message.held_back': { attemptId: string; topic: MessageTopic; text: string; urgent: boolean; reason: HeldBackReason; retryAt: string | null };
  'message.released': { messageIds: string[] };
  /** A first read, recorded as it happens while the case shows read times. */
  'message.read': { messageId: string };
  /**
   * First reads made while the case hides read times, recorded together after their day
   * has ended, so that neither the entry nor its time tells the sender when they happened.
   */
  'message.reads_recorded': { reads: { messageId: string; readAt: string }[] };
  'terms.proposed': { proposalId: string; changes: TermsChanges };
  /**
   * `terms` are the case's shared terms from `at` on. Entries made before inbox terms existed
   * carry the cadence and daily quota too: those applied to both parents' inboxes from `at`.
   */
  'terms.accepted': { proposalId: string; terms: SharedTerms & Partial<InboxTerms> };
  /**
   * A parent set the terms of their own inbox (`userId`, always the actor), effective at
   * `effectiveAt` (a day's notice). A newer change made before then replaces it.
   */
  'inbox_terms.changed': { userId: string; cadence: Cadence; dailyQuota: number; effectiveAt: string };
  'terms.declined': { proposalId: string };
  'terms.withdrawn': { proposalId: string };
  /** A parenting plan proposed; it applies from `effectiveFrom` once the other parent accepts. */
  'schedule.plan_proposed': { planId: string; plan: PlanSpec; effectiveFrom: string };
  'schedule.plan_accepted': { planId: string; effectiveFrom: string };
  'schedule.plan_declined': { planId: string };
  'schedule.plan_withdrawn': { planId: string };
  /**
   * Unanswered for 14 days, the plan was applied by its proposer under a court order
   * (`orderReference`, `orderDate`); the other parent never answered.
   */
  'schedule.plan_court_ordered': { planId: string; orderReference: string; orderDate: string; effectiveFrom: string; proposedAt: string };
  /** The other parent disputes a plan applied as court-ordered; the dispute stays beside it. */
  'schedule.plan_disputed': { planId: string; disputeId: string; reason: string };
  'schedule.override_proposed': { overrideId: string; override: OverrideSpec };
  'schedule.override_accepted': { overrideId: string };
  'schedule.override_declined': { overrideId: string };
  'schedule.override_withdrawn': { overrideId: string };
  /** A request to give (or trade) custody days; it expires at `expiresAt`, the start of its first day. */
  'schedule.swap_requested': { swapId: string; kind: SwapKind; giveDates: string[]; takeDates: string[]; note: string | null; expiresAt: string };
  'schedule.swap_accepted': { swapId: string; reason: string | null };
  'schedule.swap_declined': { swapId: string; reason: string | null };
  'schedule.swap_withdrawn': { swapId: string };
  /** A parent's account of an exchange at `exchangeAt` (on time, late by `lateMinutes`, missed). */
  'schedule.check_in': { checkInId: string; exchangeId: string; exchangeAt: string; fromParentId: string; toParentId: string; status: CheckInStatus; lateMinutes: number | null; note: string | null };
  /**
   * An expense the actor paid and asks the other parent to share. `split` is the first parent's
   * share in force for it (the case's, or an override); `replacesExpenseId` names the disputed
   * expense this one corrects (that one is then `resubmitted`), null for a first logging.
   */
  'expense.logged': {
    expenseId: string;
    category: ExpenseCategory;
    description: string;
    incurredOn: string;
    amountMinor: number;
    currency: string;
    split: Split;
    splitSource: 'case' | 'override';
    replacesExpenseId: string | null;
  };
  /** A receipt file stored for an expense; `sha256` is of the bytes as stored (image metadata already removed). */
  'expense.receipt_added': { expenseId: string; receiptId: string; mediaType: ReceiptMediaType; sizeBytes: number; sha256: string };
  'expense.approved': { expenseId: string };
  'expense.disputed': { expenseId: string; reason: string };
  'expense.withdrawn': { expenseId: string };
  /** The actor paid the other parent (`toParentId`) back, by their own account; it counts once confirmed. */
  'payment.recorded': { paymentId: string; toParentId: string; amountMinor: number; currency: string; paidOn: string; method: PaymentMethod; reference: string | null };
  /** A proof of payment file stored for a payment, as for receipts. */
  'payment.proof_added': { paymentId: string; receiptId: string; mediaType: ReceiptMediaType; sizeBytes: number; sha256: string };
  /** The parent who was paid confirms receiving it. */
  'payment.confirmed': { paymentId: string };
  /**
   * A parent made an export of the record for court: the signed bundle and its PDF cover
   * the chain up to and including this entry. `from`/`to` (YYYY-MM-DD in the case's zone,
   * null for open ends) and `sections` choose what the PDF prints; the bundle's ledger is
   * always whole. `keyFingerprint` names the key that signs its manifest. `professional` names
   * the professional who made it through their access (the entry's actor is then null); a
   * parent's export has no such member.
   */
  'export.made': { exportId: string; from: string | null; to: string | null; sections: string[]; keyFingerprint: string; professional?: ProfessionalActor };
  /**
   * A parent (the actor) gave a professional access to view and export the record until
   * `expiresAt`, through a link mailed to `email`. The link's secret is never recorded.
   */
  'professional_access.granted': { grantId: string; role: ProfessionalRole; name: string; email: string; expiresAt: string };
  /** The parent who gave the access (the actor) ended it before its time; the link stopped working. */
  'professional_access.revoked': { grantId: string; name: string; role: ProfessionalRole };
  /**
   * The professional opened the record with their link: one entry per visit (one browser, until
   * it ends), not per page read. The actor is null: a professional is not a member of the case.
   */
  'professional_access.viewed': { grantId: string; visitId: string; name: string; role: ProfessionalRole };
}

export type LedgerEntryType = keyof LedgerPayloads;

type FieldKind = 'string' | 'nullableString' | 'boolean' | 'number' | 'nullableNumber' | 'stringArray' | 'object' | 'optionalObject' | 'array';

/**
 * The fields each payload must carry, checked when a row is read: a row written by older
 * code, or altered by hand, fails loudly instead of reaching a screen or a court half-formed.
 * `satisfies` keeps this table and the payload map in step: a new type without a row here
 * does not compile.
 */
const PAYLOAD_FIELDS = {
  'case.created': { name: 'string', timeZone: 'string', children: 'stringArray', terms: 'object' },
  'invitation.created': { invitationId: 'string', email: 'string', expiresAt: 'string' },
  'case.joined': { userId: 'string', displayName: 'string', invitationId: 'string' },
  'message.sent': { messageId: 'string', recipientId: 'string', topic: 'string', text: 'string', urgent: 'boolean', deliverAt: 'string' },
  'message.held_back': { attemptId: 'string', topic: 'string', text: 'string', urgent: 'boolean', reason: 'string', retryAt: 'nullableString' },
  'message.released': { messageIds: 'stringArray' },
  'message.read': { messageId: 'string' },
  'message.reads_recorded': { reads: 'array' },
  'terms.proposed': { proposalId: 'string', changes: 'object' },
  'terms.accepted': { proposalId: 'string', terms: 'object' },
  'terms.declined': { proposalId: 'string' },
  'terms.withdrawn': { proposalId: 'string' },
  'inbox_terms.changed': { userId: 'string', cadence: 'object', dailyQuota: 'number', effectiveAt: 'string' },
  'schedule.plan_proposed': { planId: 'string', plan: 'object', effectiveFrom: 'string' },
  'schedule.plan_accepted': { planId: 'string', effectiveFrom: 'string' },
  'schedule.plan_declined': { planId: 'string' },
  'schedule.plan_withdrawn': { planId: 'string' },
  'schedule.plan_court_ordered': { planId: 'string', orderReference: 'string', orderDate: 'string', effectiveFrom: 'string', proposedAt: 'string' },
  'schedule.plan_disputed': { planId: 'string', disputeId: 'string', reason: 'string' },
  'schedule.override_proposed': { overrideId: 'string', override: 'object' },
  'schedule.override_accepted': { overrideId: 'string' },
  'schedule.override_declined': { overrideId: 'string' },
  'schedule.override_withdrawn': { overrideId: 'string' },
  'schedule.swap_requested': { swapId: 'string', kind: 'string', giveDates: 'stringArray', takeDates: 'stringArray', note: 'nullableString', expiresAt: 'string' },
  'schedule.swap_accepted': { swapId: 'string', reason: 'nullableString' },
  'schedule.swap_declined': { swapId: 'string', reason: 'nullableString' },
  'schedule.swap_withdrawn': { swapId: 'string' },
  'schedule.check_in': {
    checkInId: 'string',
    exchangeId: 'string',
    exchangeAt: 'string',
    fromParentId: 'string',
    toParentId: 'string',
    status: 'string',
    lateMinutes: 'nullableNumber',
    note: 'nullableString',
  },
  'expense.logged': {
    expenseId: 'string',
    category: 'string',
    description: 'string',
    incurredOn: 'string',
    amountMinor: 'number',
    currency: 'string',
    split: 'object',
    splitSource: 'string',
    replacesExpenseId: 'nullableString',
  },
  'expense.receipt_added': { expenseId: 'string', receiptId: 'string', mediaType: 'string', sizeBytes: 'number', sha256: 'string' },
  'expense.approved': { expenseId: 'string' },
  'expense.disputed': { expenseId: 'string', reason: 'string' },
  'expense.withdrawn': { expenseId: 'string' },
  'payment.recorded': { paymentId: 'string', toParentId: 'string', amountMinor: 'number', currency: 'string', paidOn: 'string', method: 'string', reference: 'nullableString' },
  'payment.proof_added': { paymentId: 'string', receiptId: 'string', mediaType: 'string', sizeBytes: 'number', sha256: 'string' },
  'payment.confirmed': { paymentId: 'string' },
  'export.made': { exportId: 'string', from: 'nullableString', to: 'nullableString', sections: 'stringArray', keyFingerprint: 'string', professional: 'optionalObject' },
  'professional_access.granted': { grantId: 'string', role: 'string', name: 'string', email: 'string', expiresAt: 'string' },
  'professional_access.revoked': { grantId: 'string', name: 'string', role: 'string' },
  'professional_access.viewed': { grantId: 'string', visitId: 'string', name: 'string', role: 'string' },
} as const satisfies { [T in LedgerEntryType]: { [K in keyof LedgerPayloads[T]]-?: FieldKind } };

export const LEDGER_ENTRY_TYPES = Object.keys(PAYLOAD_FIELDS) as LedgerEntryType[];

export function isLedgerEntryType(value: unknown): value is LedgerEntryType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PAYLOAD_FIELDS, value);
}

/** A stored row that is not a well-formed entry of a known type. */
export class MalformedLedgerEntry extends Error {
  constructor(
    readonly seq: number,
    readonly problem: string,
  ) {
    super(`Ledger entry ${seq} is malformed: ${problem}`);
    this.name = 'MalformedLedgerEntry';
  }
}

function hasKind(value: unknown, kind: FieldKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'nullableString':
      return value === null || typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'nullableNumber':
      return value === null || (typeof value === 'number' && Number.isFinite(value));
    case 'stringArray':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'optionalObject':
      return value === undefined || hasKind(value, 'object');
  }
}

/**
 * Checks that `payload` is what an entry of `type` carries and returns it typed. Throws
 * {@link MalformedLedgerEntry} naming the entry and the problem otherwise.
 */
export function parseLedgerPayload<T extends LedgerEntryType>(seq: number, type: string, payload: unknown): { type: T; payload: LedgerPayloads[T] } {
  if (!isLedgerEntryType(type)) throw new MalformedLedgerEntry(seq, `its type "${type}" is not one this version of Parallel knows`);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new MalformedLedgerEntry(seq, 'its payload is not an object');
  const fields: Record<string, FieldKind> = PAYLOAD_FIELDS[type];
  const record = payload as Record<string, unknown>;
  for (const [field, kind] of Object.entries(fields)) {
    if (!hasKind(record[field], kind)) throw new MalformedLedgerEntry(seq, `its ${type} payload lacks a valid "${field}"`);
  }
  if (type === 'message.held_back' && !(HELD_BACK_REASONS as readonly unknown[]).includes(record.reason)) {
    throw new MalformedLedgerEntry(seq, `its held-back reason "${String(record.reason)}" is not one of ${HELD_BACK_REASONS.join(', ')}`);
  }
  if (type.startsWith('professional_access.') && !isProfessionalRole(record.role)) {
    throw new MalformedLedgerEntry(seq, `its professional role "${String(record.role)}" is not one of ${PROFESSIONAL_ROLES.join(', ')}`);
  }
  if (type === 'export.made' && record.professional !== undefined) {
    const professional = record.professional as Record<string, unknown>;
    if (typeof professional.grantId !== 'string' || typeof professional.name !== 'string' || !isProfessionalRole(professional.role)) {
      throw new MalformedLedgerEntry(seq, 'its export.made payload names a professional without a valid "grantId", "name" and "role"');
    }
  }
  return { type: type as T, payload: payload as LedgerPayloads[T] };
}
