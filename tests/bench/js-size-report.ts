// `npm run bench:js`: the JavaScript (gzipped) each main page downloads, against the 200 KB
// budget — the same measure the bench runs, without starting a server. Exits 1 when a page is
// over the budget or missing from the build. Needs a build (`npm run build`).
import { budgetLines, JS_BUDGET_KB, mainPageSizes, readManifest } from "./js-size";

const ASSETS = process.env.BUILD_DIR ? `${process.env.BUILD_DIR}/public/build` : "public/build";
const pages = mainPageSizes(ASSETS, readManifest(ASSETS));
const lines = budgetLines(pages.map((p) => ({ name: p.name, gzipBytes: p.size?.gzipBytes ?? null })));
for (const [i, line] of lines.entries()) {
  const page = pages[i];
  const size = page?.size;
  const verdict = line.met === null ? "MISSING" : line.met ? "ok" : "OVER";
  const detail = size
    ? `${line.kb} KB (${(size.lazyGzipBytes / 1024).toFixed(1)} KB of it by import() after the first render), ${size.files} files; largest ${size.largest
        .slice(0, 3)
        .map((f) => `${f.file.replace("/build/", "")} ${(f.gzipBytes / 1024).toFixed(1)} KB`)
        .join(", ")}`
    : "route not in this build";
  console.log(`${verdict.padEnd(7)} ${line.name.padEnd(44)} ${page?.routeId ?? ""}\n        ${detail}`);
}
const failing = lines.filter((l) => l.met !== true);
console.log(
  failing.length ? `\n${failing.length} page(s) over the ${JS_BUDGET_KB} KB budget or missing.` : `\nEvery main page is within ${JS_BUDGET_KB} KB gzipped.`,
);
process.exit(failing.length ? 1 : 0);
