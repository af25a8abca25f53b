import type { MigrationInterface, QueryRunner } from "typeorm";

/** Feedback: at most one per order line (shop issue: "once per line"). Generated, reviewed. */
export class FeedbackOncePerOrderLine1795942100353 implements MigrationInterface {
  name = "FeedbackOncePerOrderLine1795942100353";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_order_line_id"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_feedback_order_line_id" ON "feedback"  ("order_line_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_feedback_order_line_id"`);
    await queryRunner.query(
      `CREATE INDEX "ix_feedback_order_line_id" ON "feedback" USING btree ("order_line_id") `,
    );
  }
}
