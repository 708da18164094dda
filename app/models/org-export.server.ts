import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { asc, eq, getTableColumns, inArray, is, or, type Column, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import { strToU8, zipSync } from "fflate";
import type { Tx } from "~db/client";
import * as schema from "~db/schema";
import { accessGrants, memberships, orgs, users } from "~db/schema";
import { withTenant } from "~db/tenant";
import { safeCell } from "~/server/csv.server";
import packageJson from "../../package.json";
import { recordAudit } from "./audit.server";
import type { OrgContext } from "~/auth/context";
import { EXPORT_TABLE_DOCS, NOT_EXPORTED_TABLES } from "./org-export-tables.server";

/** A table the export reads, derived from db/schema: a new tenant table is exported without anyone listing it. */
export interface ExportSource {
  /** The database's name of the table, and of its file (<name>.csv). */
  name: string;
  table: PgTable;
  /** Exported columns in schema order: the drizzle key and the database's column name. */
  columns: { key: string; name: string; column: PgColumn }[];
  /** Columns never read (secrets, or not the org's), by database name. */
  excluded: string[];
}

const columnName = (column: Column) => toSnakeCase(column.name);

/**
 * Every table of one organisation's data: its own row of `orgs`, its members in `users`, and
 * every table with an `org_id` column. Derived from the schema, so a table added there is in
 * the export at once; tests/integration/data-export.test.ts checks this list against the
 * database catalog and that each table and column is described in EXPORT_TABLE_DOCS.
 */
export function exportSources(): ExportSource[] {
  const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  return tables
    .filter((table) => table === orgs || table === users || Object.values(getTableColumns(table)).some((c) => columnName(c) === "org_id"))
    .map((table) => {
      const name = getTableConfig(table).name;
      const excluded = Object.keys(EXPORT_TABLE_DOCS[name]?.excluded ?? {});
      const columns = Object.entries(getTableColumns(table))
        .map(([key, column]) => ({ key, name: columnName(column), column: column as PgColumn }))
        .filter((c) => !excluded.includes(c.name));
      return { name, table, columns, excluded };
    })
    .sort((a, b) => (a.name === "orgs" ? -1 : b.name === "orgs" ? 1 : a.name.localeCompare(b.name)));
}

/**
 * Which rows of a table are the org's. Read in the org's own tenant transaction, where row-level
 * security already confines every table to the org — except that an investor may also read the
 * rows startups shared with it (decision 006). Those are the startups' data, not the
 * investor's, so the org is named explicitly as well.
 */
function ownRows(tx: Tx, source: ExportSource, orgId: string): SQL | undefined {
  if (source.table === orgs) return eq(orgs.id, orgId);
  if (source.table === users) {
    return inArray(users.id, tx.select({ id: memberships.userId }).from(memberships).where(eq(memberships.orgId, orgId)));
  }
  // A grant is the startup's row, but the investor's portfolio too: both sides get it.
  if (source.table === accessGrants) return or(eq(accessGrants.orgId, orgId), eq(accessGrants.investorOrgId, orgId));
  const orgIdColumn = source.columns.find((c) => c.name === "org_id");
  if (!orgIdColumn) throw new Error(`export: ${source.name} has no org_id`);
  return eq(orgIdColumn.column, orgId);
}

/** Primary-key order, so two exports of unchanged data are identical files. */
function orderOf(source: ExportSource): SQL[] {
  const config = getTableConfig(source.table);
  const keys = config.primaryKeys[0]?.columns ?? config.columns.filter((c) => c.primary);
  return keys.map((column) => asc(column));
}

/** One CSV cell: ISO 8601 UTC for times, JSON for arrays and objects, empty for null. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  if (typeof value === "string") return safeCell(value);
  return String(value);
}

async function readTable(tx: Tx, source: ExportSource, orgId: string) {
  const selection = Object.fromEntries(source.columns.map((c) => [c.key, c.column]));
  const rows = (await tx
    .select(selection)
    .from(source.table)
    .where(ownRows(tx, source, orgId))
    .orderBy(...orderOf(source))) as Record<string, unknown>[];
  const csv = stringify([source.columns.map((c) => c.name), ...rows.map((row) => source.columns.map((c) => cell(row[c.key])))]);
  return { rows: rows.length, bytes: strToU8(csv) };
}

export interface ExportManifest {
  format: "capital-desk-org-export";
  formatVersion: 1;
  appVersion: string;
  exportedAt: string;
  exportedBy: { userId: string; email: string; name: string; role: string };
  org: { id: string; slug: string; name: string; kind: string; baseCurrency: string };
  conventions: Record<string, string>;
  tables: {
    table: string;
    file: string;
    about: string;
    rows: number;
    sha256: string;
    rowsIncluded: string;
    columns: { name: string; meaning: string }[];
    excludedColumns: { name: string; reason: string }[];
  }[];
  notExported: { table: string; reason: string }[];
}

const CONVENTIONS = {
  files: "One CSV file per table, UTF-8, comma-separated, with a header row of the database's column names.",
  money:
    "Money is in integer minor units (cents; 12345 = 123.45) with its currency: the row's currency column where it has one, otherwise the organisation's base currency (orgs.csv, base_currency). Nothing is converted or rounded.",
  times: "Timestamps are ISO 8601 in UTC (…Z); dates are YYYY-MM-DD; months are YYYY-MM.",
  empty: "An empty cell is a missing value (NULL).",
  structured: "Arrays and JSON values are written as JSON text.",
  spreadsheets: "A text cell that starts with = + - @, a tab or a carriage return is prefixed with ' so spreadsheets do not run it as a formula.",
  secrets: "Password, passphrase, session and token hashes are never exported; each file lists the columns it leaves out.",
  consistency: "Every file was read in one read-only transaction: they show the data as of one moment.",
  integrity: "sha256 is the SHA-256 of the file's bytes, in hex.",
};

export interface OrgExportArchive {
  filename: string;
  zip: Uint8Array<ArrayBuffer>;
  manifest: ExportManifest;
}

/**
 * All of the organisation's data in one zip: a CSV per table and manifest.json saying what
 * each file and column is, its row count and SHA-256. Read through the org's own tenant
 * transaction (read-only, one snapshot), so row-level security proves it holds only what the
 * org may read; then an "org.export" audit entry records who took it.
 */
export async function exportOrgData(ctx: OrgContext, now = new Date()): Promise<OrgExportArchive> {
  const sources = exportSources();
  const files = await withTenant(
    ctx.db,
    ctx.org.id,
    async (tx) => {
      const read = [];
      for (const source of sources) read.push({ source, ...(await readTable(tx, source, ctx.org.id)) });
      return read;
    },
    { snapshot: true },
  );
  const manifest: ExportManifest = {
    format: "capital-desk-org-export",
    formatVersion: 1,
    appVersion: packageJson.version,
    exportedAt: now.toISOString(),
    exportedBy: { userId: ctx.user.id, email: ctx.user.email, name: ctx.user.name, role: ctx.role },
    org: { id: ctx.org.id, slug: ctx.org.slug, name: ctx.org.name, kind: ctx.org.kind, baseCurrency: ctx.org.baseCurrency },
    conventions: CONVENTIONS,
    tables: files.map(({ source, rows, bytes }) => {
      const doc = EXPORT_TABLE_DOCS[source.name];
      return {
        table: source.name,
        file: `${source.name}.csv`,
        about: doc?.about ?? "",
        rows,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        rowsIncluded: doc?.rows ?? "Rows whose org_id is this organisation.",
        columns: source.columns.map((c) => ({ name: c.name, meaning: doc?.columns[c.name] ?? "" })),
        excludedColumns: source.excluded.map((name) => ({ name, reason: doc?.excluded?.[name] ?? "" })),
      };
    }),
    notExported: Object.entries(NOT_EXPORTED_TABLES).map(([table, reason]) => ({ table, reason })),
  };
  const folder = `capital-desk-${ctx.org.slug}-${manifest.exportedAt.slice(0, 10)}`;
  const entries: Record<string, Uint8Array> = { "manifest.json": strToU8(JSON.stringify(manifest, null, 2) + "\n") };
  for (const { source, bytes } of files) entries[`${source.name}.csv`] = bytes;
  const zip = zipSync({ [folder]: entries }, { level: 6, mtime: now });

  await withTenant(ctx.db, ctx.org.id, (tx) =>
    recordAudit(tx, ctx, {
      action: "org.export",
      entityType: "org",
      entityId: ctx.org.id,
      after: {
        tables: manifest.tables.length,
        rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
        bytes: zip.byteLength,
      },
    }),
  );
  return { filename: `${folder}.zip`, zip, manifest };
}
