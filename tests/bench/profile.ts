// `npx tsx tests/bench/profile.ts [--database-url URL] [--page portfolio|company|<path>] [--requests 50]`
//
// Where a page's time goes in the server: starts the production server with --cpu-prof on an
// already seeded bench database (default cd_bench_1000x60, left by `npm run bench -- --keep`),
// requests the page one at a time, stops the server and prints the self time by package and by
// function, per request. Separate from `npm run bench` because profiling slows the server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { signIn, startServer } from "./harness";
import { DOCUMENT_HEADERS } from "./pages";
import { BENCH_INVESTOR, BENCH_PASSWORD } from "./seed";
import { companySlug } from "./generate";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (µs) by package (node_modules name, or our file) and by function. */
export function summariseProfile(profile: CpuProfile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)!.callFrame;
    const dt = profile.timeDeltas[i] ?? 0;
    const url = frame.url.replace(/^file:\/\//, "");
    const inModules = url.split("/node_modules/");
    const pkg =
      inModules.length > 1
        ? inModules
            .at(-1)!
            .split("/")
            .slice(0, inModules.at(-1)!.startsWith("@") ? 2 : 1)
            .join("/")
        : url
          ? path.basename(url)
          : frame.functionName;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + dt);
    const fn = `${frame.functionName || "(anonymous)"} ${url ? `${path.basename(url)}:${frame.lineNumber + 1}` : ""}`.trim();
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
  });
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .filter(([k]) => k !== "(idle)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  return { byPackage: top(byPackage, 12), byFunction: top(byFunction, 20) };
}

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const flag = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const url = flag("database-url") ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/cd_bench_1000x60";
  const page = flag("page") ?? "portfolio";
  const requests = Number(flag("requests") ?? 50);
  const pagePath =
    page === "portfolio" ? `/o/${BENCH_INVESTOR.slug}/portfolio` : page === "company" ? `/o/${BENCH_INVESTOR.slug}/companies/${companySlug(0)}` : page;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cd-bench-prof-"));
  const server = await startServer(root, { DATABASE_URL: url, BUILD_DIR: process.env.BUILD_DIR || "build" }, path.join(dir, "server.log"), [
    "--cpu-prof",
    `--cpu-prof-dir=${dir}`,
  ]);
  const cookie = await signIn(server.base, BENCH_INVESTOR.email, BENCH_PASSWORD);
  for (let i = 0; i < 5; i++) await (await fetch(server.base + pagePath, { headers: { ...DOCUMENT_HEADERS, Cookie: cookie } })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    const res = await fetch(server.base + pagePath, { headers: { ...DOCUMENT_HEADERS, Cookie: cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${pagePath} answered ${res.status}`);
    times.push(performance.now() - t);
  }
  await server.stop();
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const { byPackage, byFunction } = summariseProfile(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CpuProfile);
  const n = requests + 5 + 1; // + warm-up + sign-in, which the profile also holds
  times.sort((a, b) => a - b);
  console.log(
    `${pagePath}: ${requests} requests one at a time, median ${times[Math.floor(requests / 2)]!.toFixed(1)} ms (profiling on). Self time per request:`,
  );
  for (const [k, us] of byPackage) console.log(`  ${(us / 1000 / n).toFixed(2).padStart(7)} ms  ${k}`);
  console.log("Top functions, self time per request:");
  for (const [k, us] of byFunction) console.log(`  ${(us / 1000 / n).toFixed(2).padStart(7)} ms  ${k}`);
  console.log(`Profile: ${path.join(dir, file)} (open in Chrome DevTools → Performance).`);
}

main().catch((error) => {
  console.error(`[bench:profile] ${(error as Error).message}`);
  process.exitCode = 1;
});
