import { type LedgerEntry, type OpenLedgerEntry, sealLedgerEntry } from './ledger-entry';

/** What decides, for one reader, which entries are sealed right now. */
export interface LedgerViewer {
  userId: string;
  /** Messages whose delivery window has not opened yet (any of the case's; only those addressed to the reader matter). */
  unreleasedMessageIds: ReadonlySet<string>;
  /** The recipient of held-back attempts sees their texts only when they ask to. */
  revealHeldBack: boolean;
}

/**
 * Whether `entry` is sealed for `viewer`. A reader's own entries are never sealed, so a view
 * always holds everything its reader did; the rest is sealed only while it must be:
 * - a message still held for its window, for its recipient (it does not exist for them yet);
 * - the other parent's reads made while read times were hidden (recorded a day late, sealed for good);
 * - attempts held back over the quota, for their recipient, unless they ask to see them.
 */
export function isSealedFor(entry: OpenLedgerEntry, viewer: LedgerViewer): boolean {
  if (entry.actorId === viewer.userId) return false;
  switch (entry.type) {
    case 'message.sent':
      return entry.payload.recipientId === viewer.userId && viewer.unreleasedMessageIds.has(entry.payload.messageId);
    case 'message.reads_recorded':
      return true;
    case 'message.held_back':
      return !viewer.revealHeldBack;
    case 'case.created':
    case 'invitation.created':
    case 'case.joined':
    case 'message.released':
    case 'message.read':
    case 'terms.proposed':
    case 'terms.accepted':
    case 'terms.declined':
    case 'terms.withdrawn':
    // Inbox terms are announced to the other parent: that is the point of the day's notice.
    case 'inbox_terms.changed':
    // The schedule is what both households share: each step and each check-in is seen by both.
    case 'schedule.plan_proposed':
    case 'schedule.plan_accepted':
    case 'schedule.plan_declined':
    case 'schedule.plan_withdrawn':
    case 'schedule.plan_court_ordered':
    case 'schedule.plan_disputed':
    case 'schedule.override_proposed':
    case 'schedule.override_accepted':
    case 'schedule.override_declined':
    case 'schedule.override_withdrawn':
    case 'schedule.swap_requested':
    case 'schedule.swap_accepted':
    case 'schedule.swap_declined':
    case 'schedule.swap_withdrawn':
    case 'schedule.check_in':
    // Expenses and payments are asked of the other parent: both see every step.
    case 'expense.logged':
    case 'expense.receipt_added':
    case 'expense.approved':
    case 'expense.disputed':
    case 'expense.withdrawn':
    case 'payment.recorded':
    case 'payment.proof_added':
    case 'payment.confirmed':
    // An export for court is made openly: both parents see that the record was exported.
    case 'export.made':
    // Both parents are told when access is given, ended and used: the other parent must know
    // who can read the record, and the parent who gave it sees their professional's visits.
    case 'professional_access.granted':
    case 'professional_access.revoked':
    case 'professional_access.viewed':
      return false;
  }
}

/** The chain as `viewer` may read it: every entry in its place, some sealed. It verifies like the whole. */
export function viewLedger(entries: readonly OpenLedgerEntry[], viewer: LedgerViewer): LedgerEntry[] {
  return entries.map((entry) => (isSealedFor(entry, viewer) ? sealLedgerEntry(entry) : entry));
}
