// BUILD_DIR lets parallel checkouts/tests build side by side without clobbering `build/`.
const buildDir = process.env.BUILD_DIR ?? "build";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverBuildPath: `${buildDir}/index.js`,
  assetsBuildDirectory: process.env.BUILD_DIR ? `${buildDir}/public/build` : "public/build",
  // The db client and drivers are runtime dependencies, not bundled.
  serverDependenciesToBundle: [],
  tailwind: true,
  postcss: true,
  watchPaths: ["./db/**/*"],
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
};
