import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { translate, type PlainKey } from "~/i18n/translate";

/**
 * A table of message keys read in one language: `labelsIn(KEYS)` gives the English labels
 * that CSV exports and not-yet-translated screens still use; pages call t(KEYS[value]).
 */
export function labelsIn<K extends string | number>(keys: Record<K, PlainKey>, locale: Locale = DEFAULT_LOCALE): Record<K, string> {
  return Object.fromEntries(Object.entries(keys).map(([value, key]) => [value, translate(locale, key as PlainKey)])) as Record<K, string>;
}
