/** Every TypeORM entity of the model, in one list shared by the data source and the tests. */
export const ENTITIES: Function[] = [];
