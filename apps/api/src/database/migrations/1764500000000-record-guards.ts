import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database refuses what the API refuses. Every table of the record refuses TRUNCATE (a
 * statement trigger: row triggers never see it), DELETE, and UPDATE of what is fixed once
 * written; what the app may still change is named here, table by table:
 *
 * - cases: the ledger head, forward only (`ledger_head_seq` never decreases; the hash moves
 *   with it), and the shared terms (`terms`, changed by an accepted proposal). Name, zone,
 *   children, creator and creation time are fixed: no route changes them.
 * - case_members, inbox_terms_changes, held_back_attempts, ledger_entries, idempotent_replies:
 *   append-only (the kept answer of a send is what a retry gets; rewriting it would be a
 *   second, different answer).
 * - terms_proposals: once, from pending to accepted, declined or withdrawn, with
 *   `decided_at`/`decided_by` filled then; everything else fixed.
 * - invitations: `accepted_at`/`accepted_by` and `revoked_at` filled once each; the rest fixed.
 * - messages: already fill-once (release, first read, its entry, the notice); now no TRUNCATE.
 *   `notice_claimed_at` is the outbox's lease, not part of the record, and stays free.
 * - users: an account, not the record (the record keeps each parent's name as it was, in its
 *   entries), so e-mail, password and name may change; but no user referenced by a case may be
 *   deleted, no id or creation time rewritten, and the table cannot be truncated.
 *
 * Sessions, login attempts, tokens and throttle counters are not the record and stay free.
 */
export class RecordGuards1764500000000 implements MigrationInterface {
  name = 'RecordGuards1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION record_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is part of the record: TRUNCATE is not allowed', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$;

      CREATE TRIGGER messages_no_truncate BEFORE TRUNCATE ON messages FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER held_back_attempts_no_truncate BEFORE TRUNCATE ON held_back_attempts FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER inbox_terms_changes_no_truncate BEFORE TRUNCATE ON inbox_terms_changes FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER terms_proposals_no_truncate BEFORE TRUNCATE ON terms_proposals FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER case_members_no_truncate BEFORE TRUNCATE ON case_members FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER invitations_no_truncate BEFORE TRUNCATE ON invitations FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER cases_no_truncate BEFORE TRUNCATE ON cases FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER idempotent_replies_no_truncate BEFORE TRUNCATE ON idempotent_replies FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();
      CREATE TRIGGER users_no_truncate BEFORE TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION record_refuse_truncate();

      CREATE TRIGGER case_members_append_only BEFORE UPDATE OR DELETE ON case_members
        FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();
      CREATE TRIGGER idempotent_replies_append_only BEFORE UPDATE OR DELETE ON idempotent_replies
        FOR EACH ROW EXECUTE FUNCTION append_only_refuse_change();

      CREATE FUNCTION cases_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'cases are part of the record: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.name <> OLD.name OR NEW.time_zone <> OLD.time_zone OR NEW.children <> OLD.children
           OR NEW.created_by <> OLD.created_by OR NEW.created_at <> OLD.created_at
           OR NEW.ledger_head_seq < OLD.ledger_head_seq
           OR (NEW.ledger_head_seq = OLD.ledger_head_seq AND NEW.ledger_head_hash <> OLD.ledger_head_hash) THEN
          RAISE EXCEPTION 'cases: only the ledger head (forward) and the shared terms may change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER cases_guarded BEFORE UPDATE OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION cases_refuse_change();

      CREATE FUNCTION terms_proposals_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'terms proposals are part of the record: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.case_id <> OLD.case_id OR NEW.proposed_by <> OLD.proposed_by
           OR NEW.changes <> OLD.changes OR NEW.created_at <> OLD.created_at
           OR OLD.status <> 'pending' OR NEW.status = 'pending'
           OR OLD.decided_at IS NOT NULL OR OLD.decided_by IS NOT NULL THEN
          RAISE EXCEPTION 'terms proposals: only a pending proposal is decided, once' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER terms_proposals_decided_once BEFORE UPDATE OR DELETE ON terms_proposals
        FOR EACH ROW EXECUTE FUNCTION terms_proposals_refuse_change();

      CREATE FUNCTION invitations_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'invitations are part of the record: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.case_id <> OLD.case_id OR NEW.email <> OLD.email OR NEW.token_hash <> OLD.token_hash
           OR NEW.invited_by <> OLD.invited_by OR NEW.created_at <> OLD.created_at OR NEW.expires_at <> OLD.expires_at
           OR (OLD.accepted_at IS NOT NULL AND NEW.accepted_at IS DISTINCT FROM OLD.accepted_at)
           OR (OLD.accepted_by IS NOT NULL AND NEW.accepted_by IS DISTINCT FROM OLD.accepted_by)
           OR (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at) THEN
          RAISE EXCEPTION 'invitations: only acceptance and revocation are filled, once' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER invitations_filled_once BEFORE UPDATE OR DELETE ON invitations
        FOR EACH ROW EXECUTE FUNCTION invitations_refuse_change();

      CREATE FUNCTION users_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'users of the record cannot be deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.id <> OLD.id OR NEW.created_at <> OLD.created_at THEN
          RAISE EXCEPTION 'users: id and creation time are fixed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER users_guarded BEFORE UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_refuse_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER users_guarded ON users; DROP FUNCTION users_refuse_change();
      DROP TRIGGER invitations_filled_once ON invitations; DROP FUNCTION invitations_refuse_change();
      DROP TRIGGER terms_proposals_decided_once ON terms_proposals; DROP FUNCTION terms_proposals_refuse_change();
      DROP TRIGGER cases_guarded ON cases; DROP FUNCTION cases_refuse_change();
      DROP TRIGGER idempotent_replies_append_only ON idempotent_replies;
      DROP TRIGGER case_members_append_only ON case_members;
      DROP TRIGGER users_no_truncate ON users;
      DROP TRIGGER idempotent_replies_no_truncate ON idempotent_replies;
      DROP TRIGGER cases_no_truncate ON cases;
      DROP TRIGGER invitations_no_truncate ON invitations;
      DROP TRIGGER case_members_no_truncate ON case_members;
      DROP TRIGGER terms_proposals_no_truncate ON terms_proposals;
      DROP TRIGGER inbox_terms_changes_no_truncate ON inbox_terms_changes;
      DROP TRIGGER held_back_attempts_no_truncate ON held_back_attempts;
      DROP TRIGGER messages_no_truncate ON messages;
      DROP FUNCTION record_refuse_truncate();
    `);
  }
}
