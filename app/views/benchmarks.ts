import type { MetricBenchmark } from "~/finance";

/** A company against its portfolio peers; never a peer's name, id or single value. */
export interface CompanyBenchmarks {
  /** The company's latest reported month (its figures are as of it); null before its first report. */
  asOf: string | null;
  metrics: MetricBenchmark[];
  /** The company itself is not burning, so it has no runway to place. */
  companyNotBurning: boolean;
  /** Peers left out of the runway quartiles because they are not burning; only said when those quartiles are shown. */
  notBurningPeers: number | null;
}
