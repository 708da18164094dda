import type { MetricDirection, MetricRollupKind, MetricUnit } from "~/domain/metric";

/** A custom metric as the pages and cards show it (app/models/metric.server.ts fills it). */
export interface MetricView {
  id: string;
  key: string;
  nameEn: string;
  nameZh: string;
  unit: MetricUnit;
  direction: MetricDirection;
  rollup: MetricRollupKind;
  /** Oldest first; exact decimal strings. */
  values: { month: string; value: string }[];
}
