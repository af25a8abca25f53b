import type { EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity";

/** One table's rows, in the order they are inserted. */
export interface TableRows<T extends ObjectLiteral> {
  table: string;
  entity: EntityTarget<T>;
  rows: QueryDeepPartialEntity<T>[];
}

export function table<T extends ObjectLiteral>(
  name: string,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): TableRows<T> {
  return { table: name, entity, rows };
}
