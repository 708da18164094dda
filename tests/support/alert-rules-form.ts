/** The alert rules form as the page submits it with the spec's defaults (every rule on), at `version`. */
export function alertRulesForm(version = "0"): Record<string, string> {
  return {
    version,
    runwayEnabled: "on",
    runwayCautionMonths: "6",
    runwayCriticalMonths: "3",
    overdueEnabled: "on",
    reportDueDay: "15",
    riskEnabled: "on",
    riskScoreMin: "16",
    budgetEnabled: "on",
    budgetOverrunPercent: "10",
    covenantEnabled: "on",
    defaultDeadEnabled: "on",
  };
}
