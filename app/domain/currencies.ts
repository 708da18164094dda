/** Currencies offered in pickers; any ISO 4217 code is accepted by validation. */
export const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CNY", "HKD", "SGD", "JPY", "CAD", "CHF", "INR"] as const;

// Node and browsers both list the ISO 4217 codes they know; without that list, the shape decides.
const KNOWN_CURRENCIES = new Set(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : []);

/** A three-letter upper-case ISO 4217 code (as Intl knows them). */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (KNOWN_CURRENCIES.size === 0 || KNOWN_CURRENCIES.has(code));
}
