import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Hand-written: the audit log is append-only. Triggers refuse UPDATE, DELETE and TRUNCATE on
 * `audit_log` for every role, so neither a bug nor a hurried fix can rewrite history.
 */
export class AuditLogAppendOnly1795941200000 implements MigrationInterface {
  name = "AuditLogAppendOnly1795941200000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
          USING ERRCODE = 'restrict_violation';
      END;
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_log_append_only"
      BEFORE UPDATE OR DELETE ON "audit_log"
      FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"()`);
    await queryRunner.query(`
      CREATE TRIGGER "audit_log_no_truncate"
      BEFORE TRUNCATE ON "audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_log_no_truncate" ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER "audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_refuse_change"()`);
  }
}
