import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Hand-written: one account per e-mail address whatever its case ("Li@x.cn" = "li@x.cn").
 * TypeORM cannot declare an expression index; the entity names it with `synchronize: false`.
 */
export class UsersEmailUniqueIgnoringCase1795941100000 implements MigrationInterface {
  name = "UsersEmailUniqueIgnoringCase1795941100000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_users_email_lower" ON "users" (lower("email"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_users_email_lower"`);
  }
}
