import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (src, fast) and `e2e` (a real Chromium against the built API and admin SPA
 * on a fresh PostgreSQL database with the demo data; needs `pnpm build` first, as turbo's test
 * task does).
 */
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["src/**/*.spec.{ts,tsx}"] } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.spec.ts"],
          // One spec at a time: each starts an API and a Chromium, and six at once on two cores
          // make the slowest wait past their timeouts.
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
