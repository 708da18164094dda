/**
 * Codemod, part 1: the TypeScript catalogues (app/i18n/messages/<area>.ts, `en` and `zh`) become
 * Paraglide's message files, app/i18n/messages/en.json and zh-CN.json (inlang message format).
 * Run by scripts/codemods/paraglide.mjs; re-runnable: when the TypeScript catalogues are gone it
 * only reports. Keys: "records.risk.title" → "records_risk_title" (a JavaScript name, so pages
 * import `m.records_risk_title`); "x.one" + "x.other" → one message "x" with a plural on `count`.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const PLURAL = /\.(zero|one|two|few|many|other)$/;
/** "records.risk.title" → "records_risk_title". */
export const messageId = (key: string) => key.replace(/\./g, "_");

/** Plural bases: "x" when the English catalogue has both "x.one" and "x.other" ("dashboard.spend.other" alone is a word, not a plural). */
function pluralBases(catalogue: Catalogue): Set<string> {
  return new Set(
    Object.keys(catalogue)
      .filter((k) => k.endsWith(".one") && `${k.slice(0, -4)}.other` in catalogue)
      .map((k) => k.slice(0, -4)),
  );
}

type Catalogue = Record<string, string>;

function toMessages(catalogue: Catalogue, bases: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const plurals = new Map<string, Record<string, string>>();
  for (const [key, text] of Object.entries(catalogue)) {
    if (PLURAL.test(key) && bases.has(key.replace(PLURAL, ""))) {
      const base = key.replace(PLURAL, "");
      const forms = plurals.get(base) ?? {};
      forms[key.slice(base.length + 1)] = text;
      plurals.set(base, forms);
    } else {
      if (messageId(key) in out) throw new Error(`Two keys make the message id ${messageId(key)}`);
      out[messageId(key)] = escapeBackslashes(text);
    }
  }
  for (const [base, forms] of plurals) {
    if (messageId(base) in out) throw new Error(`Two keys make the message id ${messageId(base)}`);
    out[messageId(base)] = [
      {
        declarations: ["input count", "local countPlural = count: plural"],
        selectors: ["countPlural"],
        match: Object.fromEntries(Object.entries(forms).map(([form, text]) => [`countPlural=${form}`, escapeBackslashes(text)])),
      },
    ];
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The message format escapes a backslash (and braces that are no placeholder; none today). */
function escapeBackslashes(text: string): string {
  return text.replace(/\\/g, "\\\\");
}

export async function convertCatalogues(root: string): Promise<{ converted: boolean; keys: string[] }> {
  const dir = join(root, "app/i18n/messages");
  const index = join(dir, "index.ts");
  if (!existsSync(index)) {
    const en = JSON.parse(readFileSync(join(dir, "en.json"), "utf8")) as Record<string, unknown>;
    return { converted: false, keys: keysOfJson(en) };
  }
  const mod = (await import(pathToFileURL(index).href)) as { en: Catalogue; zh: Catalogue; AREAS: Record<string, unknown> };
  writeFileSync(
    join(dir, "en.json"),
    `${JSON.stringify({ $schema: "https://inlang.com/schema/inlang-message-format", ...toMessages(mod.en, pluralBases(mod.en)) }, null, 2)}\n`,
  );
  writeFileSync(
    join(dir, "zh-CN.json"),
    `${JSON.stringify({ $schema: "https://inlang.com/schema/inlang-message-format", ...toMessages(mod.zh, pluralBases(mod.en)) }, null, 2)}\n`,
  );
  for (const area of Object.keys(mod.AREAS)) rmSync(join(dir, `${area}.ts`));
  rmSync(index);
  rmSync(join(dir, "catalogues.server.ts"), { force: true });
  return { converted: true, keys: Object.keys(mod.en) };
}

/** The old-style keys ("a.b", "a.b.one"/"a.b.other") a converted catalogue stands for (ids with "_" only). */
function keysOfJson(json: Record<string, unknown>): string[] {
  return Object.keys(json).filter((k) => k !== "$schema");
}
