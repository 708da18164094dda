import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findBrowserUsesOfServerValues, ROOT } from "../support/browser-safety";

function browserBundledFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return browserBundledFiles(full);
    if (!/\.(ts|tsx)$/.test(entry.name) || /\.server\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [full];
  });
}

/*
 * Components and shared (non-.server) modules may not import a .server module for a value at
 * all: the rule "no-server-module-in-browser-code" in .dependency-cruiser.cjs says so
 * (`npm run lint:arch`). Route modules and root.tsx may — their loader and action run on the
 * server — so what this test adds is the finer check a dependency graph cannot make: the value
 * is used only inside loader/action, never in the component, meta or a module-level constant.
 */
describe("values from .server modules never reach browser code", () => {
  it("no route module (or root) uses one outside loader/action", () => {
    const problems = [...browserBundledFiles(path.join(ROOT, "app/routes")), path.join(ROOT, "app/root.tsx")].flatMap((file) =>
      findBrowserUsesOfServerValues(file, fs.readFileSync(file, "utf8")),
    );
    expect(problems).toEqual([]);
  });

  it("catches the two mistakes this project has made", () => {
    const route = path.join(ROOT, "app/routes/example.tsx");
    const moduleLevel = `import { z } from "zod";
import { REPORT_TEXT_MAX } from "~/models/report.server";
const Schema = z.string().max(REPORT_TEXT_MAX);
export async function action() { return Schema; }
export default function Page() { return null; }`;
    const inComponent = `import { budgetCellName, listBudgets } from "~/models/budget.server";
export async function loader() { return listBudgets(); }
export default function Page() { return budgetCellName("2026-01", "compute"); }`;
    const fine = `import { listBudgets, type Row } from "~/models/budget.server";
function load() { return listBudgets(); }
export async function loader() { return load(); }
export default function Page(props: { rows: Row[]; all: ReturnType<typeof listBudgets> }) { return null; }`;
    expect(findBrowserUsesOfServerValues(route, moduleLevel)).toHaveLength(1);
    expect(findBrowserUsesOfServerValues(route, inComponent)).toEqual([expect.stringContaining("budgetCellName")]);
    expect(findBrowserUsesOfServerValues(route, fine)).toEqual([]);
  });
});
