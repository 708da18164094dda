import { useState } from "react";
import { FieldError } from "~/components/ui/form";
import { Badge } from "~/components/ui/layout";
import { useT } from "~/i18n";
import { formatShareCode, SECTION_HINT_KEYS, SECTION_KEYS, SECTION_LABEL_KEYS } from "~/domain/access-grants";
import { common_state_none } from "~/paraglide/messages/common_state_none.js";
import { investor_grants_identity_askedBy } from "~/paraglide/messages/investor_grants_identity_askedby1.js";
import { investor_grants_identity_code } from "~/paraglide/messages/investor_grants_identity_code.js";
import { investor_grants_identity_label } from "~/paraglide/messages/investor_grants_identity_label.js";
import { investor_grants_identity_since } from "~/paraglide/messages/investor_grants_identity_since.js";
import { investor_grants_lookalike_body } from "~/paraglide/messages/investor_grants_lookalike_body.js";
import { investor_grants_lookalike_title } from "~/paraglide/messages/investor_grants_lookalike_title.js";
import { investor_shareCode_copied } from "~/paraglide/messages/investor_sharecode_copied1.js";
import { investor_shareCode_copy } from "~/paraglide/messages/investor_sharecode_copy1.js";

// The pieces every access-grant screen shares: the section checkboxes of a grant form (one
// `sections` field per ticked box), the sections as badges, and a share code to copy.

export function SectionChecklist({ idPrefix, checked, error, legend }: { idPrefix: string; checked: readonly string[]; error?: string; legend: string }) {
  const t = useT();
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-sections-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {SECTION_KEYS.map((key) => (
          // What a section holds is visible text, not a tooltip: a founder deciding what a fund may
          // read should not have to hover (and cannot, on a phone).
          <div key={key} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              id={`${idPrefix}-section-${key}`}
              name="sections"
              value={key}
              defaultChecked={checked.includes(key)}
              aria-describedby={`${idPrefix}-section-${key}-hint`}
              className="mt-0.5"
            />
            <span>
              <label htmlFor={`${idPrefix}-section-${key}`}>{t(SECTION_LABEL_KEYS[key])}</label>
              <span id={`${idPrefix}-section-${key}-hint`} className="block text-xs text-slate-600" data-testid="section-hint">
                {t(SECTION_HINT_KEYS[key])}
              </span>
            </span>
          </div>
        ))}
      </div>
      <FieldError id={`${idPrefix}-sections-error`} error={error} />
    </fieldset>
  );
}

export function SectionBadges({ sections }: { sections: readonly string[] }) {
  const t = useT();
  if (sections.length === 0) return <span className="text-slate-500">{t(common_state_none)}</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {SECTION_KEYS.filter((k) => sections.includes(k)).map((k) => (
        <Badge key={k} tone="info">
          {t(SECTION_LABEL_KEYS[k])}
        </Badge>
      ))}
    </span>
  );
}

/** The code grouped in fours to read aloud; Copy puts the plain code on the clipboard (needs JavaScript; selecting works without). */
export function CopyCode({ code }: { code: string }) {
  const [copied, setCopied] = useState(false);
  const t = useT();
  return (
    <div className="flex flex-wrap items-center gap-3">
      <code data-testid="share-code" className="select-all rounded bg-slate-100 px-3 py-2 font-mono text-lg tracking-widest">
        {formatShareCode(code)}
      </code>
      <button
        type="button"
        className="text-sm text-indigo-700 underline"
        onClick={() => {
          void navigator.clipboard?.writeText(code).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? t(investor_shareCode_copied) : t(investor_shareCode_copy)}
      </button>
    </div>
  );
}

/**
 * What tells two investor orgs of the same name apart (issue #13: anyone can call a fund
 * "Northwind Ventures"): the address that asked and its domain, the org's investor code and
 * since when it exists. The code is what the fund sees on its own Companies page, so a founder
 * can ask the real fund for it and compare.
 */
export function InvestorIdentity({
  grant,
  day,
}: {
  grant: { requestedByEmail: string | null; investorCode: string | null; investorSince: string | null };
  day: (value: string | null) => string;
}) {
  const t = useT();
  const domain = grant.requestedByEmail?.split("@")[1];
  const parts = [
    grant.requestedByEmail && domain ? t(investor_grants_identity_askedBy, { email: grant.requestedByEmail, domain }) : null,
    grant.investorCode ? t(investor_grants_identity_code, { code: formatShareCode(grant.investorCode) }) : null,
    grant.investorSince ? t(investor_grants_identity_since, { date: day(grant.investorSince) }) : null,
  ].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return (
    <p className="text-xs text-slate-600" data-testid="investor-identity">
      {/* aria-label on a paragraph is ignored by screen readers: the name is read as text. */}
      <span className="sr-only">{t(investor_grants_identity_label)}: </span>
      {parts.join(" · ")}
    </p>
  );
}

/** Investor names that more than one investor org on the page carries. */
export function sharedInvestorNames(grants: readonly { investorOrgId: string; investorName: string | null }[]): string[] {
  const orgsByName = new Map<string, Set<string>>();
  for (const g of grants) {
    if (!g.investorName) continue;
    const key = g.investorName.trim().toLowerCase();
    orgsByName.set(key, (orgsByName.get(key) ?? new Set()).add(g.investorOrgId));
  }
  const names = new Set<string>();
  for (const g of grants) if (g.investorName && (orgsByName.get(g.investorName.trim().toLowerCase())?.size ?? 0) > 1) names.add(g.investorName);
  return [...names];
}

export function LookalikeWarning({ names }: { names: readonly string[] }) {
  const t = useT();
  if (names.length === 0) return null;
  return (
    <div role="note" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="lookalike-warning">
      {names.map((name) => (
        <p key={name} className="font-semibold">
          {t(investor_grants_lookalike_title, { name })}
        </p>
      ))}
      <p>{t(investor_grants_lookalike_body)}</p>
    </div>
  );
}
