import type { MetricUnit } from "~/domain/metric";
import { intlLocale, type Locale } from "./locales";
import { records_metric_format_duration } from "~/paraglide/messages/records_metric_format_duration.js";
import { records_metric_format_ratio } from "~/paraglide/messages/records_metric_format_ratio.js";
import { translate } from "./translate";

// Intl objects are costly to build (a page of metric cards formats hundreds of values): one per
// locale, unit and currency.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, currency: string | null): Intl.NumberFormat {
  const id = `${locale}|${currency ?? ""}`;
  let format = formats.get(id);
  if (!format) {
    format = currency
      ? new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 6 })
      : new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 6 });
    formats.set(id, format);
  }
  return format;
}

/**
 * A metric's exact decimal string for display: grouped, every stored decimal kept (Intl
 * formats the string itself, never a float of it), with the unit — "$1,234.5", "62.5%",
 * "1.8×", "1,200 h". Currency metrics are in the org's base currency (decision 024).
 */
export function formatMetricValue(locale: Locale, value: string | null | undefined, unit: MetricUnit, currency: string): string {
  if (value === null || value === undefined || value === "") return "—";
  // Intl.NumberFormat formats a decimal string exactly (ES2023); the cast is for older type libs.
  const exact = value as unknown as number;
  if (unit === "currency") {
    return numberFormat(locale, currency).format(exact);
  }
  const plain = numberFormat(locale, null).format(exact);
  if (unit === "percent") return `${plain}%`;
  if (unit === "ratio") return translate(locale, records_metric_format_ratio, { value: plain });
  if (unit === "duration") return translate(locale, records_metric_format_duration, { value: plain });
  return plain;
}

/** The metric's name in the reader's language. */
export function metricName(locale: Locale, metric: { nameEn: string; nameZh: string }): string {
  return locale === "zh-CN" ? metric.nameZh : metric.nameEn;
}
