import { getTableColumns, getTableName } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import * as schema from "../../db/schema";

/*
 * Which tables are nobody's organisation's, read from the schema so that a table added later
 * is classified by its columns rather than by a list in each test that needs the answer.
 */
const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => value instanceof PgTable);
const columnsOf = (table: PgTable) => Object.keys(getTableColumns(table));

/** Tables without an org_id column, other than `orgs` and `users` (which the org export reads for its own row and members). */
export const TABLES_WITHOUT_ORG = tables
  .filter((table) => !columnsOf(table).includes("orgId"))
  .map((table) => getTableName(table))
  .filter((name) => name !== "orgs" && name !== "users");

/** A person's own tables: no org_id, and a user_id naming the person whose rows they are. */
export const PERSONAL_TABLES = tables.filter((table) => !columnsOf(table).includes("orgId") && columnsOf(table).includes("userId")).map(getTableName);
