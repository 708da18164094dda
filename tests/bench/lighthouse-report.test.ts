import { figuresOf, lighthouseSection, median, medianFigures, replaceSection, targetsMet, type LighthouseFigures } from "./lighthouse-report";

const run = (performance: number, cls: number, tbtMs: number, lcpMs: number): LighthouseFigures => ({ performance, cls, tbtMs, lcpMs });

describe("Lighthouse medians and targets", () => {
  test("the median of three runs is the middle one; of two, their mean", () => {
    expect(median([310, 120, 180])).toBe(180);
    expect(median([0.2, 0.1])).toBeCloseTo(0.15);
    expect(median([])).toBeNaN();
  });

  test("each figure's median is taken on its own", () => {
    expect(medianFigures([run(91, 0.02, 150, 2100), run(88, 0, 240, 1900), run(95, 0.18, 90, 2500)])).toEqual(run(91, 0.02, 150, 2100));
  });

  test("targets: performance 90 or more, CLS under 0.1, TBT under 200 ms", () => {
    expect(targetsMet(run(90, 0.099, 199, 9000))).toEqual({ performance: true, cls: true, tbt: true });
    expect(targetsMet(run(89, 0.1, 200, 1000))).toEqual({ performance: false, cls: false, tbt: false });
  });

  test("figures come from the report's score and audits; a report without them is an error, not a zero", () => {
    const lhr = {
      categories: { performance: { score: 0.934 } },
      audits: {
        "cumulative-layout-shift": { numericValue: 0.012 },
        "total-blocking-time": { numericValue: 143.5 },
        "largest-contentful-paint": { numericValue: 2210 },
      },
    };
    expect(figuresOf(lhr)).toEqual(run(93, 0.012, 143.5, 2210));
    expect(() => figuresOf({ ...lhr, categories: { performance: { score: null } } })).toThrow(/performance score/);
    expect(() => figuresOf({ ...lhr, audits: {} })).toThrow(/cumulative-layout-shift/);
  });
});

describe("the section in docs/performance.md", () => {
  const pages = [{ name: "sign-in", path: "/login", runs: [run(97, 0, 40, 1500)], median: run(97, 0, 40, 1500) }];
  const context = {
    date: new Date("2026-12-06T16:30:00Z"),
    lighthouseVersion: "12.2.3",
    chrome: "HeadlessChrome/156.0.0.0",
    machine: "2 × CPU",
    loadBefore: [3.1, 2, 1],
    loadAfter: [4, 3, 2],
    runsPerPage: 1,
  };

  test("says when, on what, under which load, and each page's medians against the targets", () => {
    const section = lighthouseSection(pages, context);
    expect(section).toMatch(/^## Lighthouse\n/);
    expect(section).toContain("2026-12-06 16:30 UTC");
    expect(section).toContain("3.10 / 2.00 / 1.00 before");
    expect(section).toContain("| sign-in (`/login`) | 97 | 0.000 | 40 | 1.50 s | met / met / met |");
  });

  test("replaces an existing section and keeps the sections after it", () => {
    const doc = "# Performance\n\nintro\n\n## Lighthouse\n\nold figures\n\n## Later\n\nkept\n";
    const updated = replaceSection(doc, "## Lighthouse\n\nnew figures\n");
    expect(updated).toBe("# Performance\n\nintro\n\n## Lighthouse\n\nnew figures\n\n## Later\n\nkept\n");
  });

  test("appends the section when the document has none", () => {
    expect(replaceSection("# Performance\n\nintro\n", "## Lighthouse\n\nfigures")).toBe("# Performance\n\nintro\n\n## Lighthouse\n\nfigures\n");
  });
});
