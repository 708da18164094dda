import type { Locale } from "~/i18n/locales";
import { metricName } from "~/i18n/metric-format";

/**
 * What a data request asks a company for, in the order every page names it: the month's report,
 * ARR when asked, then each custom metric by its name in the reader's language. The page gives
 * its own words for the first two.
 */
export function requestAsks(
  locale: Locale,
  asks: { arr: boolean; metrics: readonly { nameEn: string; nameZh: string }[] },
  words: { report: string; arr: string },
): string[] {
  return [words.report, ...(asks.arr ? [words.arr] : []), ...asks.metrics.map((metric) => metricName(locale, metric))];
}
