import type { MetricDirection, MetricRollupKind, MetricUnit } from "~/domain/metric";

/** What a person defines about a custom metric (the define and edit forms, the model's input). */
export interface MetricDefinitionFields {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: MetricUnit;
  direction: MetricDirection;
  rollup: MetricRollupKind;
}

/** A custom metric as the pages and cards show it (app/models/metric.server.ts fills it). */
export interface MetricView extends MetricDefinitionFields {
  id: string;
  /** Oldest first; exact decimal strings. */
  values: { month: string; value: string }[];
}
