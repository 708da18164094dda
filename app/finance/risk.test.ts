import { describe, expect, it } from "vitest";
import { countsOnHeatMap, heatMapOfRisks, reviewOverdue, riskBand, riskHeatMap, riskScore } from "./risk";

describe("risk score = likelihood × impact", () => {
  it("multiplies", () => {
    expect(riskScore(4, 5)).toBe(20);
    expect(riskScore(1, 1)).toBe(1);
  });

  it.each([
    [0, 3],
    [6, 3],
    [3, 2.5],
    [3, Number.NaN],
  ])("refuses likelihood %s, impact %s", (l, i) => {
    expect(() => riskScore(l, i)).toThrow(RangeError);
  });
});

describe("bands: 1–4 low, 5–9 medium, 10–15 high, 16–25 critical", () => {
  it("by default", () => {
    expect([1, 4, 5, 9, 10, 15, 16, 25].map((s) => riskBand(s))).toEqual(["low", "low", "medium", "medium", "high", "high", "critical", "critical"]);
  });

  it("with an org's own thresholds", () => {
    const strict = { mediumFrom: 3, highFrom: 6, criticalFrom: 12 };
    expect([2, 3, 6, 12].map((s) => riskBand(s, strict))).toEqual(["low", "medium", "high", "critical"]);
  });

  it("refuses thresholds out of order", () => {
    expect(() => riskBand(5, { mediumFrom: 10, highFrom: 5, criticalFrom: 16 })).toThrow(RangeError);
    expect(() => riskBand(26)).toThrow(RangeError);
  });
});

describe("a review is overdue when the next review date has passed and the risk is open or mitigating", () => {
  it("is overdue the day after the review date", () => {
    expect(reviewOverdue("2026-05-01", "open", "2026-05-02")).toBe(true);
    expect(reviewOverdue("2026-05-01", "mitigating", "2026-06-30")).toBe(true);
  });

  it("is not overdue on the review date itself", () => {
    expect(reviewOverdue("2026-05-01", "open", "2026-05-01")).toBe(false);
  });

  it("is never overdue for accepted or closed risks, or without a date", () => {
    expect(reviewOverdue("2026-05-01", "accepted", "2026-07-01")).toBe(false);
    expect(reviewOverdue("2026-05-01", "closed", "2026-07-01")).toBe(false);
    expect(reviewOverdue(null, "open", "2026-07-01")).toBe(false);
  });
});

describe("heat map: counts per likelihood × impact cell", () => {
  it("counts risks into a 5×5 grid, cells[likelihood − 1][impact − 1]", () => {
    const map = riskHeatMap([
      { likelihood: 5, impact: 5 },
      { likelihood: 5, impact: 5 },
      { likelihood: 1, impact: 3 },
    ]);
    expect(map[4]![4]).toBe(2);
    expect(map[0]![2]).toBe(1);
    expect(map.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(
      riskHeatMap([])
        .flat()
        .every((c) => c === 0),
    ).toBe(true);
  });

  it("refuses a risk off the grid", () => {
    expect(() => riskHeatMap([{ likelihood: 6, impact: 1 }])).toThrow(RangeError);
  });
});

describe("heat map: one definition, open and mitigating", () => {
  it("counts open and mitigating risks and leaves accepted and closed ones out", () => {
    expect(["open", "mitigating", "accepted", "closed"].filter(countsOnHeatMap)).toEqual(["open", "mitigating"]);
    const map = heatMapOfRisks([
      { likelihood: 4, impact: 5, status: "open" },
      { likelihood: 4, impact: 5, status: "mitigating" },
      { likelihood: 4, impact: 5, status: "accepted" },
      { likelihood: 2, impact: 2, status: "accepted" },
      { likelihood: 1, impact: 1, status: "closed" },
    ]);
    expect(map[3]![4]).toBe(2);
    expect(map[1]![1]).toBe(0);
    expect(map.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });
});
