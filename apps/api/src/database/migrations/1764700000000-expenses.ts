import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared expenses, their receipts, and reimbursements: query models of the record, written
 * in the same transaction as their ledger entries. Like the other tables of the record they
 * refuse TRUNCATE and DELETE; what may still change is named here:
 *
 * - expenses: the status moves once from pending (to approved, disputed or withdrawn) and
 *   once more from disputed (to withdrawn or resubmitted), with `decided_*` filled by the
 *   first move and `closed_at` by the second; the facts logged never change (a correction
 *   is a new row that references the old).
 * - payments: confirmed once; the rest fixed.
 * - receipts and receipt_chunks: append-only. A receipt's bytes live in PostgreSQL, in
 *   chunks of at most 256 KiB, so every API process serves them, on PGlite too, and neither
 *   upload nor download holds a whole file in memory.
 */
export class Expenses1764700000000 implements MigrationInterface {
  name = 'Expenses1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE expenses (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        logged_by uuid NOT NULL REFERENCES users(id),
        category text NOT NULL,
        description text NOT NULL,
        incurred_on date NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        first_parent_basis_points integer NOT NULL CHECK (first_parent_basis_points BETWEEN 0 AND 10000),
        split_source text NOT NULL CHECK (split_source IN ('case', 'override')),
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'disputed', 'withdrawn', 'resubmitted')),
        logged_at timestamptz NOT NULL,
        ledger_seq integer NOT NULL,
        replaces_expense_id uuid REFERENCES expenses(id),
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id),
        dispute_reason text,
        closed_at timestamptz
      );
      CREATE INDEX expenses_case_logged ON expenses (case_id, logged_at DESC, id DESC);
      CREATE UNIQUE INDEX expenses_replaced_once ON expenses (replaces_expense_id) WHERE replaces_expense_id IS NOT NULL;

      CREATE TABLE payments (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        paid_by uuid NOT NULL REFERENCES users(id),
        paid_to uuid NOT NULL REFERENCES users(id),
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        paid_on date NOT NULL,
        method text NOT NULL,
        reference text,
        status text NOT NULL CHECK (status IN ('recorded', 'confirmed')),
        recorded_at timestamptz NOT NULL,
        ledger_seq integer NOT NULL,
        confirmed_at timestamptz
      );
      CREATE INDEX payments_case_recorded ON payments (case_id, recorded_at DESC, id DESC);

      CREATE TABLE receipts (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        expense_id uuid REFERENCES expenses(id),
        payment_id uuid REFERENCES payments(id),
        uploaded_by uuid NOT NULL REFERENCES users(id),
        media_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_at timestamptz NOT NULL,
        ledger_seq integer NOT NULL,
        CHECK ((expense_id IS NULL) <> (payment_id IS NULL))
      );
      CREATE INDEX receipts_expense ON receipts (expense_id) WHERE expense_id IS NOT NULL;
      CREATE INDEX receipts_payment ON receipts (payment_id) WHERE payment_id IS NOT NULL;

      CREATE TABLE receipt_chunks (
        receipt_id uuid NOT NULL REFERENCES receipts(id),
        chunk_index integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (receipt_id, chunk_index)
      );

      CREATE TRIGGER expenses_no_truncate BEFORE TRUNCATE ON expenses FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER payments_no_truncate BEFORE TRUNCATE ON payments FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER receipts_no_truncate BEFORE TRUNCATE ON receipts FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER receipt_chunks_no_truncate BEFORE TRUNCATE ON receipt_chunks FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER receipts_append_only BEFORE UPDATE OR DELETE ON receipts FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
      CREATE TRIGGER receipt_chunks_append_only BEFORE UPDATE OR DELETE ON receipt_chunks FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();

      CREATE FUNCTION expenses_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'expenses are part of the record: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.case_id <> OLD.case_id OR NEW.logged_by <> OLD.logged_by OR NEW.category <> OLD.category
           OR NEW.description <> OLD.description OR NEW.incurred_on <> OLD.incurred_on OR NEW.amount_minor <> OLD.amount_minor
           OR NEW.currency <> OLD.currency OR NEW.first_parent_basis_points <> OLD.first_parent_basis_points
           OR NEW.split_source <> OLD.split_source OR NEW.logged_at <> OLD.logged_at OR NEW.ledger_seq <> OLD.ledger_seq
           OR NEW.replaces_expense_id IS DISTINCT FROM OLD.replaces_expense_id
           OR NOT (
             (OLD.status = 'pending' AND NEW.status IN ('approved', 'disputed', 'withdrawn') AND OLD.decided_at IS NULL AND NEW.closed_at IS NULL)
             OR (OLD.status = 'disputed' AND NEW.status IN ('withdrawn', 'resubmitted') AND OLD.closed_at IS NULL
                 AND NEW.decided_at IS NOT DISTINCT FROM OLD.decided_at AND NEW.decided_by IS NOT DISTINCT FROM OLD.decided_by
                 AND NEW.dispute_reason IS NOT DISTINCT FROM OLD.dispute_reason)
           ) THEN
          RAISE EXCEPTION 'expenses: only the status moves, forward, once per step' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER expenses_guarded BEFORE UPDATE OR DELETE ON expenses FOR EACH ROW EXECUTE FUNCTION expenses_refuse_change();

      CREATE FUNCTION payments_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'payments are part of the record: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.case_id <> OLD.case_id OR NEW.paid_by <> OLD.paid_by OR NEW.paid_to <> OLD.paid_to
           OR NEW.amount_minor <> OLD.amount_minor OR NEW.currency <> OLD.currency OR NEW.paid_on <> OLD.paid_on
           OR NEW.method <> OLD.method OR NEW.reference IS DISTINCT FROM OLD.reference OR NEW.recorded_at <> OLD.recorded_at
           OR NEW.ledger_seq <> OLD.ledger_seq
           OR OLD.status <> 'recorded' OR NEW.status <> 'confirmed' OR OLD.confirmed_at IS NOT NULL OR NEW.confirmed_at IS NULL THEN
          RAISE EXCEPTION 'payments: only a recorded payment is confirmed, once' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER payments_confirmed_once BEFORE UPDATE OR DELETE ON payments FOR EACH ROW EXECUTE FUNCTION payments_refuse_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE receipt_chunks; DROP TABLE receipts; DROP TABLE payments; DROP TABLE expenses;
      DROP FUNCTION expenses_refuse_change(); DROP FUNCTION payments_refuse_change();
    `);
  }
}
