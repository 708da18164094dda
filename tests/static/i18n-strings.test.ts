import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/browser-safety";
import { findUntranslatedText } from "../support/untranslated-text";

/**
 * Files whose every user-facing text goes through t() (docs/i18n.md). When you convert a page
 * or component, add it here: from then on a hard-coded English text in it fails this test, and
 * the messages test fails when its key lacks Chinese (or English).
 */
export const CONVERTED_FILES = [
  "app/root.tsx",
  "app/routes/_index.tsx",
  "app/routes/o.$orgSlug.tsx",
  "app/routes/login.tsx",
  "app/routes/signup.tsx",
  "app/routes/logout.tsx",
  "app/routes/locale.tsx",
  "app/routes/orgs.new.tsx",
  "app/routes/account.password.tsx",
  "app/routes/invite.$token.tsx",
  "app/components/auth-shell.tsx",
  "app/components/language-switch.tsx",
  "app/components/ui/form.tsx",
  "app/components/ui/layout.tsx",
];

describe("converted pages show no text outside t()", () => {
  it.each(CONVERTED_FILES)("%s", (file) => {
    const full = path.join(ROOT, file);
    expect(findUntranslatedText(full, fs.readFileSync(full, "utf8"))).toEqual([]);
  });

  it("every file in the list exists (a renamed file must not silently drop out)", () => {
    expect(CONVERTED_FILES.filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
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
