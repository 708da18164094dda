// The benchmark's table, growth ratios and the issue's targets, printed and returned as the
// JSON record (tests/bench/last-run.json).
import os from "node:os";
import type { Measurement } from "./harness";
import { JS_BUDGET_KB, type JsSize } from "./js-size";

export interface PageResult {
  label: string;
  /** "measured", or why not: "missing", "not built yet", "preflight answered 500"… */
  status: string;
  /** By connection count. */
  runs: Record<number, Measurement>;
  /** The page's HTML, gzipped, and the messages JSON block in it. */
  document?: { htmlGzipBytes: number; messagesGzipBytes: number };
}

export interface EngineResult {
  engine: "postgres" | "pglite";
  seeds: Record<string, { companies: number; months: number; elapsedMs: number; rows: Record<string, number> }>;
  pages: Record<string, PageResult>;
  loadAverage: { before: number; after?: number };
}

interface Meta {
  jsSize: JsSize | null;
  /** Gzipped JavaScript of the other pages, by page key. */
  otherJs: Record<string, number>;
  /** Every main page's gzipped JavaScript (null: not in the build), each held to the budget. */
  mainPagesJs: { name: string; gzipBytes: number | null }[];
  portfolioRoute: string | null;
  options: { duration: number; warmup: number; companies: number; months: number; small: number; short: number };
  postgresVersion: string;
  elapsedS: number;
}

const ORDER = ["baseline", "healthz", "portfolio", "company", "submit", "share", "portfolioSmall", "portfolioShort"];
const fmt = (n: number | undefined, digits = 1) => (n === undefined || Number.isNaN(n) ? "–" : n.toFixed(digits));
const pad = (v: string, n: number, left = false) => (left ? v.padEnd(n) : v.padStart(n));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? undefined : a / b);

function growth(result: EngineResult) {
  const median = (key: string) => result.pages[key]?.runs[1]?.median;
  return {
    companies: ratio(median("portfolio"), median("portfolioSmall")),
    months: ratio(median("portfolio"), median("portfolioShort")),
  };
}

function targets(result: EngineResult, mainPagesJs: Meta["mainPagesJs"]) {
  const p1 = result.pages.portfolio?.runs[1];
  const p8 = result.pages.portfolio?.runs[8];
  const c1 = result.pages.company?.runs[1];
  const g = growth(result);
  const check = (name: string, value: number | undefined, limit: number, unit: string, atLeast = false) => ({
    name,
    value: value === undefined ? null : Math.round(value * 100) / 100,
    limit,
    unit,
    met: value === undefined ? null : atLeast ? value >= limit : value <= limit,
  });
  return [
    check("portfolio median at 1 connection", p1?.median, 80, "ms"),
    check("portfolio p95 at 1 connection", p1?.p95, 150, "ms"),
    check("portfolio requests/s at 8 connections", p8?.perSecond, 30, "req/s", true),
    check("portfolio growth 1,000 vs 100 companies (median)", g.companies, 10, "×"),
    check("portfolio growth 60 vs 12 months (median)", g.months, 1.3, "×"),
    check("company dashboard median at 1 connection", c1?.median, 40, "ms"),
    ...mainPagesJs.map((page) =>
      check(`${page.name} page JavaScript, gzipped`, page.gzipBytes === null ? undefined : page.gzipBytes / 1024, JS_BUDGET_KB, "KB"),
    ),
  ];
}

