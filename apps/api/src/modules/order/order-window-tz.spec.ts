import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const API_DIR = path.resolve(__dirname, "../../..");

// The ordering window must not depend on the zone the API process runs in: run the window
// scenarios in a child vitest under each zone (Beijing, UTC and a zone behind UTC).
describe("the ordering window in three time zones", () => {
  it.concurrent.each(["Asia/Shanghai", "UTC", "America/Los_Angeles"])(
    "passes every window scenario with TZ=%s",
    async (tz) => {
      const { FORCE_COLOR: _color, ...env } = process.env;
      const { stdout } = await run(
        "npx",
        ["vitest", "run", "src/modules/order/order-window.spec.ts", "--reporter=verbose"],
        { cwd: API_DIR, env: { ...env, NO_COLOR: "1", TZ: tz, EXPECT_TZ: tz }, timeout: 120_000 },
      );
      expect(stdout).toMatch(/Tests\s+5 passed \(5\)/);
      expect(stdout).toContain(`TZ=${tz}`);
    },
    150_000,
  );
});
