import type { MetricBenchmark, QuartilePosition } from "~/finance";
import type { MetricUnit } from "~/domain/metric";

/** A company against its portfolio peers; never a peer's name, id or single value. */
export interface CompanyBenchmarks {
  /** The company's latest reported month (its figures are as of it); null before its first report. */
  asOf: string | null;
  metrics: MetricBenchmark[];
  /** The company itself is not burning, so it has no runway to place. */
  companyNotBurning: boolean;
  /** Peers left out of the runway quartiles because they are not burning; only said when those quartiles are shown. */
  notBurningPeers: number | null;
  customMetrics: CustomMetricBenchmark[];
}

/**
 * A custom metric of the company (decision 024) against the peers that report the same key,
 * in the same unit (and, for money, the same currency) for the same month. Figures are
 * decimal strings; quartiles are null under 5 peers (the same floor as the built-in ones).
 */
export interface CustomMetricBenchmark {
  key: string;
  nameEn: string;
  nameZh: string;
  unit: MetricUnit;
  /** The company's latest month with a value; the peers are compared in that month. */
  month: string;
  value: string;
  peers: { p25: string; median: string; p75: string; cohortSize: number } | null;
  position: QuartilePosition | null;
}
