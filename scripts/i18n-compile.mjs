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
  // This script too: it rewrites the registry after compiling.
  "scripts/i18n-compile.mjs",
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
// Paraglide's registry builds a new Intl object (PluralRules, NumberFormat…) on every plural or
// formatted message it renders: over a millisecond a request on the portfolio's 50 rows. They
// are immutable, so keep one per kind, locale and options. A Paraglide upgrade that no longer
// builds them this way fails here rather than silently losing the cache.
const registry = `${OUT}/registry.js`;
const perCall = /new Intl\.(PluralRules|NumberFormat|DateTimeFormat|RelativeTimeFormat)\(locale, options\)/g;
const source = readFileSync(registry, "utf8");
if (!perCall.test(source)) throw new Error(`${registry}: Paraglide's formatters changed; update scripts/i18n-compile.mjs`);
writeFileSync(
  registry,
  `${source.replace(perCall, 'intlObject("$1", locale, options)')}
const intlObjects = new Map();
/** One Intl object per kind, locale and options (scripts/i18n-compile.mjs adds this). */
function intlObject(kind, locale, options) {
  const id = kind + "|" + locale + "|" + JSON.stringify(options ?? {});
  let made = intlObjects.get(id);
  if (!made) intlObjects.set(id, (made = new Intl[kind](locale, options)));
  return made;
}
`,
);
writeFileSync(stamp, digest);
