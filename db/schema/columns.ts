import { bigint, integer, timestamp, uuid } from "drizzle-orm/pg-core";

// Column shapes the schema areas share, named once. No tables here, and nothing that refers to
// one: the org and user references live beside the tables they point at (tenancy.ts, auth.ts).

/** Every instant is a timestamptz. */
export const instant = () => timestamp({ withTimezone: true });

/** An instant the row gets when it is written: created at, updated at, seen at. */
export const stampedNow = () => instant().notNull().defaultNow();

/**
 * Money is integer minor units (cents) in bigint columns, read as JS numbers: safe up to 9e15
 * minor units, far beyond any startup's balance sheet.
 */
export const money = () => bigint({ mode: "number" });

/** A row's own id within its org (the key is (org_id, id)). */
export const rowId = () => uuid().notNull().defaultRandom();

/** When a row was made and changed, and its version: every update must name the version it read. */
export const versioned = () => ({
  createdAt: stampedNow(),
  updatedAt: stampedNow(),
  version: integer().notNull().default(1),
});

/** `YYYY-MM` as a check constraint's pattern. */
export const MONTH_RE = `'^[0-9]{4}-(0[1-9]|1[0-2])$'`;
