import type { PositionInput } from "../../app/models/position.server";

/*
 * Valid forms for the capital records, as the browser posts them (strings), and a position as its
 * model takes it: a test changes the one field it is about, and fixtures parse forms through the
 * entity's schema.
 */

/** A seed round of 1,500,000 closed 2025-06-01 at a pre-money valuation of 8,000,000. */
export const roundForm = (leadInvestor = "Acme Ventures") => ({
  instrument: "seed",
  closeDate: "2025-06-01",
  amount: "1500000.00",
  currency: "",
  preMoneyValuation: "8000000",
  leadInvestor,
  otherInvestors: "",
  crowdfundingPlatform: "",
  backerCount: "",
  notes: "",
});

/** An amortizing bank loan of 500,000 at 9.75 % over 36 months from 2025-01-15. */
export const facilityForm = (lender = "Bank of Tests") => ({
  lender,
  kind: "bank_loan",
  principal: "500000",
  annualRatePercent: "9.75",
  drawDate: "2025-01-15",
  termMonths: "36",
  repaymentType: "amortizing",
  interestOnlyMonths: "",
  minimumCash: "",
  reportingDeadlineDay: "",
});

/** A seed position of 500,000 invested 2025-06-01 and now valued at 400,000, in the fund's currency (the model's input). */
export function positionInput(companyOrgId: string, overrides: Partial<PositionInput> = {}): PositionInput {
  return {
    companyOrgId,
    investedOn: "2025-06-01",
    amount: 50_000_000,
    currency: null,
    instrument: "seed",
    ownershipPercent: null,
    currentValue: 40_000_000,
    notes: null,
    ...overrides,
  };
}
