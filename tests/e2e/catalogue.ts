/**
 * The catalogues' texts by key for the e2e tests: `en["layout.language"]` reads message
 * `layout_language` of app/i18n/messages/en.json (plain texts only; plurals are objects).
 */
import { readFileSync } from "node:fs";

function texts(locale: string): Record<string, string> {
  const json = JSON.parse(readFileSync(new URL(`../../app/i18n/messages/${locale}.json`, import.meta.url), "utf8")) as Record<string, unknown>;
  return new Proxy({} as Record<string, string>, {
    get: (_target, key) => {
      const text = typeof key === "string" ? json[key.replace(/\./g, "_")] : undefined;
      if (typeof text !== "string") throw new Error(`No plain message for ${String(key)} in ${locale}`);
      return text;
    },
  });
}

export const en = texts("en");
export const zh = texts("zh-CN");
