import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Hand-written: at most one OPEN order cycle per producer group (DESIGN.md: a group runs one
 * monthly cycle at a time). A partial unique index, declared on the entity with
 * `synchronize: false`; `openOneCyclePerGroup` refuses with a clear message before it is hit.
 */
export class OneOpenCyclePerGroup1795950000000 implements MigrationInterface {
  name = "OneOpenCyclePerGroup1795950000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_order_cycles_one_open_per_group" ON "order_cycles" ("producer_group_id") WHERE "state" = 'OPEN'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_order_cycles_one_open_per_group"`);
  }
}
