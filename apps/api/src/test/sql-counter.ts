import type { DataSource } from "typeorm";

/**
 * Counts the SQL statements a data source sends while `work` runs, by wrapping its logger's
 * `logQuery`, which TypeORM calls for every statement whether or not logging is on. Only for
 * tests that run one request at a time.
 */
export async function countStatements(
  dataSource: DataSource,
  work: () => Promise<unknown>,
): Promise<{ count: number; statements: string[] }> {
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  const statements: string[] = [];
  logger.logQuery = (query, parameters, queryRunner) => {
    statements.push(query);
    return original(query, parameters, queryRunner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return { count: statements.length, statements };
}
