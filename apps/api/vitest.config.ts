import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  // type-graphql and TypeORM read decorator metadata, which oxc emits only when asked.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  resolve: {
    // One copy of graphql: CommonJS (type-graphql, Apollo) and ESM imports must share it.
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: ["src/**/*.spec.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
