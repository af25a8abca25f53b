import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import { GraphQLError, type GraphQLSchema } from "graphql";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import type { ApiConfig } from "../config";
import { LoaderRegistry } from "../graphql/loader-registry";
import type { Principal, RequestContext } from "../graphql/request-context";
import { localeFromHeader, translatorFor } from "../i18n/translate";
import { resolvePrincipal, type Audience } from "../modules/identity/principal.service";
import { SignInLimiter } from "../modules/identity/sign-in-limiter";
import { OrderLimiter } from "../modules/order/order-limiter";
import { mountExportDownload } from "../modules/jobs/export-download.route";
import type { JobQueue } from "../modules/jobs/job-queue";
import { QUERY_LIMITS, queryLimits } from "./armor";
import { mountPackingListCsv } from "../modules/intake/packing-list.csv-route";
import {
  ADMIN_IMPACT_EXPORT,
  mountImpactExportCsv,
  PARTNER_IMPACT_EXPORT,
} from "../modules/impact/impact-export.csv-route";
import { formatError } from "./format-error";
import { cookieJar, tokenFromRequest } from "./session-cookie";

/** The three GraphQL schemas, built from disjoint resolver lists. */
export interface ApiSchemas {
  shop: GraphQLSchema;
  admin: GraphQLSchema;
  partner: GraphQLSchema;
}

/**
 * Where the process is in its life, shared with the HTTP app: `draining` once a graceful stop
 * began (readiness false: /health answers 503), `closing` once the listener closes (any request
 * still arriving on an open connection is refused with 503).
 */
export interface Lifecycle {
  draining: boolean;
  closing: boolean;
}

/** A running API: the Express app and a way to stop its GraphQL servers. */
export interface ApiApp {
  app: Express;
  stop(): Promise<void>;
}

function errorLogger(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!error.extensions?.code || error.extensions.code === "INTERNAL_SERVER_ERROR") {
              (contextValue?.log ?? log).error(
                { err: error.originalError ?? error },
                "graphql fault",
              );
            }
          }
        },
      };
    },
  };
}

/** What building a request context needs from the running app. */
export interface ContextDeps {
  config: ApiConfig;
  dataSource: DataSource;
  log: Logger;
  signInLimiter: SignInLimiter;
  orderLimiter: OrderLimiter;
  jobs?: JobQueue | null;
}

/**
 * The request context of one HTTP request to `route` (GraphQL or a download): the principal from
 * the session cookie or bearer token for `audience`, the locale from Accept-Language, a fresh
 * loader registry and a logger tagged with a new request id.
 */
export async function requestContext(
  req: Request,
  res: Response,
  audience: Audience,
  route: string,
  deps: ContextDeps,
): Promise<RequestContext> {
  const requestId = randomUUID();
  const token = tokenFromRequest(req);
  const principal: Principal = token
    ? await resolvePrincipal(deps.dataSource.manager, token, audience)
    : { kind: "anonymous" };
  return {
    requestId,
    principal,
    locale: localeFromHeader(req.headers["accept-language"]),
    dataSource: deps.dataSource,
    manager: deps.dataSource.manager,
    loaders: new LoaderRegistry(),
    cookies: cookieJar(res, deps.config.production),
    clientAddress: req.ip ?? "unknown",
    signInLimiter: deps.signInLimiter,
    orderLimiter: deps.orderLimiter,
    jobs: deps.jobs ?? undefined,
    log: deps.log.child({ requestId, route }),
  };
}

async function mountGraphql(
  app: Express,
  route: string,
  audience: Audience,
  schema: GraphQLSchema,
  deps: ContextDeps,
): Promise<ApolloServer<RequestContext>> {
  const limits = queryLimits(deps.config.production);
  const server = new ApolloServer<RequestContext>({
    schema,
    ...limits,
    // No cache hints are used, and Apollo's default cache-control plugin wraps every field's
    // resolver to compute them: on a page of 50 offers that is a thousand wrapped calls.
    plugins: [...limits.plugins, errorLogger(deps.log), ApolloServerPluginCacheControlDisabled()],
    validationRules: [...limits.validationRules],
    // graphql-js's own token limit while Apollo parses: a query past it, like any syntax error,
    // is answered 400 with the parser's message. Parsed documents are cached by Apollo.
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    includeStacktraceInErrorResponses: !deps.config.production,
    // Compact JSON: Apollo's default indents every response, which on a page of 50 offers
    // roughly doubles the bytes written and the time spent writing them.
    stringifyResult: (result) => JSON.stringify(result),
    formatError: formatError(deps.config.production),
    // The SPAs' types are generated from the committed schema snapshots, not by introspection.
    introspection: !deps.config.production,
    // main.ts owns SIGTERM/SIGINT (graceful stop in order: readiness, listener, requests, pool);
    // Apollo's own handlers would stop the GraphQL servers first and re-raise the signal.
    stopOnTerminationSignals: false,
  });
  await server.start();
  app.use(
    route,
    express.json({ limit: "256kb" }),
    expressMiddleware(server, {
      context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
        const ctx = await requestContext(req, res, audience, route, deps);
        // The partner API has nothing for anyone without a valid key: a missing, unknown or
        // revoked key is refused as a whole request, HTTP 401, like the partner CSV export.
        if (audience === "partner" && ctx.principal.kind === "anonymous") {
          throw new GraphQLError(translatorFor(ctx.locale)("access.apiKey"), {
            extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
          });
        }
        return ctx;
      },
    }),
  );
  return server;
}

