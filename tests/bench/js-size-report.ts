// `npx tsx tests/bench/js-size-report.ts`: the JavaScript (gzipped) each main page downloads,
// against the 200 KB budget — the same measure the bench runs, without starting a server.
import { readManifest, routeJsSize } from "./js-size";

const ASSETS = "public/build";
const PAGES = [
  "routes/login",
  "routes/o.$orgSlug._index",
  "routes/o.$orgSlug.portfolio._index",
  "routes/o.$orgSlug.reports.$month",
  "routes/o.$orgSlug.budgets._index",
  "routes/o.$orgSlug.audit",
];
const manifest = readManifest(ASSETS);
for (const id of PAGES) console.log(id.padEnd(40), JSON.stringify(routeJsSize(ASSETS, manifest, id)));
