// Decision 033: every route module with a page (and the root) imports app/page-kit.ts first, so the modules most
// pages use reach the browser as one file. A route that forgets it splits the kit again: each of
// its primitives becomes its own chunk for every page (tests/integration/browser-bundle.test.ts
// sees the result in the build; this test names the route).
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/browser-safety";

const KIT = "~/page-kit";

function hasDefaultExport(source: ts.SourceFile): boolean {
  return source.statements.some((statement) => {
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    const isDefault = modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) && modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
    if (isDefault || ts.isExportAssignment(statement)) return true;
    return (
      ts.isExportDeclaration(statement) &&
      !!statement.exportClause &&
      ts.isNamedExports(statement.exportClause) &&
      statement.exportClause.elements.some((element) => element.name.text === "default")
    );
  });
}

/** What is wrong with a route module's imports, or null: a page must import the kit, first. */
function kitProblem(file: string, text: string): string | null {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  if (!hasDefaultExport(source)) return null;
  const imports = source.statements.filter(ts.isImportDeclaration);
  const first = imports[0];
  const isKit = (node: ts.ImportDeclaration) => ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === KIT && !node.importClause;
  if (first && isKit(first)) return null;
  const name = path.relative(ROOT, file);
  return imports.some(isKit) ? `${name} imports ${KIT}, but not first` : `${name} has a page and does not import ${KIT}`;
}

describe("the page kit", () => {
  it("is the first import of every route module with a page, and of the root", () => {
    const routes = fs
      .readdirSync(path.join(ROOT, "app/routes"))
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
      .map((file) => path.join(ROOT, "app/routes", file));
    const modules = [path.join(ROOT, "app/root.tsx"), ...routes];
    const pages = modules.filter((file) =>
      hasDefaultExport(ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)),
    );
    expect(pages.length).toBeGreaterThan(50);
    expect(modules.map((file) => kitProblem(file, fs.readFileSync(file, "utf8"))).filter(Boolean)).toEqual([]);
  });

  it("catches a page without it and one that imports it late, and leaves resource routes alone", () => {
    const file = path.join(ROOT, "app/routes/example.tsx");
    expect(kitProblem(file, `import { json } from "@remix-run/node";\nexport default function Page() { return null; }`)).toBe(
      "app/routes/example.tsx has a page and does not import ~/page-kit",
    );
    expect(kitProblem(file, `import { json } from "@remix-run/node";\nimport "~/page-kit";\nexport default function Page() { return null; }`)).toBe(
      "app/routes/example.tsx imports ~/page-kit, but not first",
    );
    expect(kitProblem(file, `import "~/page-kit";\nimport { json } from "@remix-run/node";\nconst Page = () => null;\nexport default Page;`)).toBeNull();
    expect(kitProblem(file, `import { json } from "@remix-run/node";\nexport async function loader() { return json({}); }`)).toBeNull();
  });
});
