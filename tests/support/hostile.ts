import { sql } from "drizzle-orm";
import fc from "fast-check";
import { rowsOf, type Database, type Tx } from "../../db/client";
import { withSystem } from "../../db/tenant";
import type { TestClient } from "./app-server";
import { first } from "./at";

/**
 * Hostile inputs for property-based tests of every action: values a form field should refuse
 * (or, when they happen to be valid, store harmlessly), and helpers to post them raw.
 */

export const SQL_PAYLOAD = "'; drop table users; --";
export const SCRIPT_PAYLOAD = "<script>alert(1)</script>";
export const IMG_PAYLOAD = `"><img src=x onerror=alert(1)>`;

/** Hand-picked values that have broken real apps: numbers, dates, currencies, text. */
export const HOSTILE_VALUES = [
  // numbers
  "1e308",
  "-1e308",
  "9007199254740993",
  "1".repeat(400),
  "-1",
  "-0.01",
  "-12500.50",
  "0",
  "-0",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x1F",
  "1,2,3",
  "12.345",
  "1.",
  ".5",
  "1e2",
  "+5",
  "١٢٣",
  "１２３",
  "9999999999999.99",
  "99999999999999",
  // months and dates
  "9999-12",
  "0001-01",
  "2026-13",
  "2026-00",
  "9999-12-31",
  "0001-01-01",
  "2026-02-30",
  "2026-1-1",
  "26-01",
  "2026/01",
  // currencies
  "usd1",
  "",
  "XXXX",
  "€",
  "XXX",
  "us",
  "USD ",
  "u$d",
  // text
  SQL_PAYLOAD,
  SCRIPT_PAYLOAD,
  IMG_PAYLOAD,
  "a\u0000b",
  "\u0000",
  "\u202Eevil\u202C",
  "مرحبا بالعالم",
  "🙂🙂🙂",
  "\uFEFF12",
  "1\n2",
  "\r\n",
  "   ",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "[object Object]",
  "__proto__",
  "%00",
  "../../etc/passwd",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  "${7*7}",
] as const;

/** Any hostile value: the list above, random text of any code point, or a stringified number. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 200, maxLength: 6000 }) },
);

/** Intents no action knows (never the real "delete", so a property run cannot delete its fixture). */
export const UNKNOWN_INTENTS = ["DELETE", "delete\u0000", "destroy", "import ", "'; drop table users; --", "", "<script>", "change-role "];

export type Mutation =
  | { op: "set"; key: string; value: string }
  | { op: "drop"; key: string }
  | { op: "dup"; key: string; value: string }
  | { op: "intent"; value: string };

export function mutationsFor(keys: readonly string[]): fc.Arbitrary<Mutation[]> {
  const key = fc.constantFrom(...keys);
  return fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.record({ op: fc.constant("set" as const), key, value: hostileValue }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant("drop" as const), key }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant("dup" as const), key, value: hostileValue }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant("intent" as const), value: fc.constantFrom(...UNKNOWN_INTENTS) }) },
    ),
    { minLength: 1, maxLength: 4 },
  );
}

/** The base form with the mutations applied, as ordered pairs (duplicates allowed). */
export function applyMutations(base: Record<string, string>, mutations: readonly Mutation[]): [string, string][] {
  let pairs: [string, string][] = Object.entries(base);
  for (const m of mutations) {
    if (m.op === "set") {
      const at = pairs.findIndex(([k]) => k === m.key);
      if (at >= 0) pairs[at] = [m.key, m.value];
      else pairs.push([m.key, m.value]);
    } else if (m.op === "drop") pairs = pairs.filter(([k]) => k !== m.key);
    else if (m.op === "dup") pairs.push([m.key, m.value]);
    else pairs = [["intent", m.value], ...pairs.filter(([k]) => k !== "intent")];
  }
  return pairs;
}

/** Posts url-encoded pairs (duplicated keys kept) through a test client, keeping its cookies. */
export async function postPairs(client: TestClient, path: string, pairs: readonly [string, string][]) {
  const body = new URLSearchParams();
  for (const [k, v] of pairs) body.append(k, v);
  const response = await fetch(client.base + path, {
    method: "POST",
    redirect: "manual",
    body,
    headers: { Cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; "), Origin: client.base },
  });
  for (const line of response.headers.getSetCookie()) {
    const pair = first(line.split(";"));
    const eq = pair.indexOf("=");
    const value = pair.slice(eq + 1).trim();
    if (value === "" || /max-age=0/i.test(line)) client.cookies.delete(pair.slice(0, eq).trim());
    else client.cookies.set(pair.slice(0, eq).trim(), value);
  }
  return response;
}

/** A digest of every row the org owns (each table with org_id) plus the org row itself. */
async function orgDigests(tx: Tx, orgId: string): Promise<Record<string, string>> {
  const tables = rowsOf<{ table: string }>(
    await tx.execute(sql`select c.relname as table from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id'
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1`),
  );
  const result: Record<string, string> = {};
  for (const { table } of tables) {
    const [row] = rowsOf<{ digest: string | null }>(
      await tx.execute(sql.raw(`select md5(string_agg(t::text, ',' order by t::text)) as digest from "${table}" t where org_id = '${orgId}'`)),
    );
    result[table] = row?.digest ?? "empty";
  }
  const org = first(rowsOf<{ digest: string }>(await tx.execute(sql`select md5(o::text) as digest from orgs o where id = ${orgId}`)));
  result.orgs = org.digest;
  return result;
}

/** The org's rows and its own row, as digests, to compare before and after a refused request. */
export function orgFingerprint(database: Database, orgId: string): Promise<Record<string, string>> {
  return withSystem(database.db, (tx) => orgDigests(tx, orgId));
}

/** The org's fingerprint and the number of users (a refused request creates no account either). */
export function fingerprint(database: Database, orgId: string): Promise<Record<string, string>> {
  return withSystem(database.db, async (tx) => {
    const result = await orgDigests(tx, orgId);
    const users = first(rowsOf<{ n: string }>(await tx.execute(sql`select count(*)::text as n from users`)));
    result.users = users.n;
    return result;
  });
}

/** Statuses a refused request may answer with (410: an account link that was used or has expired, decision 017). */
export const REFUSALS = [400, 401, 403, 404, 405, 409, 410, 413, 422, 429];

/** A short, printable description of a payload for assertion messages. */
export function describePairs(pairs: readonly [string, string][]) {
  return JSON.stringify(pairs.map(([k, v]) => [k, v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v]));
}
