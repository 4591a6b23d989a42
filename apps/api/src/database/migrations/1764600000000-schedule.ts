import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The schedule: plans, overrides, swaps, check-ins (query models of the record, written with
 * their ledger entries), and each parent's calendar feed links (not the record: only the hash
 * of a link's secret). As for the terms proposals, a plan, an override or a swap is decided
 * once, from pending; check-ins and disputes are append-only; no table of the record can be
 * truncated.
 */
export class Schedule1764600000000 implements MigrationInterface {
  name = 'Schedule1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE schedule_plans (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        proposed_by uuid NOT NULL REFERENCES users(id),
        spec jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'court_ordered')),
        effective_from timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id),
        order_reference text,
        order_date text
      );
      CREATE INDEX schedule_plans_case_idx ON schedule_plans (case_id, created_at);
      CREATE UNIQUE INDEX schedule_plans_one_pending ON schedule_plans (case_id) WHERE status = 'pending';

      CREATE TABLE schedule_plan_disputes (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        plan_id uuid NOT NULL REFERENCES schedule_plans(id),
        disputed_by uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL,
        created_at timestamptz NOT NULL
      );

      CREATE TABLE schedule_overrides (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        proposed_by uuid NOT NULL REFERENCES users(id),
        spec jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id)
      );
      CREATE INDEX schedule_overrides_case_idx ON schedule_overrides (case_id, created_at);

      CREATE TABLE schedule_swaps (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL CHECK (kind IN ('give', 'trade')),
        give_dates jsonb NOT NULL,
        take_dates jsonb NOT NULL,
        note text,
        expires_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id),
        reason text
      );
      CREATE INDEX schedule_swaps_case_idx ON schedule_swaps (case_id, created_at);

      CREATE TABLE schedule_check_ins (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        exchange_id text NOT NULL,
        exchange_at timestamptz NOT NULL,
        from_parent_id uuid NOT NULL REFERENCES users(id),
        to_parent_id uuid NOT NULL REFERENCES users(id),
        recorded_by uuid NOT NULL REFERENCES users(id),
        status text NOT NULL CHECK (status IN ('on_time', 'late', 'missed')),
        late_minutes integer,
        note text,
        created_at timestamptz NOT NULL,
        UNIQUE (case_id, exchange_id, recorded_by)
      );
      CREATE INDEX schedule_check_ins_case_idx ON schedule_check_ins (case_id, exchange_at);

      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        user_id uuid NOT NULL REFERENCES users(id),
        secret_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      );
      CREATE INDEX calendar_feeds_owner_idx ON calendar_feeds (case_id, user_id);

      CREATE TRIGGER schedule_check_ins_append_only BEFORE UPDATE OR DELETE ON schedule_check_ins
        FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
      CREATE TRIGGER schedule_plan_disputes_append_only BEFORE UPDATE OR DELETE ON schedule_plan_disputes
        FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
      CREATE TRIGGER schedule_plans_no_truncate BEFORE TRUNCATE ON schedule_plans FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER schedule_plan_disputes_no_truncate BEFORE TRUNCATE ON schedule_plan_disputes FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER schedule_overrides_no_truncate BEFORE TRUNCATE ON schedule_overrides FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER schedule_swaps_no_truncate BEFORE TRUNCATE ON schedule_swaps FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER schedule_check_ins_no_truncate BEFORE TRUNCATE ON schedule_check_ins FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();

      -- A plan, an override or a swap is decided once, from pending; what was proposed never changes.
      CREATE FUNCTION schedule_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION '% are part of the record: DELETE is not allowed', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (to_jsonb(NEW) - 'status' - 'decided_at' - 'decided_by' - 'reason' - 'order_reference' - 'order_date')
             <> (to_jsonb(OLD) - 'status' - 'decided_at' - 'decided_by' - 'reason' - 'order_reference' - 'order_date')
           OR OLD.status <> 'pending' OR NEW.status = 'pending' OR OLD.decided_at IS NOT NULL THEN
          RAISE EXCEPTION '%: only a pending one is decided, once', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER schedule_plans_decided_once BEFORE UPDATE OR DELETE ON schedule_plans FOR EACH ROW EXECUTE FUNCTION schedule_decided_once();
      CREATE TRIGGER schedule_overrides_decided_once BEFORE UPDATE OR DELETE ON schedule_overrides FOR EACH ROW EXECUTE FUNCTION schedule_decided_once();
      CREATE TRIGGER schedule_swaps_decided_once BEFORE UPDATE OR DELETE ON schedule_swaps FOR EACH ROW EXECUTE FUNCTION schedule_decided_once();
    `);
  }

  down(): Promise<void> {
    return Promise.reject(new Error('The schedule migration cannot be reverted: the schedule is part of the record.'));
  }
}
