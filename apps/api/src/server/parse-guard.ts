import type { NextFunction, Request, Response } from "express";
import { GraphQLError, parse } from "graphql";
import { QUERY_LIMITS } from "./armor";

/**
 * Parses each request's query once with graphql-js's own token limit before Apollo sees it, and
 * answers 400 with the parser's message (what is wrong, and where) when it is malformed or too
 * long. Batched requests (an array body) are checked item by item.
 */
export function parseGuard(req: Request, res: Response, next: NextFunction): void {
  const bodies: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
  for (const body of bodies) {
    const query = (body as { query?: unknown } | undefined)?.query;
    if (typeof query !== "string") continue;
    try {
      parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      res.status(400).json({
        errors: [{ message: error.message, extensions: { code: "GRAPHQL_PARSE_FAILED" } }],
      });
      return;
    }
  }
  next();
}
