// The pure half of `npm run bench:lighthouse`: medians of the runs, the targets of issue #15
// item 21, and the "Lighthouse" section it writes into docs/performance.md.

/** The figures kept from one Lighthouse run (its mobile preset, simulated throttling). */
export interface LighthouseFigures {
  /** Performance score, 0–100. */
  performance: number;
  cls: number;
  tbtMs: number;
  lcpMs: number;
}

export interface PageSummary {
  name: string;
  path: string;
  runs: LighthouseFigures[];
  median: LighthouseFigures;
}

/** Targets (issue #15 item 21): CLS below 0.1, TBT below 200 ms, performance 90 or more. */
export const TARGETS = { performance: 90, cls: 0.1, tbtMs: 200 } as const;

/** The median (the mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/** Each figure's median on its own (the runs' medians need not come from one run). */
export function medianFigures(runs: readonly LighthouseFigures[]): LighthouseFigures {
  return {
    performance: median(runs.map((r) => r.performance)),
    cls: median(runs.map((r) => r.cls)),
    tbtMs: median(runs.map((r) => r.tbtMs)),
    lcpMs: median(runs.map((r) => r.lcpMs)),
  };
}

/** Which targets a page's medians meet. */
export function targetsMet(m: LighthouseFigures) {
  return { performance: m.performance >= TARGETS.performance, cls: m.cls < TARGETS.cls, tbt: m.tbtMs < TARGETS.tbtMs };
}

/** Lighthouse's report as far as we read it: a category score and three audits' numeric values. */
export interface LighthouseResult {
  categories: { performance?: { score: number | null } };
  audits: Record<string, { numericValue?: number } | undefined>;
}

export function figuresOf(lhr: LighthouseResult): LighthouseFigures {
  const value = (id: string) => {
    const v = lhr.audits[id]?.numericValue;
    if (typeof v !== "number") throw new Error(`the Lighthouse report has no value for ${id}`);
    return v;
  };
  const score = lhr.categories.performance?.score;
  if (typeof score !== "number") throw new Error("the Lighthouse report has no performance score");
  return {
    performance: Math.round(score * 100),
    cls: value("cumulative-layout-shift"),
    tbtMs: value("total-blocking-time"),
    lcpMs: value("largest-contentful-paint"),
  };
}

export interface RunContext {
  date: Date;
  lighthouseVersion: string;
  chrome: string;
  machine: string;
  /** `uptime`'s load averages before and after (1, 5, 15 minutes). */
  loadBefore: readonly number[];
  loadAfter: readonly number[];
  runsPerPage: number;
}

const yesNo = (met: boolean) => (met ? "met" : "**missed**");
const loads = (l: readonly number[]) => l.map((n) => n.toFixed(2)).join(" / ");

/** The "## Lighthouse" section: what was run, under which load, the medians and the targets. */
export function lighthouseSection(pages: readonly PageSummary[], ctx: RunContext): string {
  const day = ctx.date.toISOString().slice(0, 10);
  const time = ctx.date.toISOString().slice(11, 16);
  const rows = pages.map(({ name, path, median: m }) => {
    const met = targetsMet(m);
    return `| ${name} (\`${path}\`) | ${m.performance} | ${m.cls.toFixed(3)} | ${Math.round(m.tbtMs)} | ${(m.lcpMs / 1000).toFixed(2)} s | ${yesNo(met.performance)} / ${yesNo(met.cls)} / ${yesNo(met.tbt)} |`;
  });
  const runs = pages.map(
    ({ name, runs: r }) =>
      `${name}: ${r.map((x) => `${x.performance} · CLS ${x.cls.toFixed(3)} · TBT ${Math.round(x.tbtMs)} ms · LCP ${(x.lcpMs / 1000).toFixed(2)} s`).join("; ")}`,
  );
  return [
    "## Lighthouse",
    "",
    `\`npm run bench:lighthouse\` (after \`npm run build\`): the built server on a fresh embedded demo database, signed in as the`,
    "demo founder and investor, Lighthouse's mobile preset (simulated 4× slower CPU and a slow 4G network), performance only,",
    `${ctx.runsPerPage} runs per page; the medians of each figure. Targets (issue #15 item 21): performance ≥ ${TARGETS.performance},`,
    `CLS < ${TARGETS.cls}, total blocking time < ${TARGETS.tbtMs} ms. The simulated CPU is this machine's, slowed: the figures move`,
    "with the machine's load, so the load is written beside them.",
    "",
    `### Last run: ${day} ${time} UTC`,
    "",
    `Lighthouse ${ctx.lighthouseVersion}, ${ctx.chrome}; ${ctx.machine}. Load average (1 / 5 / 15 min) ${loads(ctx.loadBefore)} before,`,
    `${loads(ctx.loadAfter)} after.`,
    "",
    "| page | performance | CLS | TBT (ms) | LCP | targets (perf / CLS / TBT) |",
    "| ---- | ----------: | --: | -------: | --: | -------------------------- |",
    ...rows,
    "",
    "Every run (performance · CLS · TBT · LCP):",
    "",
    ...runs.map((line) => `- ${line}`),
    "",
  ].join("\n");
}

/** `doc` with its "## Lighthouse" section replaced by `section` (appended when there is none). */
export function replaceSection(doc: string, section: string): string {
  const start = doc.search(/^## Lighthouse\s*$/m);
  const body = section.endsWith("\n") ? section : `${section}\n`;
  if (start === -1) return `${doc.replace(/\n*$/, "")}\n\n${body}`;
  const rest = doc.slice(start + 1);
  const next = rest.search(/^## /m);
  const end = next === -1 ? doc.length : start + 1 + next;
  return `${doc.slice(0, start)}${body}${next === -1 ? "" : `\n${doc.slice(end)}`}`;
}
