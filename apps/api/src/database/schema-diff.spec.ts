import { describe, expect, it } from "vitest";
import { TEST_SERVER_URL } from "../test/test-database";
import { pendingSchemaChanges, renderMigration } from "./schema-diff";

describe("generating a migration", () => {
  it("finds nothing to generate on a scratch database while entities and migrations agree", async () => {
    const { up, down } = await pendingSchemaChanges(TEST_SERVER_URL);
    expect(up).toEqual([]);
    expect(down).toEqual([]);
  });

  it("writes SQL with backticks, backslashes and ${…} so that it runs verbatim", () => {
    const sql =
      'ALTER TABLE "x" ADD CONSTRAINT "ck" CHECK ("phone" ~ \'^\\+[0-9]{6}$\' AND `a` <> \'${b}\')';
    const source = renderMigration(
      "AddCheck1700000000000",
      [{ query: sql }],
      [{ query: `ALTER TABLE "x" DROP CONSTRAINT "ck"`, parameters: [] }],
    );
    expect(source).toContain("export class AddCheck1700000000000 implements MigrationInterface {");
    expect(source).toContain('name = "AddCheck1700000000000";');
    // The template literal in the file must evaluate back to exactly the logged SQL.
    const literal = source.split("await queryRunner.query(")[1]?.split(");")[0] ?? "";
    expect(new Function(`return ${literal};`)()).toBe(sql);
    expect(source).toContain('await queryRunner.query(`ALTER TABLE "x" DROP CONSTRAINT "ck"`);');
  });
});
