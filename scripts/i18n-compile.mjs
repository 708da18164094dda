/**
 * Compiles the message catalogues (app/i18n/messages/<locale>.json) into app/paraglide with
 * Paraglide JS — generated, never committed (app/paraglide/.gitignore). `npm run build`,
 * `typecheck` and `test:unit` run it first; it skips the work when the catalogues and settings
 * are unchanged since the last compile (a hash kept in app/paraglide/.source-hash).
 * Offline: the inlang plugin is loaded from node_modules (project.inlang/settings.json).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { compile } from "@inlang/paraglide-js";

const OUT = "./app/paraglide";
const inputs = [
  "project.inlang/settings.json",
  ...readdirSync("app/i18n/messages")
    .filter((f) => f.endsWith(".json"))
    .map((f) => `app/i18n/messages/${f}`),
];
const hash = createHash("sha256");
for (const file of inputs.sort()) hash.update(file).update(readFileSync(file));
const digest = hash.digest("hex");
const stamp = `${OUT}/.source-hash`;
if (existsSync(stamp) && readFileSync(stamp, "utf8") === digest && existsSync(`${OUT}/messages.js`)) process.exit(0);
await compile({
  project: "./project.inlang",
  outdir: OUT,
  // The locale is always passed explicitly (t() binds the request's locale): no cookie, URL or
  // AsyncLocalStorage detection in the runtime.
  strategy: ["baseLocale"],
  disableAsyncLocalStorage: true,
  emitReadme: false,
});
writeFileSync(stamp, digest);
