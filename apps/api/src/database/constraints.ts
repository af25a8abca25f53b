import { JoinColumn, ManyToOne, type ObjectType } from "typeorm";

/** Quotes a string as an SQL literal (values here come from code, never from users). */
function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * CHECK expression keeping a varchar column within a list of names, e.g.
 * `inList("state", ORDER_STATES)` → `"state" IN ('PLACED', 'LOCKED', …)`. Enumerations are
 * varchar + CHECK rather than PostgreSQL enum types, so adding a value is a plain migration.
 */
export function inList(
  column: string,
  values: readonly string[],
  options: { nullable?: boolean } = {},
): string {
  const check = `"${column}" IN (${values.map(literal).join(", ")})`;
  return options.nullable ? `"${column}" IS NULL OR ${check}` : check;
}

/**
 * A many-to-one reference whose foreign key refuses to delete the referenced row
 * (`ON DELETE RESTRICT`): history is never destroyed. `column` is the snake_case key column,
 * which the entity also declares as a plain `uuid` column so services can use the id alone.
 */
export function RestrictedManyToOne<T>(
  target: () => ObjectType<T>,
  column: string,
  options: { nullable?: boolean } = {},
): PropertyDecorator {
  const relation = ManyToOne(target, { onDelete: "RESTRICT", nullable: options.nullable ?? false });
  const joinColumn = JoinColumn({ name: column });
  return (prototype, propertyKey) => {
    relation(prototype, propertyKey);
    joinColumn(prototype, propertyKey);
  };
}
