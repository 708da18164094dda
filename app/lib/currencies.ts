/** Currencies offered in pickers; any ISO 4217 code is accepted by validation. */
export const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "CNY", "HKD", "SGD", "JPY", "CAD", "CHF", "INR"] as const;
