import { TextLink } from "~/components/ui/button";
import { Card, EmptyState } from "~/components/ui/layout";
import { useT, type PlainKey } from "~/i18n";
import { dashboard_budget_title } from "~/paraglide/messages/dashboard_budget_title.js";
import { dashboard_budget_setOne } from "~/paraglide/messages/dashboard_budget_setone1.js";
import { dashboard_budget_goTo } from "~/paraglide/messages/dashboard_budget_goto1.js";
import { dashboard_budget_noneInvestor } from "~/paraglide/messages/dashboard_budget_noneinvestor1.js";
import { dashboard_debt_title } from "~/paraglide/messages/dashboard_debt_title.js";
import { dashboard_debt_noneStartup } from "~/paraglide/messages/dashboard_debt_nonestartup1.js";
import { dashboard_debt_goTo } from "~/paraglide/messages/dashboard_debt_goto1.js";
import { dashboard_debt_noneInvestor } from "~/paraglide/messages/dashboard_debt_noneinvestor1.js";
import { dashboard_risk_title } from "~/paraglide/messages/dashboard_risk_title.js";
import { dashboard_risk_noneStartup } from "~/paraglide/messages/dashboard_risk_nonestartup1.js";
import { dashboard_risk_goTo } from "~/paraglide/messages/dashboard_risk_goto1.js";
import { dashboard_risk_noneInvestor } from "~/paraglide/messages/dashboard_risk_noneinvestor1.js";

/** Each section's card: its title, what its own people should do, the link's words, and what an investor reads instead. */
const SECTIONS = {
  budgets: { title: dashboard_budget_title, toDo: dashboard_budget_setOne, goTo: dashboard_budget_goTo, forInvestor: dashboard_budget_noneInvestor },
  debt: { title: dashboard_debt_title, toDo: dashboard_debt_noneStartup, goTo: dashboard_debt_goTo, forInvestor: dashboard_debt_noneInvestor },
  risks: { title: dashboard_risk_title, toDo: dashboard_risk_noneStartup, goTo: dashboard_risk_goTo, forInvestor: dashboard_risk_noneInvestor },
} as const satisfies Record<string, Record<"title" | "toDo" | "goTo" | "forInvestor", PlainKey>>;

/**
 * A dashboard card with nothing to show yet (`empty` says what is missing). The company's own
 * people (`base` is their org's path) are told what to do and given the section's page; an
 * investor, who cannot, is told that the company has not.
 */
export function EmptyCard({ section, empty, base }: { section: keyof typeof SECTIONS; empty: string; base: string | undefined }) {
  const t = useT();
  const words = SECTIONS[section];
  return (
    <Card title={t(words.title)}>
      <EmptyState title={empty}>
        {base ? (
          <p>
            {t(words.toDo)} <TextLink to={`${base}/${section}`}>{t(words.goTo)}</TextLink>
          </p>
        ) : (
          <p>{t(words.forInvestor)}</p>
        )}
      </EmptyState>
    </Card>
  );
}

/** A card's link to its whole section ("All risks"), for the company's own people only; none for an investor. */
export function sectionLink(base: string | undefined, page: string, label: string) {
  return base ? (
    <TextLink to={`${base}/${page}`} className="text-sm">
      {label}
    </TextLink>
  ) : undefined;
}