function serveSpa(app: Express, mount: string, dist: string): void {
  if (!existsSync(path.join(dist, "index.html"))) return;
  app.use(mount, express.static(dist, { index: "index.html", maxAge: "1h" }));
  // Client-side routes fall back to the SPA's index.html.
  app.get(`${mount}/{*rest}`, (_req, res) => res.sendFile(path.join(dist, "index.html")));
}

/**
 * Answers a request Express could not read (malformed JSON, a body over the limit) as a GraphQL
 * error in JSON rather than an HTML page, and hides any other fault's details.
 */
function jsonErrors(log: Logger) {
  return (
    error: { type?: string; status?: number },
    _req: Request,
    res: Response,
    _next: NextFunction,
  ) => {
    if (error.type === "entity.parse.failed") {
      res.status(400).json({
        errors: [
          { message: "The request body is not valid JSON.", extensions: { code: "BAD_REQUEST" } },
        ],
      });
    } else if (error.type === "entity.too.large") {
      res.status(413).json({
        errors: [
          {
            message: "The request body is too large.",
            extensions: { code: "PAYLOAD_TOO_LARGE" },
          },
        ],
      });
    } else {
      log.error({ err: error }, "http fault");
      res
        .status(error.status && error.status >= 400 ? error.status : 500)
        .json({ errors: [{ message: "Internal server error" }] });
    }
  };
}

/**
 * Builds the HTTP app: `/health` (readiness: database reachable and not shutting down),
 * `/health/live` (liveness: the process answers), `/shop/graphql`, `/admin/graphql`,
 * `/partner/graphql`, `/admin/exports/:id` (export jobs' files), and the built SPAs at `/shop/` and `/admin/` when their `dist` folders exist.
 * `redis` (REDIS_URL) holds the sign-in and ordering rate limits shared by replicas.
 */
export async function createApp(
  schemas: ApiSchemas,
  deps: {
    config: ApiConfig;
    dataSource: DataSource;
    log: Logger;
    redis?: Redis | null;
    lifecycle?: Lifecycle;
    /** The background job queue; without it the job operations fail as faults. */
    jobs?: JobQueue | null;
  },
): Promise<ApiApp> {
  const lifecycle = deps.lifecycle ?? { draining: false, closing: false };
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", deps.config.trustProxy);

  app.use((_req, res, next) => {
    if (!lifecycle.closing) return next();
    res.setHeader("Connection", "close");
    res.status(503).json({ status: "shutting down" });
  });

  app.get("/health/live", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/health", async (_req, res) => {
    if (lifecycle.draining) {
      res.status(503).json({ status: "draining" });
      return;
    }
    try {
      await deps.dataSource.query("SELECT 1");
      res.json({ status: "ok", database: "up" });
    } catch (error) {
      deps.log.error({ err: error }, "health check: database down");
      res.status(503).json({ status: "unavailable", database: "down" });
    }
  });

  const signInLimiter = new SignInLimiter({
    redis: deps.redis,
    keyPrefix: deps.config.redisKeyPrefix,
  });
  const orderLimiter = new OrderLimiter({
    redis: deps.redis,
    keyPrefix: deps.config.redisKeyPrefix,
    perHousehold: deps.config.orderLimitPerHousehold,
    perAddress: deps.config.orderLimitPerAddress,
  });
  const mountDeps = { ...deps, signInLimiter, orderLimiter };
  const servers = [
    await mountGraphql(app, "/shop/graphql", "shop", schemas.shop, mountDeps),
    await mountGraphql(app, "/admin/graphql", "admin", schemas.admin, mountDeps),
    await mountGraphql(app, "/partner/graphql", "partner", schemas.partner, mountDeps),
  ];
  mountPackingListCsv(app, (req, res, route) =>
    requestContext(req, res, "admin", route, mountDeps),
  );
  mountImpactExportCsv(app, PARTNER_IMPACT_EXPORT, (req, res, route) =>
    requestContext(req, res, "partner", route, mountDeps),
  );
  mountExportDownload(app, (req, res, route) =>
    requestContext(req, res, "admin", route, mountDeps),
  );
  mountImpactExportCsv(app, ADMIN_IMPACT_EXPORT, (req, res, route) =>
    requestContext(req, res, "admin", route, mountDeps),
  );
  serveSpa(app, "/shop", deps.config.shopDist);
  serveSpa(app, "/admin", deps.config.adminDist);
  app.get("/", (_req, res) => res.redirect("/shop/"));
  app.use(jsonErrors(deps.log));

  return {
    app,
    async stop() {
      await Promise.all(servers.map((server) => server.stop()));
    },
  };
}
