import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  adminGraphql,
  launchChromium,
  startTestServer,
  type TestServer,
  VIEWPORTS,
} from "@nested/e2e-kit";
import type { BrowserContext, Page } from "playwright-core";

/** Where the admin e2e tests save their screenshots (git-ignored). */
export const SHOTS = path.resolve(import.meta.dirname, "../e2e-screenshots");

/** Every demo sign-in's password (README.md). */
export const DEMO_PASSWORD = "demo1234";

/** One admin end-to-end run: the built API and admin SPA on a fresh demo database, a browser page. */
export interface AdminE2E {
  server: TestServer;
  context: BrowserContext;
  page: Page;
  /** The admin SPA's URL of `path` (e.g. "/cycles" → http://127.0.0.1:…/admin/cycles). */
  url(path: string): string;
  /** Saves the page as `<name>-desktop.png` (full page) in {@link SHOTS}. */
  shot(name: string): Promise<void>;
  /** Signs in through the sign-in page as a demo user (e.g. "staff@demo.nested.market"). */
  signIn(login: string): Promise<void>;
  /** Signs out through the header's button. */
  signOut(): Promise<void>;
  /** A bearer token of a demo user on the Admin API, for setup the test does not drive by UI. */
  adminToken(login: string): Promise<string>;
  /** One Admin API operation with a token (throws on GraphQL errors). */
  admin<T>(token: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts the API with the built admin SPA on a fresh database with the demo data and opens
 * Debian's Chromium at desktop size (staff work on desktops and tablets).
 */
export async function startAdminE2E(): Promise<AdminE2E> {
  mkdirSync(SHOTS, { recursive: true });
  const chromium = await launchChromium();
  const server = await startTestServer("admin").catch(async (error: unknown) => {
    await chromium.close();
    throw error;
  });
  const context = await chromium.browser.newContext({ viewport: VIEWPORTS.desktop });
  const page = await context.newPage();
  const url = (p: string) => `${server.origin}/admin${p}`;
  const run: AdminE2E = {
    server,
    context,
    page,
    url,
    async shot(name) {
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true });
    },
    async signIn(login) {
      await page.goto(url("/sign-in"));
      await page.locator('input[name="login"]').fill(login);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((u) => !u.pathname.endsWith("/sign-in"));
      await page.waitForLoadState("networkidle");
    },
    async signOut() {
      await page.getByRole("button", { name: /退出|Sign out/ }).click();
      await page.waitForURL((u) => u.pathname.endsWith("/sign-in"));
    },
    async adminToken(login) {
      const data = await adminGraphql<{ signIn: { token?: string; message?: string } }>(
        server.origin,
        `mutation($login: String!, $password: String!) {
           signIn(input: { login: $login, password: $password, tokenDelivery: BEARER }) {
             ... on SignedIn { token } ... on ErrorResult { message } } }`,
        { login, password: DEMO_PASSWORD },
      );
      if (!data.signIn.token) throw new Error(`${login} could not sign in: ${data.signIn.message}`);
      return data.signIn.token;
    },
    admin(token, query, variables = {}) {
      return adminGraphql(server.origin, query, variables, token);
    },
    async close() {
      await chromium.close();
      await server.stop();
    },
  };
  return run;
}
