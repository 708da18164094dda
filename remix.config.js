// BUILD_DIR lets parallel checkouts/tests build side by side without clobbering `build/`.
// An empty BUILD_DIR, or "build", means the default layout.
const customDir = process.env.BUILD_DIR && process.env.BUILD_DIR !== "build" ? process.env.BUILD_DIR : undefined;
const buildDir = customDir ?? "build";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverBuildPath: `${buildDir}/index.js`,
  assetsBuildDirectory: customDir ? `${customDir}/public/build` : "public/build",
  // The db client and drivers are runtime dependencies, not bundled.
  serverDependenciesToBundle: [],
  tailwind: true,
  postcss: true,
  watchPaths: ["./db/**/*"],
  future: { v3_fetcherPersist: true, v3_lazyRouteDiscovery: true, v3_relativeSplatPath: true, v3_throwAbortReason: true },
};
