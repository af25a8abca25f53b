// @ts-check
// The shop's initial JavaScript budget, on the built shop (run `pnpm build` first):
//   pnpm --filter @nested/bench-shop-size bench     # or: node bench/shop-size/run.mjs
// Reads apps/shop/dist/index.html, follows its module scripts and modulepreload links and every
// static `import … from "./x.js"` of those chunks (dynamic `import()` — lazy routes — is not
// initial), gzips each file at level 9 and prints each and the sum; exits 1 above the budget.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(HERE, "../../apps/shop/dist");
/** Budget in bytes: 200 KB (1 KB = 1000 bytes, as the issue and Vite's report count). */
export const BUDGET_BYTES = Number(process.env.SHOP_JS_BUDGET ?? 200_000);

/**
 * The initial JavaScript files of a built Vite app, relative to `dist`: the entry scripts and
 * preloads named by index.html, then, transitively, the chunks they import statically.
 * @param {string} dist
 * @returns {string[]}
 */
export function initialScripts(dist) {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const base = "/shop/";
  const named = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => (m[1] ?? "").replace(base, ""));
  const seen = new Set();
  const queue = [...named];
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.shift());
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(dist, file), "utf8");
    // Static imports only: `import{a}from"./x.js"` and `import"./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(
      /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      queue.push(path.posix.join(path.posix.dirname(file), m[1] ?? ""));
    }
  }
  return [...seen];
}

function main() {
  if (!existsSync(path.join(DIST, "index.html"))) {
    console.error(`${DIST}/index.html is missing: run pnpm build first`);
    process.exit(2);
  }
  let total = 0;
  for (const file of initialScripts(DIST)) {
    const raw = readFileSync(path.join(DIST, file));
    const gz = gzipSync(raw, { level: 9 }).length;
    total += gz;
    console.log(
      `${file}  ${(raw.length / 1000).toFixed(1)} KB raw  ${(gz / 1000).toFixed(1)} KB gzip`,
    );
  }
  const verdict = total <= BUDGET_BYTES ? "within" : "OVER";
  console.log(
    `initial JavaScript: ${(total / 1000).toFixed(1)} KB gzip (${verdict} the budget of ${BUDGET_BYTES / 1000} KB)`,
  );
  if (total > BUDGET_BYTES) process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
