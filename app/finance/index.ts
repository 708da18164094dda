// Capital Desk money math: pure functions, integer minor units, `YYYY-MM` months.
export * from "./month";
export { assertMinorUnits, divideRounded, roundHalfAwayFromZero } from "./money";
export * from "./burn";
export * from "./runway";
export * from "./debt";
export * from "./forecast";
export * from "./metrics";
export * from "./risk";
export * from "./covenants";
export * from "./benchmarks";
export * from "./snapshot";
export * from "./company-metrics";
export * from "./fx";
export * from "./positions";
export * from "./metric-rollup";
