import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Professional access: a parent lets a lawyer, a mediator or a guardian ad litem read and
 * export the record through an expiring link. Query models of the record, written with their
 * entries, refusing TRUNCATE and DELETE like the other tables of the record:
 *
 * - professional_access_grants: one row per `professional_access.granted`; only the end
 *   (`revoked_at`, `revoked_by`) is filled, once, by `professional_access.revoked`. The link's
 *   secret is kept only as its SHA-256 (`secret_hash`), never in the record.
 * - professional_visits: one row per `professional_access.viewed`, holding the visit's own
 *   credential (its cookie's SHA-256) and until when it lasts; only `ended_at` is filled, once,
 *   when the professional closes the view.
 * - exports: an export made by a professional has no parent (`requested_by` null) and names the
 *   access it was made with (`grant_id`); exactly one of the two is set.
 */
export class ProfessionalAccess1764900000000 implements MigrationInterface {
  name = 'ProfessionalAccess1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE professional_access_grants (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        granted_by uuid NOT NULL REFERENCES users(id),
        role text NOT NULL CHECK (role IN ('lawyer', 'mediator', 'guardian_ad_litem')),
        name text NOT NULL,
        email text NOT NULL,
        secret_hash text NOT NULL UNIQUE CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        granted_at timestamptz NOT NULL,
        ledger_seq integer NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      );
      CREATE INDEX professional_access_grants_case ON professional_access_grants (case_id, granted_at DESC, id DESC);

      CREATE TABLE professional_visits (
        id uuid PRIMARY KEY,
        grant_id uuid NOT NULL REFERENCES professional_access_grants(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        opened_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        ledger_seq integer NOT NULL,
        ended_at timestamptz
      );
      CREATE INDEX professional_visits_grant ON professional_visits (grant_id);

      ALTER TABLE exports ALTER COLUMN requested_by DROP NOT NULL;
      ALTER TABLE exports ADD COLUMN grant_id uuid REFERENCES professional_access_grants(id);
      ALTER TABLE exports ADD CONSTRAINT exports_one_requester CHECK ((requested_by IS NULL) <> (grant_id IS NULL));

      CREATE TRIGGER professional_access_grants_no_truncate BEFORE TRUNCATE ON professional_access_grants FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER professional_visits_no_truncate BEFORE TRUNCATE ON professional_visits FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();

      CREATE FUNCTION professional_access_grants_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'professional access is part of the record: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.case_id <> OLD.case_id OR NEW.granted_by <> OLD.granted_by OR NEW.role <> OLD.role
           OR NEW.name <> OLD.name OR NEW.email <> OLD.email OR NEW.secret_hash <> OLD.secret_hash
           OR NEW.expires_at <> OLD.expires_at OR NEW.granted_at <> OLD.granted_at OR NEW.ledger_seq <> OLD.ledger_seq
           OR OLD.revoked_at IS NOT NULL OR NEW.revoked_at IS NULL THEN
          RAISE EXCEPTION 'professional access: only its end is recorded, once' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER professional_access_grants_ended_once BEFORE UPDATE OR DELETE ON professional_access_grants
        FOR EACH ROW EXECUTE FUNCTION professional_access_grants_refuse_change();

      CREATE FUNCTION professional_visits_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'professional visits are part of the record: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.grant_id <> OLD.grant_id OR NEW.case_id <> OLD.case_id OR NEW.token_hash <> OLD.token_hash
           OR NEW.opened_at <> OLD.opened_at OR NEW.expires_at <> OLD.expires_at OR NEW.ledger_seq <> OLD.ledger_seq
           OR OLD.ended_at IS NOT NULL OR NEW.ended_at IS NULL THEN
          RAISE EXCEPTION 'professional visits: only their end is filled, once' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER professional_visits_ended_once BEFORE UPDATE OR DELETE ON professional_visits
        FOR EACH ROW EXECUTE FUNCTION professional_visits_refuse_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE exports DROP CONSTRAINT exports_one_requester;
      ALTER TABLE exports DROP COLUMN grant_id;
      ALTER TABLE exports ALTER COLUMN requested_by SET NOT NULL;
      DROP TABLE professional_visits; DROP TABLE professional_access_grants;
      DROP FUNCTION professional_visits_refuse_change(); DROP FUNCTION professional_access_grants_refuse_change();
    `);
  }
}
