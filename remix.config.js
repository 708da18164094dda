/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // The db client and drivers are runtime dependencies, not bundled.
  serverDependenciesToBundle: [],
  tailwind: true,
  postcss: true,
  watchPaths: ["./db/**/*"],
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
};
