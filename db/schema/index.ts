export * from "./auth";
export * from "./tenancy";
export * from "./capital";
export * from "./investor";
export * from "./sharing";
export * from "./metrics";
export * from "./updates";
export * from "./requests";
