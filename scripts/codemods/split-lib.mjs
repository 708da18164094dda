#!/usr/bin/env node
/**
 * Issue #14 item 3: split app/lib by what each module is (decision 013).
 *
 *   node scripts/codemods/split-lib.mjs [--dry-run]
 *
 * Re-runnable on any later tree: for each row of MOVES it `git mv`s the file when the old one
 * exists (and the new one does not), skips the row when the old file is gone, and — always —
 * rewrites every module specifier in app/, tests/, db/, server/ and server.mjs that names an
 * old path (imports, `export … from`, `import type`, `import()`, `typeof import()`,
 * `vi.mock()`/`vi.doMock()`/`require()`), keeping the writer's style: `~/…` and `~db/…`
 * aliases stay aliases, relative paths stay relative (recomputed for files that moved too).
 * Specifiers are found with the TypeScript parser, so strings and comments that merely look
 * like imports are not touched by that pass. A second, textual pass updates mentions of the
 * old file names in comments and docs (`app/lib/money.ts`, `~/lib/money`), except
 * docs/guarantees.md and docs/decisions (history; the lead edits guarantees).
 * Prints what it did; exits 1 only when a row cannot be applied (the old file and every new
 * path it may take exist).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const DRY = process.argv.includes("--dry-run");

/** Old path → new path, repository-relative, without extension (the file keeps its own). */
const MOVES = {
  // Domain rules, browser-safe, beside their entity (app/domain also holds the zod schemas).
  "app/lib/access-grants": "app/domain/access-grants",
  "app/lib/access-grants.test": "app/domain/access-grants.test",
  "app/lib/alert-filters": "app/domain/alert-filters",
  "app/lib/alert-reasons": "app/domain/alert-reasons",
  "app/lib/budget-cells": "app/domain/budget-cells",
  "app/lib/csv-import": "app/domain/csv-import",
  "app/lib/currencies": "app/domain/currencies",
  "app/lib/fields": ["app/domain/fields", "app/domain/base-fields"],
  "app/lib/instruments": "app/domain/instruments",
  "app/lib/money": ["app/domain/money", "app/domain/money-fields"],
  "app/lib/money.test": ["app/domain/money.test", "app/domain/money-fields.test"],
  "app/lib/portfolio-query": "app/domain/portfolio-query",
  "app/lib/portfolio-series": "app/domain/portfolio-series",
  "app/lib/portfolio-series.test": "app/domain/portfolio-series.test",
  "app/lib/positions": "app/domain/positions",
  "app/lib/report-rules": "app/domain/report-rules",
  "app/lib/risk-labels": "app/domain/risk-labels",
  "app/lib/share-links": "app/domain/share-links",
  "app/lib/spend-categories": "app/domain/spend-categories",
  // Words and numbers for people: app/i18n.
  "app/lib/format": "app/i18n/display",
  "app/lib/format.test": "app/i18n/display.test",
  "app/lib/label-keys": "app/i18n/label-keys",
  "app/lib/money-format": "app/i18n/money-format",
  // Server utilities (request, response, cookies, mail, crypto, CSV out): app/server.
  "app/lib/crypto.server": "app/server/crypto.server",
  "app/lib/csv.server": "app/server/csv.server",
  "app/lib/forms.server": "app/server/forms.server",
  "app/lib/http.server": "app/server/http.server",
  "app/lib/mail.server": "app/server/mail.server",
  "app/lib/throttle-answer.server": "app/server/throttle-answer.server",
  "app/lib/toast.server": "app/server/toast.server",
  "app/lib/versioned-edit.server": "app/server/versioned-edit.server",
  // Orchestration that drives models is a model-level service.
  "app/lib/csv-import.server": "app/models/csv-import.server",
  // UI helpers beside the components.
  "app/lib/nonce": "app/components/nonce",
  "app/lib/use-href-with": "app/components/use-href-with",
  "app/lib/share-report-rows": "app/components/share/report-rows",
  "app/lib/share-report-rows.test": "app/components/share/report-rows.test",
  // View types: what a page receives; components and models both import them from here.
  "app/lib/toast": "app/views/toast",
  "app/models/dashboard-types": "app/views/dashboard",
  "app/models/portfolio-types": "app/views/portfolio",
  "app/models/share-report-types": "app/views/share-report",
  // app/lib keeps only generic utilities: redirects.ts (safeRedirect) and its test.
};

const EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", ".js"];
const SCAN_DIRS = ["app", "tests", "db", "server", "scripts"];
const SCAN_FILES = ["server.mjs", "vitest.config.ts", "remix.config.js", "playwright.config.ts"];
const TEXT_DIRS = ["app", "tests", "db", "server", "docs"];
const TEXT_FILES = ["README.md"];
const TEXT_SKIP = [/^docs\/guarantees\.md$/, /^docs\/decisions\//, /^scripts\/codemods\//];
const SKIP_DIRS = new Set(["node_modules", "build", ".cache", "public", "test-results", "playwright-report"]);

const rel = (abs) => path.relative(ROOT, abs).split(path.sep).join("/");
const exists = (relPath) => fs.existsSync(path.join(ROOT, relPath));
const stripExt = (p) => p.replace(/\.(tsx?|mts|mjs|js)$/, "");

function walk(dir, filter) {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((entry) => {
    const child = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : walk(child, filter);
    return filter(entry.name) ? [child] : [];
  });
}

/** The file (with extension) an extensionless module path names today, if any. */
function fileOf(modulePath) {
  for (const ext of EXTENSIONS) if (exists(modulePath + ext)) return modulePath + ext;
  return null;
}

// 1. Which rows apply: file moves (by extension) planned before anything changes. A row may
// name fallbacks: when the first new path is taken (another change created that module, e.g.
// app/domain/fields.ts re-exporting the old one), the file goes to the first free fallback and
// the taken module's re-export of it is rewritten like any other import.
const fileMoves = new Map(); // old file → new file
const problems = [];
const activeMoves = {}; // old module → where it is (or goes) now
for (const [from, targets] of Object.entries(MOVES)) {
  const candidates = [targets].flat();
  const source = fileOf(from);
  if (!source) {
    // Already moved (or removed): imports still naming it are rewritten to where it went.
    activeMoves[from] = [...candidates].reverse().find((to) => fileOf(to)) ?? candidates[0];
    continue;
  }
  const to = candidates.find((candidate) => !fileOf(candidate));
  if (!to) {
    problems.push(`${source}: not moved, ${candidates.map((c) => fileOf(c)).join(" and ")} exist already — merge by hand, then re-run`);
    continue; // rows that cannot move keep their old specifiers
  }
  if (to !== candidates[0]) console.log(`note  ${fileOf(candidates[0])} exists: ${source} goes to the fallback ${to}`);
  fileMoves.set(source, to + source.slice(from.length));
  activeMoves[from] = to;
}

/** Module path (repository-relative, no extension) a specifier names, seen from `fromFile`. */
function resolveSpecifier(specifier, fromFile) {
  let target;
  if (specifier.startsWith("~/")) target = `app/${specifier.slice(2)}`;
  else if (specifier.startsWith("~db/")) target = `db/${specifier.slice(4)}`;
  else if (specifier.startsWith("./") || specifier.startsWith("../")) target = rel(path.resolve(path.join(ROOT, path.dirname(fromFile)), specifier));
  else return null;
  return { target: stripExt(target), ext: target.length !== stripExt(target).length ? target.slice(stripExt(target).length) : "" };
}

function specifierFor(targetModule, fromNewFile, style, ext) {
  if (style === "~/" && targetModule.startsWith("app/")) return `~/${targetModule.slice(4)}${ext}`;
  if (style === "~db/" && targetModule.startsWith("db/")) return `~db/${targetModule.slice(3)}${ext}`;
  let relative = path.posix.relative(path.posix.dirname(fromNewFile), targetModule);
  // Inside app/, a path that leaves its folder reads better as the alias the project uses.
  if (relative.startsWith("../") && fromNewFile.startsWith("app/") && targetModule.startsWith("app/")) return `~/${targetModule.slice(4)}${ext}`;
  if (!relative.startsWith(".")) relative = `./${relative}`;
  return relative + ext;
}

function styleOf(specifier) {
  if (specifier.startsWith("~/")) return "~/";
  if (specifier.startsWith("~db/")) return "~db/";
  return "relative";
}

/** Every string literal that is a module specifier in the file. */
function specifierNodes(file, text) {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : file.endsWith(".ts") || file.endsWith(".mts") ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found = [];
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
      found.push(node.moduleSpecifier);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) found.push(node.argument.literal);
    else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression.getText(source);
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword || ["require", "vi.mock", "vi.doMock", "vi.importActual", "vi.unmock"].includes(callee))
        found.push(node.arguments[0]);
    } else if (ts.isExternalModuleReference(node) && ts.isStringLiteral(node.expression)) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((literal) => ({ start: literal.getStart(source) + 1, end: literal.getEnd() - 1, text: literal.text }));
}

