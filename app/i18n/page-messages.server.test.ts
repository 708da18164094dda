import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { keyCandidates } from "./areas";
import type { PageMessages } from "./browser-messages";
import { en, zh } from "./messages";
import { keysFor, pageMessagesJson, readBrowserManifest, type ManifestForMessages } from "./page-messages.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cd-page-messages-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, code: string) {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), code);
}

// A miniature build: minified-looking modules that use keys the ways real code does.
write("entry.client-A.js", `import"/build/_shared/chunk-R.js";`);
write("_shared/chunk-R.js", `export const x=1;`);
write("root-A.js", `import{a}from"/build/_shared/chunk-C.js";const e={404:["common.error.404.title","common.error.404.body"]};`);
write("_shared/chunk-C.js", `export function a(t){return t("common.unit.months",{count:2})}`);
write("routes/login-A.js", `import{a}from"/build/_shared/chunk-C.js";n("auth.login.submit");const k=\`investor.alerts.status.\${s}\`;import("/build/_shared/lazy-L.js");`);
write("_shared/lazy-L.js", `t("admin.members.title")`);
const manifest: ManifestForMessages = {
  version: "0a1b2c3d",
  entry: { module: "/build/entry.client-A.js", imports: ["/build/_shared/chunk-R.js"] },
  routes: {
    root: { module: "/build/root-A.js", imports: ["/build/_shared/chunk-C.js"] },
    "routes/login": { module: "/build/routes/login-A.js" },
  },
};

const parse = (text: string) => JSON.parse(text) as PageMessages;

describe("the messages a page's code uses", () => {
  it("finds keys, plural bases and a template's fixed start in code", () => {
    const candidates = keyCandidates(`t("auth.login.submit");t('common.unit.months',{count:1});\`investor.alerts.status.\${k}\`;"not.a.key";"records.nope"`);
    expect(candidates).toEqual(["auth.login.submit", "common.unit.months", "investor.alerts.status.", "records.nope"]);
    const keys = keysFor(candidates);
    expect(keys.has("auth.login.submit")).toBe(true);
    expect(keys.has("common.unit.months.one") && keys.has("common.unit.months.other")).toBe(true);
    const alertKinds = Object.keys(en).filter((k) => k.startsWith("investor.alerts.status."));
    expect(alertKinds.length).toBeGreaterThan(3);
    for (const key of alertKinds) expect(keys.has(key)).toBe(true);
    expect([...keys].some((k) => k.startsWith("records.nope"))).toBe(false);
    // A message ref stands for its key and the keys named inside it.
    expect(keyCandidates(JSON.stringify({ error: 'common.validation.required#{"field":"records.round.field.amount"}' }))).toEqual([
      "common.validation.required",
      "records.round.field.amount",
    ]);
  });

  it("gives a page the keys of its routes' modules and static imports, in its language, and nothing else", () => {
    const page = parse(pageMessagesJson(dir, manifest, "zh-CN", ["root", "routes/login"]));
    expect(page.locale).toBe("zh-CN");
    expect(page.routes).toEqual(["root", "routes/login"]);
    expect(page.messages["auth.login.submit"]).toBe(zh["auth.login.submit"]);
    expect(page.messages["common.error.404.title"]).toBe(zh["common.error.404.title"]);
    expect(page.messages["common.unit.months.other"]).toBe(zh["common.unit.months.other"]);
    // Loaded by import() after the first render: not the page's own text.
    expect(page.messages["admin.members.title"]).toBeUndefined();
    expect(Object.keys(page.messages).length).toBeLessThan(40);

    const rootOnly = parse(pageMessagesJson(dir, manifest, "en", ["root"]));
    expect(rootOnly.messages["auth.login.submit"]).toBeUndefined();
    expect(rootOnly.messages["common.error.404.body"]).toBe(en["common.error.404.body"]);
  });

  it("adds keys that arrive as data, and escapes '<' so the JSON can sit in a script element", () => {
    const page = parse(pageMessagesJson(dir, manifest, "en", ["root"], keysFor(["records.round.rule.preMoney"])));
    expect(page.messages["records.round.rule.preMoney"]).toBe(en["records.round.rule.preMoney"]);
    const withTag = Object.entries(en).find(([, text]) => text.includes("<"));
    if (withTag) expect(pageMessagesJson(dir, manifest, "en", ["root"], new Set([withTag[0]]))).not.toContain("<");
    expect(pageMessagesJson(dir, manifest, "en", ["root"], new Set(["common.appName"]))).toContain('"common.appName":"Capital Desk"');
  });

  it("reads a build's browser manifest by version, and nothing for a version that is not one", () => {
    write(`manifest-0A1B2C3D.js`, `window.__remixManifest=${JSON.stringify(manifest)};`);
    expect(readBrowserManifest(dir, "0a1b2c3d")?.routes["routes/login"]?.module).toBe("/build/routes/login-A.js");
    expect(readBrowserManifest(dir, "ffffffff")).toBeNull();
    expect(readBrowserManifest(dir, "../../etc")).toBeNull();
  });
});
