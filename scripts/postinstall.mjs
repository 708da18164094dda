// `npm install` / `npm ci` run this: patch-package applies patches/ (decision 033).
//
// The only patch is to Remix's compiler, a build tool: an install without dev dependencies
// (`npm ci --omit=dev` for a server that runs a build made elsewhere) has neither it nor
// patch-package, and nothing to patch. Anywhere else a patch that no longer applies fails the
// install, rather than the build quietly shipping empty chunks again.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
try {
  require.resolve("@remix-run/dev/package.json");
} catch {
  process.exit(0);
}
const result = spawnSync(process.execPath, [require.resolve("patch-package/index.js"), "--error-on-fail"], { stdio: "inherit" });
process.exit(result.status ?? 1);
