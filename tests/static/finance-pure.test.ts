import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/browser-safety";

/**
 * The finance engine is pure (issue #14, "Finance is pure"): figures in, figures and codes out.
 * It imports nothing outside app/finance — no translator, no React, no models, no database, no
 * package — so it runs anywhere and its spec tests need nothing but itself. Words are added at
 * the edge (e.g. app/lib/alert-reasons.ts). Tests (*.test.ts) may reach outside: they check the
 * engine together with its edge. Until dependency-cruiser enforces the layers, this keeps it so.
 */
const FINANCE = path.join(ROOT, "app/finance");

function engineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return engineFiles(full);
    if (!/\.(ts|tsx)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [full];
  });
}

/**
 * Every module the file names — static and type-only imports, re-exports, import() and
 * require() — that is not a relative path inside app/finance, as "file: specifier".
 */
function importsOutsideFinance(file: string, source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((specifier) => {
      if (!specifier.startsWith("./") && !specifier.startsWith("../")) return true;
      const target = path.resolve(path.dirname(file), specifier);
      return target !== FINANCE && !target.startsWith(FINANCE + path.sep);
    })
    .map((specifier) => `${path.relative(ROOT, file)}: ${specifier}`);
}

describe("the finance engine imports nothing outside app/finance", () => {
  it("every non-test file in app/finance imports only its neighbours", () => {
    const files = engineFiles(FINANCE);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap((file) => importsOutsideFinance(file, fs.readFileSync(file, "utf8")))).toEqual([]);
  });

  it("catches each way out of the folder", () => {
    const file = path.join(FINANCE, "example.ts");
    const source = `import type { MessageKey } from "~/i18n/messages";
import { messageRef } from "~/i18n/translate";
import { useState } from "react";
import { orgs } from "~db/schema";
export { listAlerts } from "~/models/alert.server";
import { z } from "zod";
import { formatMoney } from "../lib/money-format";
const later = () => import("~/components/Table");
import { addMonths } from "./month";
export type { Month } from "./month";`;
    expect(importsOutsideFinance(file, source)).toEqual([
      "app/finance/example.ts: ~/i18n/messages",
      "app/finance/example.ts: ~/i18n/translate",
      "app/finance/example.ts: react",
      "app/finance/example.ts: ~db/schema",
      "app/finance/example.ts: ~/models/alert.server",
      "app/finance/example.ts: zod",
      "app/finance/example.ts: ../lib/money-format",
      "app/finance/example.ts: ~/components/Table",
    ]);
  });
});