// 2. Rewrite specifiers in every scanned file, as seen from where the file will be.
const codeFiles = [
  ...SCAN_DIRS.flatMap((dir) => walk(dir, (name) => /\.(tsx?|mts|mjs|js)$/.test(name) && !/\.d\.ts$/.test(name))),
  ...SCAN_FILES.filter(exists),
];
const newContents = new Map();
let rewritten = 0;
for (const file of codeFiles) {
  if (file.startsWith("scripts/codemods/")) continue;
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const newFile = fileMoves.get(file) ?? file;
  const edits = [];
  for (const spec of specifierNodes(file, text)) {
    const resolved = resolveSpecifier(spec.text, file);
    if (!resolved) continue;
    const movedTarget = activeMoves[resolved.target];
    // The current module path of a target that is not in the table (it may itself be moving).
    const targetModule = movedTarget ?? resolved.target;
    if (!movedTarget && newFile === file) continue;
    if (!movedTarget) {
      // Only this file moves: a relative import must be recomputed; aliases stay as they are.
      if (styleOf(spec.text) !== "relative") continue;
      const targetFile = fileOf(resolved.target) ?? [...fileMoves.keys()].find((f) => stripExt(f) === resolved.target);
      const finalTarget = targetFile && fileMoves.has(targetFile) ? stripExt(fileMoves.get(targetFile)) : targetModule;
      const next = specifierFor(finalTarget, newFile, "relative", resolved.ext);
      if (next !== spec.text) edits.push({ ...spec, next });
      continue;
    }
    const next = specifierFor(targetModule, newFile, styleOf(spec.text), resolved.ext);
    if (next !== spec.text) edits.push({ ...spec, next });
  }
  if (edits.length === 0) continue;
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.next + out.slice(edit.end);
  newContents.set(file, out);
  rewritten += edits.length;
}

// 3. Move the files (git mv keeps history), then write the rewritten contents at the new place.
for (const [from, to] of fileMoves) {
  console.log(`move  ${from} → ${to}`);
  if (DRY) continue;
  fs.mkdirSync(path.dirname(path.join(ROOT, to)), { recursive: true });
  execFileSync("git", ["mv", from, to], { cwd: ROOT, stdio: "inherit" });
}
for (const [file, text] of newContents) {
  if (DRY) continue;
  fs.writeFileSync(path.join(ROOT, fileMoves.get(file) ?? file), text);
}

// 4. Mentions of the old file names in comments and docs.
const mentionRules = Object.entries(activeMoves)
  .sort(([a], [b]) => b.length - a.length)
  .flatMap(([from, to]) => {
    const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const name = from.slice("app/".length);
    const rules = [];
    // app/lib/money.ts → app/domain/money.ts (with whatever extension the mention has).
    rules.push([new RegExp(`(?<![\\w/-])${literal(from)}(\\.(?:tsx?|mjs|js))(?![\\w-])`, "g"), (_m, ext) => `${to}${ext}`]);
    // ~/lib/money (not ~/lib/money-format, not ~/lib/money.test) → ~/domain/money.
    if (to.startsWith("app/")) rules.push([new RegExp(`~/${literal(name)}(?![\\w.-])`, "g"), () => `~/${to.slice(4)}`]);
    return rules;
  });
const textFiles = [...TEXT_DIRS.flatMap((dir) => walk(dir, (name) => /\.(tsx?|mts|mjs|js|md|css)$/.test(name))), ...TEXT_FILES.filter(exists)].filter(
  (file) => !TEXT_SKIP.some((skip) => skip.test(file)),
);
let mentions = 0;
for (const file of new Set(textFiles.map((f) => (DRY ? f : (fileMoves.get(f) ?? f))))) {
  const abs = path.join(ROOT, file);
  if (!fs.existsSync(abs)) continue;
  const text = fs.readFileSync(abs, "utf8");
  let out = text;
  for (const [pattern, replace] of mentionRules) {
    out = out.replace(pattern, (...args) => {
      mentions++;
      return replace(...args);
    });
  }
  if (out !== text && !DRY) fs.writeFileSync(abs, out);
}

const stale = TEXT_SKIP.length
  ? walk("docs", (n) => n === "guarantees.md").filter((f) =>
      Object.keys(activeMoves).some((from) => fs.readFileSync(path.join(ROOT, f), "utf8").includes(`${from}.`)),
    )
  : [];
console.log(`${fileMoves.size} files moved, ${rewritten} specifiers rewritten, ${mentions} mentions updated${DRY ? " (dry run: nothing written)" : ""}`);
if (stale.length) console.log(`old paths still named in ${stale.join(", ")} (left for the lead)`);
for (const problem of problems) console.error(`CONFLICT ${problem}`);
process.exit(problems.length ? 1 : 0);
