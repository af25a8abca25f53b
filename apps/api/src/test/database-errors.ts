import { QueryFailedError } from "typeorm";

/** What PostgreSQL said when it refused a statement. */
export interface Refusal {
  /** SQLSTATE, e.g. 23514 check_violation, 23001 restrict_violation, 23505 unique_violation. */
  code: string | undefined;
  constraint: string | undefined;
  message: string;
}

/** Awaits a statement that must be refused and returns PostgreSQL's reasons; fails if it passes. */
export async function refusal(statement: Promise<unknown>): Promise<Refusal> {
  try {
    await statement;
  } catch (error) {
    if (error instanceof QueryFailedError) {
      const driverError: { code?: string; constraint?: string; message: string } =
        error.driverError;
      return {
        code: driverError.code,
        constraint: driverError.constraint,
        message: driverError.message,
      };
    }
    throw error;
  }
  throw new Error("expected PostgreSQL to refuse the statement, but it succeeded");
}
