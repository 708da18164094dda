/**
 * Codemod: move the app's messages to Paraglide JS (decision 012). Re-runnable on any later
 * state of main:  npx tsx scripts/codemods/paraglide.mts
 *
 * 1. Catalogues: app/i18n/messages/<area>.ts → app/i18n/messages/en.json, zh-CN.json
 *    (scripts/codemods/paraglide-catalogues.ts; skipped when already converted).
 * 2. Call sites, in app/ (not app/i18n, app/paraglide, tests): a string literal that is a message key
 *    ("records.risk.title", or a plural's base "common.unit.months") becomes a reference to the
 *    compiled message, `records_risk_title`, imported from its own module (see moduleOf). A template
 *    literal with one hole (`common.role.${role}`) becomes a lookup in the messages it can name:
 *    `({ owner: common_role_owner, … })[role]`. Pages then import only the messages
 *    their code names: per-page messages by construction (esbuild drops the rest).
 *    Message refs (messageRef, toast) take the message too; the server turns it into its id when
 *    the ref must travel as data. Files marked `@paraglide-hand` were converted by hand (their keys
 *    are data, e.g. stored alert reasons) and are left alone.
 * 3. Compiles the project (scripts/i18n-compile.mjs) so typecheck sees the result.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { convertCatalogues, messageId, PLURAL } from "./paraglide-catalogues.ts";

const ROOT = new URL("../..", import.meta.url).pathname.replace(/\/$/, "");
const SKIP_DIRS = ["app/i18n", "app/paraglide"];
/** Calls whose key arguments stay strings. None today: refs name messages by function too (translate.ts keyOf). */
const KEEP_CALLS = new Set<string>([]);

const { converted } = await convertCatalogues(ROOT);
const en = JSON.parse(readFileSync(join(ROOT, "app/i18n/messages/en.json"), "utf8")) as Record<string, unknown>;
const ids = new Set(Object.keys(en).filter((k) => k !== "$schema"));
const areas = new Set([...ids].map((id) => id.split("_")[0]!));

/** "records.risk.title" → its message id when the catalogue has it. */
function idOf(text: string): string | null {
  if (!text.includes(".") || !areas.has(text.split(".")[0]!) || !/^[A-Za-z0-9_.]+$/.test(text)) return null;
  const id = messageId(text);
  if (ids.has(id)) return id;
  const base = messageId(text.replace(PLURAL, "")); // "x.other" of a plural → the plural message
  return PLURAL.test(text) && ids.has(base) ? base : null;
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return allFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const rel = relative(ROOT, path);
    if (SKIP_DIRS.some((skip) => rel === skip || rel.startsWith(`${skip}/`))) return [];
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The literal's text, or `"x" as const` whole: a message reference takes no const assertion. */
function range(node: ts.Node, source: ts.SourceFile): { start: number; end: number } {
  const p = node.parent;
  const isConst = p && ts.isAsExpression(p) && ts.isTypeReferenceNode(p.type) && p.type.typeName.getText(source) === "const";
  const whole = isConst ? p : node;
  return { start: whole.getStart(source), end: whole.end };
}

/**
 * One import per message, from the message's own module: esbuild splits chunks by which entry
 * points *reach* a file, so importing the barrel (`~/paraglide/messages`) would put every message
 * any page uses into one chunk shared by all pages. Module names follow Paraglide's
 * toSafeModuleId: lower case, plus the number of capitals ("admin_audit_metaTitle" →
 * "admin_audit_metatitle1.js").
 */
export function moduleOf(id: string): string {
  const safe = id.toLowerCase().replace(/[^a-z0-9_]/g, "_");
  if (/^[0-9]/.test(safe)) return `_${safe}`;
  const capitals = [...id].filter((c) => /[A-Z]/.test(c)).length;
  return safe + (capitals > 0 ? String(capitals) : "");
}
const importLine = (id: string) => `import { ${id} } from "~/paraglide/messages/${moduleOf(id)}.js";`;

function calleeName(call: ts.CallExpression): string | null {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  return null;
}

function insideKeptCall(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p) && KEEP_CALLS.has(calleeName(p) ?? "") && p.arguments.some((a) => a.pos <= node.pos && node.end <= a.end)) return true;
    if (ts.isFunctionLike(p) || ts.isSourceFile(p)) return false;
  }
  return false;
}

const unresolved: string[] = [];
let changedFiles = 0;
let references = 0;

