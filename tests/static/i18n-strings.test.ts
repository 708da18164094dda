import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/browser-safety";
import { findUntranslatedText } from "../support/untranslated-text";

/**
 * Every page and component must show its text through t() (docs/i18n.md). The check runs on
 * every .tsx file under app/routes and app/components, so a new file is covered the moment it
 * exists; files still being converted are listed per area in tests/static/i18n-pending/*.txt —
 * remove a file's line when it is converted (and the area file when it is empty).
 */
function tsxFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return tsxFiles(rel);
    return entry.name.endsWith(".tsx") ? [rel] : [];
  });
}
const PENDING_DIR = path.join(ROOT, "tests/static/i18n-pending");
const PENDING_FILES = new Set(
  (fs.existsSync(PENDING_DIR) ? fs.readdirSync(PENDING_DIR) : [])
    .filter((name) => name.endsWith(".txt"))
    .flatMap((name) => fs.readFileSync(path.join(PENDING_DIR, name), "utf8").split("\n"))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#")),
);
const CONVERTED_FILES = ["app/root.tsx", ...tsxFiles("app/routes"), ...tsxFiles("app/components")].filter((file) => !PENDING_FILES.has(file));

describe("converted pages show no text outside t()", () => {
  it.each(CONVERTED_FILES)("%s", (file) => {
    const full = path.join(ROOT, file);
    expect(findUntranslatedText(full, fs.readFileSync(full, "utf8"))).toEqual([]);
  });

  it("every pending file exists (a renamed file must not silently drop out of the check)", () => {
    expect([...PENDING_FILES].filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
  });

  it("catches hard-coded text and lets translated text through", () => {
    const file = path.join(ROOT, "app/routes/example.tsx");
    const bad = `export const meta = () => [{ title: "Budgets · Capital Desk" }];
const nav = [{ to: "/x", label: "Budgets" }];
export default function Page({ ok, n }: { ok: boolean; n: number }) {
  return (
    <main>
      <h1>Budgets</h1>
      <p>{ok ? "Saved" : "Not saved"}</p>
      <p>{ok && "Done"}</p>
      <input placeholder="Search" aria-label={\`Row \${n}\`} />
      <Field label="Email" name="email" />
    </main>
  );
}`;
    const good = `import { useT } from "~/i18n";
export const meta = ({ matches }) => [metaTitle(matches, "auth.login.metaTitle")];
const nav = [{ to: "/x", label: "layout.nav.budgets" }];
export default function Page({ kind, n }: { kind: string; n: number }) {
  const t = useT();
  return (
    <main className="mx-auto flex">
      <h1>{t("layout.nav.budgets")}</h1>
      <p>{kind === "startup" ? t("common.state.yes") : t("common.state.no")} · {n} — {"…"}</p>
      <a href={\`/signup?redirectTo=\${encodeURIComponent("/x")}\`} className={\`px-2 \${kind}\`}>{t("auth.login.createAccount")}</a>
      <Field label={t("auth.field.email")} name="email" type="email" autoComplete="email" />
      <span>Capital Desk</span> {/* i18n-exempt: brand in a test sample */}
    </main>
  );
}`;
    expect(findUntranslatedText(file, bad).map((p) => p.replace(/^.*?:\d+: /, ""))).toEqual([
      "Budgets · Capital Desk",
      "Budgets",
      "Budgets",
      "Saved",
      "Not saved",
      "Done",
      "Search",
      "Row",
      "Email",
    ]);
    expect(findUntranslatedText(file, good)).toEqual([]);
  });
});
