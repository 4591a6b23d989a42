import type { RecordQueryModel } from '@parallel/domain';
import type { DataSource } from 'typeorm';

type ExpenseQueryModel = Required<Pick<RecordQueryModel, 'expenses' | 'payments' | 'receipts'>>;

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * A case's expense, payment and receipt rows as the record's query model, for verification
 * against its chain (LedgerRepository.queryModel). Dates as YYYY-MM-DD text, amounts as numbers.
 */
export async function readExpenseQueryModel(dataSource: DataSource, caseId: string): Promise<ExpenseQueryModel> {
  const [expenses, payments, receipts] = await Promise.all([
    dataSource.query<
      {
        id: string;
        logged_by: string;
        category: string;
        description: string;
        incurred_on: string;
        amount_minor: string | number;
        currency: string;
        first_parent_basis_points: number;
        split_source: string;
        status: string;
        logged_at: Date;
        ledger_seq: number;
        replaces_expense_id: string | null;
        decided_at: Date | null;
        decided_by: string | null;
        dispute_reason: string | null;
        closed_at: Date | null;
      }[]
    >(
      `SELECT id, logged_by, category, description, incurred_on::text AS incurred_on, amount_minor, currency, first_parent_basis_points, split_source, status,
              logged_at, ledger_seq, replaces_expense_id, decided_at, decided_by, dispute_reason, closed_at
         FROM expenses WHERE case_id = $1`,
      [caseId],
    ),
    dataSource.query<
      {
        id: string;
        paid_by: string;
        paid_to: string;
        amount_minor: string | number;
        currency: string;
        paid_on: string;
        method: string;
        reference: string | null;
        status: string;
        recorded_at: Date;
        ledger_seq: number;
        confirmed_at: Date | null;
      }[]
    >(
      `SELECT id, paid_by, paid_to, amount_minor, currency, paid_on::text AS paid_on, method, reference, status, recorded_at, ledger_seq, confirmed_at
         FROM payments WHERE case_id = $1`,
      [caseId],
    ),
    dataSource.query<
      { id: string; expense_id: string | null; payment_id: string | null; uploaded_by: string; media_type: string; size_bytes: number; sha256: string; uploaded_at: Date; ledger_seq: number }[]
    >(
      // The hash the ledger holds is compared with the bytes as stored, hashed by the database
      // itself (nothing leaves it): a file changed behind the triggers' back no longer matches.
      `SELECT r.id, r.expense_id, r.payment_id, r.uploaded_by, r.media_type, r.size_bytes, r.uploaded_at, r.ledger_seq,
              CASE WHEN stored.hash = r.sha256 THEN r.sha256 ELSE 'stored bytes hash to ' || coalesce(stored.hash, 'nothing') END AS sha256
         FROM receipts r
         LEFT JOIN LATERAL (
           SELECT encode(sha256(string_agg(c.data, ''::bytea ORDER BY c.chunk_index)), 'hex') AS hash FROM receipt_chunks c WHERE c.receipt_id = r.id
         ) stored ON true
        WHERE r.case_id = $1`,
      [caseId],
    ),
  ]);
  return {
    expenses: expenses.map((row) => ({
      id: row.id,
      loggedBy: row.logged_by,
      category: row.category,
      description: row.description,
      incurredOn: row.incurred_on,
      amountMinor: Number(row.amount_minor),
      currency: row.currency,
      firstParentBasisPoints: row.first_parent_basis_points,
      splitSource: row.split_source,
      status: row.status,
      loggedAt: iso(row.logged_at)!,
      ledgerSeq: row.ledger_seq,
      replacesExpenseId: row.replaces_expense_id,
      decidedAt: iso(row.decided_at),
      decidedBy: row.decided_by,
      disputeReason: row.dispute_reason,
      closedAt: iso(row.closed_at),
    })),
    payments: payments.map((row) => ({
      id: row.id,
      paidBy: row.paid_by,
      paidTo: row.paid_to,
      amountMinor: Number(row.amount_minor),
      currency: row.currency,
      paidOn: row.paid_on,
      method: row.method,
      reference: row.reference,
      status: row.status,
      recordedAt: iso(row.recorded_at)!,
      ledgerSeq: row.ledger_seq,
      confirmedAt: iso(row.confirmed_at),
    })),
    receipts: receipts.map((row) => ({
      id: row.id,
      expenseId: row.expense_id,
      paymentId: row.payment_id,
      uploadedBy: row.uploaded_by,
      mediaType: row.media_type,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
      uploadedAt: iso(row.uploaded_at)!,
      ledgerSeq: row.ledger_seq,
    })),
  };
}
