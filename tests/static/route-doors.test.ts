// Issue #14, item 2: routes reach data only through a door — the tenant doors
// (app/auth/tenant.server.ts) or the system door (app/auth/system.server.ts) — and models.
// A route that opens the database itself (getDatabase, db/, drizzle-orm, a driver) would act
// outside any door, unseen. Type-only imports count too: a route has no business with tables.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/browser-safety";

const FORBIDDEN_MODULES = [/^~\/db\.server$/, /^~db(\/|$)/, /^(\.\.?\/)+(\.\.\/)*db(\/|$)/, /^drizzle-orm(\/|$)/, /^postgres$/, /^@electric-sql\/pglite(\/|$)/];

/** Every import, re-export and dynamic import() in a module that reaches the database directly. */
function databaseImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const problems: string[] = [];
  const check = (specifier: string, node: ts.Node) => {
    if (FORBIDDEN_MODULES.some((pattern) => pattern.test(specifier))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      problems.push(`${path.relative(ROOT, file)}:${line + 1} imports ${specifier}`);
    }
  };
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      check(node.moduleSpecifier.text, node);
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      check(node.arguments[0].text, node);
    }
    if (ts.isIdentifier(node) && node.text === "getDatabase") {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      problems.push(`${path.relative(ROOT, file)}:${line + 1} names getDatabase`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return problems;
}

function routeModules(): string[] {
  const dir = path.join(ROOT, "app/routes");
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(ts|tsx)$/.test(f));
  return [path.join(ROOT, "app/root.tsx"), ...files.map((f) => path.join(dir, f))];
}

describe("routes reach data only through a door", () => {
  it("no route module (root included) imports getDatabase, db/, drizzle-orm or a driver", () => {
    const files = routeModules();
    expect(files.length).toBeGreaterThan(40);
    const problems = files.flatMap((file) => databaseImports(file, fs.readFileSync(file, "utf8")));
    expect(problems).toEqual([]);
  });

  it("catches each way in", () => {
    const file = path.join(ROOT, "app/routes/example.tsx");
    const caught = (code: string) => databaseImports(file, code).length;
    expect(caught(`import { getDatabase } from "~/db.server";`)).toBe(2);
    expect(caught(`import { orgs } from "~db/schema";`)).toBe(1);
    expect(caught(`import type { Db } from "~db/client";`)).toBe(1);
    expect(caught(`import { eq } from "drizzle-orm";`)).toBe(1);
    expect(caught(`import { sql } from "drizzle-orm/sql";`)).toBe(1);
    expect(caught(`import { withSystem } from "../../db/tenant";`)).toBe(1);
    expect(caught(`export { orgs } from "~db/schema";`)).toBe(1);
    expect(caught(`export async function loader() { const { db } = await import("~/db.server"); return db; }`)).toBe(1);
    expect(caught(`import postgres from "postgres";`)).toBe(1);
    expect(caught(`import { systemContext } from "~/auth/system.server";\nimport { homePathFor } from "~/models/org.server";`)).toBe(0);
  });
});