export function printReport(results: EngineResult[], meta: Meta) {
  const baseline = (r: EngineResult) => r.pages.baseline?.runs[1]?.median;
  const lines: string[] = [];
  const header =
    pad("page", 16, true) +
    results.map((r) => ` │ ${pad(r.engine, 10, true)}${pad("median", 8)}${pad("p95", 8)}${pad("p99", 8)}${pad("req/s@8", 9)}${pad("×base", 7)}`).join("");
  lines.push(header, "─".repeat(header.length));
  for (const key of ORDER) {
    if (!results.some((r) => r.pages[key])) continue;
    let line = pad(key, 16, true);
    for (const r of results) {
      const page = r.pages[key];
      if (page?.status !== "measured") {
        line += ` │ ${pad(page?.status ?? "–", 50, true)}`;
        continue;
      }
      const one = page.runs[1];
      const eight = page.runs[8];
      line += ` │ ${pad("", 10)}${pad(fmt(one?.median, 2), 8)}${pad(fmt(one?.p95, 2), 8)}${pad(fmt(one?.p99, 2), 8)}${pad(fmt(eight?.perSecond), 9)}${pad(fmt(ratio(one?.median, baseline(r))), 7)}`;
    }
    lines.push(line);
  }
  console.log("");
  console.log(`Latency in ms at 1 connection (median, p95, p99); throughput at 8 connections; ×base = median ÷ the baseline's median.`);
  console.log(lines.join("\n"));
  console.log("");
  for (const key of ORDER) {
    const page = results.map((r) => r.pages[key]).find(Boolean);
    if (page) console.log(`  ${pad(key, 16, true)}${page.label}`);
  }
  for (const r of results) {
    const statuses = Object.entries(r.pages)
      .filter(([, p]) => p.status === "measured")
      .map(
        ([k, p]) =>
          `${k} ${Object.values(p.runs)
            .map((m) =>
              Object.entries(m.statuses)
                .map(([s, n]) => `${s}×${n}`)
                .join("+"),
            )
            .join(" / ")}`,
      );
    console.log(`  ${r.engine} statuses (1 / 8 connections): ${statuses.join("; ")}`);
  }
  console.log("");
  for (const r of results) {
    const g = growth(r);
    console.log(
      `Growth (${r.engine}, portfolio median): ${meta.options.companies} vs ${meta.options.small} companies ${fmt(g.companies, 2)}× (target ≤ 10×); ${meta.options.months} vs ${meta.options.short} months ${fmt(g.months, 2)}× (target ≤ 1.3×).`,
    );
  }
  if (meta.jsSize) {
    console.log(
      `Portfolio page JavaScript (${meta.portfolioRoute}): ${meta.jsSize.files} files, ${fmt(meta.jsSize.rawBytes / 1024)} KB raw, ${fmt(meta.jsSize.gzipBytes / 1024)} KB gzipped (${fmt(meta.jsSize.lazyGzipBytes / 1024)} KB of it loaded by import() after the first render). Largest: ${meta.jsSize.largest.map((f) => `${f.file.replace("/build/", "")} ${fmt(f.gzipBytes / 1024)} KB`).join(", ")}.`,
    );
  } else console.log("Portfolio page JavaScript: the route is not in this build.");
  const others = Object.entries(meta.otherJs).map(([k, bytes]) => `${k} ${fmt(bytes / 1024)} KB`);
  if (others.length) console.log(`Other pages' JavaScript, gzipped, same counting: ${others.join(", ")}.`);
  const documents = Object.entries(results[0]?.pages ?? {})
    .filter(([, page]) => page.document)
    .map(([key, page]) => `${key} ${fmt(page.document!.htmlGzipBytes / 1024)} KB (messages ${fmt(page.document!.messagesGzipBytes / 1024)} KB)`);
  if (documents.length) console.log(`HTML per page, gzipped, with the messages JSON it carries instead of a catalogue: ${documents.join(", ")}.`);
  for (const r of results) {
    for (const [key, seed] of Object.entries(r.seeds)) {
      const total = Object.values(seed.rows).reduce((a, b) => a + b, 0);
      console.log(`Seed (${r.engine}, ${key}): ${seed.companies} × ${seed.months} → ${total.toLocaleString("en")} rows in ${fmt(seed.elapsedMs / 1000)} s.`);
    }
  }
  console.log("");
  const checked = results.map((r) => ({ engine: r.engine, targets: targets(r, meta.mainPagesJs) }));
  for (const { engine, targets: list } of checked) {
    console.log(`Targets (${engine}):`);
    for (const t of list)
      console.log(
        `  ${t.met === null ? "n/a " : t.met ? "MET " : "MISS"}  ${t.name}: ${t.value === null ? "not measured" : `${t.value} ${t.unit}`} (target ${t.unit === "req/s" ? "≥" : "≤"} ${t.limit} ${t.unit})`,
      );
  }
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres: meta.postgresVersion,
    loadAverage1m: results.map((r) => ({ engine: r.engine, ...r.loadAverage })),
    note: "app server (one Node process), PostgreSQL and autocannon share this machine",
  };
  console.log(
    `\nMachine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.postgres}; whole run ${meta.elapsedS} s; 1-min load average ${results.map((r) => `${r.engine} ${fmt(r.loadAverage.before, 2)}→${fmt(r.loadAverage.after, 2)}`).join(", ")}.`,
  );
  return {
    date: new Date().toISOString(),
    machine,
    options: meta.options,
    jsSize: meta.jsSize,
    otherJs: meta.otherJs,
    portfolioRoute: meta.portfolioRoute,
    engines: results.map((r) => ({ ...r, growth: growth(r) })),
    targets: checked,
  };
}