for (const file of files(join(ROOT, "app"))) {
  const rel = relative(ROOT, file);
  const text = readFileSync(file, "utf8");
  if (text.includes("@paraglide-hand")) continue; // converted by hand (dynamic keys kept as data)
  const used = new Set<string>();
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      !ts.isImportDeclaration(node.parent) &&
      !ts.isExportDeclaration(node.parent) &&
      !ts.isLiteralTypeNode(node.parent)
    ) {
      const id = idOf(node.text);
      const isName = ts.isPropertyAssignment(node.parent) && node.parent.name === node;
      if (id && !isName && !insideKeptCall(node)) {
        edits.push({ ...range(node, source), text: id });
        used.add(id);
        references++;
      }
    } else if (ts.isTemplateExpression(node) && !insideKeptCall(node)) {
      const lookup = templateLookup(node, source, used);
      if (lookup) {
        edits.push({ ...range(node, source), text: lookup });
        references++;
        return;
      }
      const head = node.head.text;
      if (idOf(`${head}x`.replace(/\.x$/, ".x")) !== null || (head.includes(".") && areas.has(head.split(".")[0]!) && /^[A-Za-z0-9_.]+$/.test(head)))
        unresolved.push(`${rel}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) continue;
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  const have = new Set([...out.matchAll(/^import \{ (\w+) \} from "~\/paraglide\/messages\//gm)].map((match) => match[1]));
  const lines = [...used]
    .filter((id) => !have.has(id))
    .sort()
    .map(importLine);
  if (lines.length) {
    const imports = [...source.statements].filter(ts.isImportDeclaration);
    const at = imports.length ? imports[imports.length - 1]!.end : 0;
    const block = lines.join("\n");
    out = at ? `${out.slice(0, at)}\n${block}${out.slice(at)}` : `${block}\n${out}`;
  }
  writeFileSync(file, out);
  changedFiles++;
}

/**
 * `prefix${expr}suffix` naming keys → `({ a: m.prefix_a_suffix, … })[expr]`, over every key the
 * template can name (the hole is one key segment). Null when it names none.
 */
function templateLookup(node: ts.TemplateExpression, source: ts.SourceFile, used: Set<string>): string | null {
  if (node.templateSpans.length !== 1) return null;
  const head = node.head.text;
  const tail = node.templateSpans[0]!.literal.text;
  if (!head.includes(".") || !areas.has(head.split(".")[0]!)) return null;
  const prefix = messageId(`${head}x`).slice(0, -1);
  const suffix = tail ? messageId(`x${tail}`).slice(1) : "";
  const entries: string[] = [];
  for (const id of [...ids].sort()) {
    if (!id.startsWith(prefix) || !id.endsWith(suffix) || id.length <= prefix.length + suffix.length) continue;
    const hole = id.slice(prefix.length, id.length - suffix.length);
    entries.push(`${/^[A-Za-z_$][\w$]*$/.test(hole) ? hole : JSON.stringify(hole)}: ${id}`);
    used.add(id);
  }
  if (entries.length === 0) return null;
  const expr = node.templateSpans[0]!.expression.getText(source);
  return `({ ${entries.join(", ")} })[${expr}]`;
}

/**
 * Tests: pages carry no messages block any more, so `markup(html)` (which removed it) is just
 * `html`; the helper and its imports go.
 */
let markups = 0;
for (const file of allFiles(join(ROOT, "tests"))) {
  const text = readFileSync(file, "utf8");
  if (!/\bmarkup\b/.test(text)) continue;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "markup" && node.arguments.length === 1) {
      edits.push({ start: node.getStart(source), end: node.end, text: node.arguments[0]!.getText(source) });
      markups++;
      return;
    }
    if (ts.isImportDeclaration(node) && node.importClause?.namedBindings && ts.isNamedImports(node.importClause.namedBindings)) {
      const names = node.importClause.namedBindings.elements;
      const kept = names.filter((e) => e.name.text !== "markup");
      if (kept.length !== names.length) {
        const from = node.moduleSpecifier.getText(source);
        const replacement =
          kept.length === 0 ? "" : `import ${node.importClause.isTypeOnly ? "type " : ""}{ ${kept.map((e) => e.getText(source)).join(", ")} } from ${from};`;
        edits.push({ start: node.getStart(source), end: node.end + (kept.length === 0 && text[node.end] === "\n" ? 1 : 0), text: replacement });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  if (out !== text) writeFileSync(file, out);
}

console.log(
  `catalogues ${converted ? "converted" : "already JSON"}; ${references} references in ${changedFiles} files; ${markups} markup() calls removed from tests`,
);
if (unresolved.length) console.log(`templates left as they are (no key matches):\n  ${unresolved.join("\n  ")}`);
