/**
 * What each file of the org export holds, for its manifest: one line per table and per column,
 * and the columns left out with the reason. tests/integration/data-export.test.ts fails when a
 * table with org_id or a column has no entry here, so a new table or column cannot reach an
 * export undescribed — or a new secret unclassified.
 *
 * Names are the database's (snake_case), as in the CSV headers.
 */
export interface ExportTableDoc {
  /** What one row is. */
  about: string;
  /** Which of the table's rows belong to the org's export (the default: org_id = this org). */
  rows?: string;
  columns: Record<string, string>;
  /** Left out of the file, with the reason; never read from the database. */
  excluded?: Record<string, string>;
}

const BASE = "in minor units (cents) of the org's base currency (orgs.csv, base_currency)";
const OWN = (currencyColumn = "currency") => `in minor units (cents) of the row's ${currencyColumn}`;

const ORG_ID = "This organisation's id (orgs.csv).";
const CREATED = "When the row was created (UTC).";
const UPDATED = "When the row was last changed (UTC).";
const VERSION = "Edit counter: every save names the version it read, so two editors cannot overwrite each other.";
const MONTH = "Calendar month, YYYY-MM.";
const A_USER = (what: string) => `${what} (users.csv id; empty when that person left or was deleted).`;

const SECRET_HASH = "Secret: the hash of a credential. It cannot be used to sign in, but it is never exported.";

export const EXPORT_TABLE_DOCS: Record<string, ExportTableDoc> = {
  orgs: {
    about: "This organisation: name, kind and settings.",
    rows: "Only this organisation's own row.",
    columns: {
      id: "The organisation's id; every other file refers to it as org_id.",
      slug: "Short name in the address (/o/<slug>).",
      name: "Display name.",
      kind: "startup or investor.",
      base_currency: "ISO 4217 currency in which reports, budgets and portfolio figures are kept.",
      share_code: "Code a startup gives an investor so it can ask for access (not a secret).",
      budget_overrun_threshold_bp: "Spend above budget by this much is flagged, in basis points (1000 = 10 %).",
      risk_medium_from: "Lowest risk score (likelihood × impact) counted as medium.",
      risk_high_from: "Lowest risk score counted as high.",
      risk_critical_from: "Lowest risk score counted as critical.",
      created_at: CREATED,
      deletion_requested_at: "When an owner scheduled the organisation's deletion (UTC); empty when none is scheduled.",
      deletion_requested_by: A_USER("The owner who scheduled the deletion"),
      purge_after:
        "When the scheduled deletion happens (UTC): from then on the organisation and all its data may be removed for good; empty when none is scheduled.",
    },
  },
  users: {
    about: "A person who is a member of this organisation.",
    rows: "Only the current members (memberships.csv).",
    columns: {
      id: "The person's id, referred to by user_id, actor_user_id, created_by and similar columns.",
      email: "Sign-in address.",
      name: "Display name.",
    },
    excluded: {
      password_hash: "Secret: the person's argon2id password hash.",
      locale: "A personal preference of the member, not the organisation's data (in their own personal data export).",
      created_at: "When the person signed up: their own data, not readable by an organisation (in their personal data export).",
      email_verified_at: "When the person proved their address: their own account's state, not readable by an organisation.",
    },
  },
  memberships: {
    about: "Who belongs to the organisation, with which role.",
    columns: {
      org_id: ORG_ID,
      user_id: "The member (users.csv).",
      role: "owner, admin, member or viewer.",
      created_at: "When they joined (UTC).",
    },
  },
  invitations: {
    about: "An invitation to join, pending or finished.",
    columns: {
      org_id: ORG_ID,
      id: "Invitation id.",
      email: "Address invited.",
      role: "Role they get on accepting.",
      invited_by: A_USER("Who invited"),
      expires_at: "When the link stops working (UTC).",
      accepted_at: "When it was accepted (UTC); empty if not.",
      revoked_at: "When it was revoked (UTC); empty if not.",
      created_at: CREATED,
    },
    excluded: { token_hash: SECRET_HASH + " (the invitation link's token)" },
  },
  mail_outbox: {
    about: "An e-mail the organisation's activity queued for sending (invitations, access notices, alerts).",
    columns: {
      org_id: ORG_ID,
      id: "Message id.",
      to_user_id: "The recipient's account, if they have one.",
      to_email: "Recipient.",
      kind: "What caused it (e.g. invitation).",
      locale: "The language it was written in.",
      subject: "Subject line.",
      message_id: "The Message-ID header it is sent with.",
      status: "queued, retrying, sent, failed, or held (queued before there was a sender).",
      attempts: "How many times sending was tried.",
      next_attempt_at: "When the next try is due (UTC).",
      claimed_until: "Until when a sender holds it (UTC); empty when none does.",
      last_error: "Why the last try failed; empty if it did not.",
      created_at: "When it was queued (UTC).",
      sent_at: "When it was sent (UTC); empty until then.",
    },
    excluded: {
      body: "Secret: may carry a live invitation link, and that link is a credential.",
      html: "Secret: the same message as HTML, with the same link.",
    },
  },
  audit_log: {
    about: "One change made in the organisation: who, when, what, before and after.",
    columns: {
      org_id: ORG_ID,
      id: "Entry id.",
      actor_user_id: A_USER("Who made the change"),
      action: "What happened, e.g. funding_round.update, org.export.",
      entity_type: "Kind of thing changed.",
      entity_id: "Id of the thing changed.",
      before: "The thing before the change, as JSON; empty for a creation.",
      after: "The thing after the change, as JSON; empty for a deletion.",
      at: "When (UTC).",
    },
  },
  funding_rounds: {
    about: "Capital raised: an angel, venture, crowdfunding or other round.",
    columns: {
      org_id: ORG_ID,
      id: "Round id.",
      instrument:
        "Kind of round: angel, pre_seed, seed, series_a, series_b, series_c_plus, bridge, equity_crowdfunding, safe, convertible_note, debt, grant or other.",
      close_date: "Date the round closed (YYYY-MM-DD).",
      amount: `Amount raised, ${OWN()}.`,
      currency: "ISO 4217 currency of amount and pre_money_valuation.",
      pre_money_valuation: `Pre-money valuation, ${OWN()}; empty if not given.`,
      lead_investor: "Lead investor's name.",
      other_investors: "Other investors, as typed.",
      crowdfunding_platform: "Platform, for equity crowdfunding.",
      backer_count: "Number of backers, for crowdfunding.",
      notes: "Free text.",
      created_at: CREATED,
      updated_at: UPDATED,
      version: VERSION,
    },
  },
  debt_facilities: {
    about: "A loan or other debt: its terms, from which the repayment schedule is derived.",
    columns: {
      org_id: ORG_ID,
      id: "Facility id.",
      lender: "Lender's name.",
      kind: "bank_loan, venture_debt, bond, revenue_based or other.",
      principal: `Amount borrowed, ${OWN()}.`,
      currency: "ISO 4217 currency of principal and minimum_cash.",
      annual_rate_bp: "Annual interest rate in basis points (1200 = 12.00 %).",
      draw_date: "Date the money was drawn (YYYY-MM-DD).",
      term_months: "Length of the loan in months.",
      repayment_type: "bullet, amortizing or interest_only_then_amortizing.",
      interest_only_months: "Months of interest only before repayments start.",
      minimum_cash: `Covenant: cash must stay at or above this, ${OWN()}; empty without the covenant.`,
      reporting_deadline_day: "Covenant: day of the next month by which the monthly report is due to the lender.",
      created_at: CREATED,
      updated_at: UPDATED,
      version: VERSION,
    },
  },
  monthly_reports: {
    about: "One month's figures: cash at month end, revenue, spend by category, headcount, ARR.",
    columns: {
      org_id: ORG_ID,
      id: "Report id.",
      month: MONTH,
      cash: `Cash at the end of the month, ${BASE}.`,
      revenue: `Revenue in the month, ${BASE}.`,
      compute: `Spend on compute (training, inference, cloud GPUs), ${BASE}.`,
      data: `Spend on data (licences, labelling), ${BASE}.`,
      payroll: `Spend on payroll, ${BASE}.`,
      research: `Spend on research, ${BASE}.`,
      go_to_market: `Spend on sales and marketing, ${BASE}.`,
      general_admin: `Spend on general and administrative costs, ${BASE}.`,
      other: `Other spend, ${BASE}.`,
      headcount: "People employed at month end.",
      arr: `Annual recurring revenue at month end, ${BASE}; empty if not given.`,
      updated_by: A_USER("Who last saved it"),
      created_at: CREATED,
      updated_at: UPDATED,
      version: VERSION,
    },
  },
  investor_updates: {
    about: "An investor update the company wrote (decision 025): draft, scheduled or sent.",
    columns: {
      org_id: ORG_ID,
      id: "Update id.",
      title: "Its title.",
      body: "Its text, in Markdown; {{cash}}, {{runway}} and {{net_burn}} are the month's figures, shown as cards.",
      month: MONTH,
      highlights: "What went well.",
      lowlights: "What went badly.",
      asks: "What the company asks of its investors.",
      status: "draft, scheduled or sent.",
      recipient_org_ids: "The investor organisations it is (to be) sent to.",
      figures: "The month's figures as sent (cash and net burn in minor units of the base currency, runway in months).",
      scheduled_at: "When it is to be sent (UTC), while scheduled.",
      sent_at: "When it was sent (UTC).",
      created_by: A_USER("Who began it"),
      created_at: CREATED,
      updated_at: UPDATED,
      version: VERSION,
    },
  },
  investor_update_views: {
    about: "The first time each person of an investor organisation opened a company's update (written by the investor).",
    columns: {
      org_id: ORG_ID,
      company_org_id: "The company whose update it is.",
      update_id: "The update (investor_updates).",
      user_id: A_USER("Who opened it"),
      viewer_name: "Their name when they opened it.",
      first_viewed_at: "When they first opened it (UTC).",
    },
  },
  report_updates: {
    about: "The investor update written with a month's report.",
    columns: {
      org_id: ORG_ID,
      month: MONTH,
      highlights: "What went well.",
      lowlights: "What went badly.",
      asks: "What the company asks of its investors.",
      updated_at: UPDATED,
    },
  },
  budgets: {
    about: "The budget of one spend category for one month.",
    columns: {
      org_id: ORG_ID,
      month: MONTH,
      category: "Spend category (compute, data, payroll, research, go_to_market, general_admin, other).",
      amount: `Budgeted spend, ${BASE}.`,
      created_at: CREATED,
      updated_at: UPDATED,
      version: VERSION,
    },
  },
  risks: {
    about: "An entry of the risk register.",
    columns: {
      org_id: ORG_ID,
      id: "Risk id.",
      title: "Short description.",
      category: "Kind of risk: market, technical, financial, data_privacy_security, regulatory_legal, competition, talent or operational.",
      likelihood: "Likelihood, 1 (rare) to 5 (almost certain).",
      impact: "Impact, 1 (minor) to 5 (severe).",
      owner: "Who looks after it, as typed.",
      mitigation: "What is being done about it.",
      status: "open, mitigating, accepted or closed.",
      next_review_date: "When it is next reviewed (YYYY-MM-DD).",
      created_at: CREATED,
      updated_at: UPDATED,
      version: VERSION,
    },
  },
  risk_history: {
    about: "A risk's likelihood, impact and status at one change (and at creation).",
    columns: {
      org_id: ORG_ID,
      id: "History entry id.",
      risk_id: "The risk (risks.csv).",
      likelihood: "Likelihood after the change, 1–5.",
      impact: "Impact after the change, 1–5.",
      status: "Status after the change.",
      changed_by: A_USER("Who changed it"),
      changed_at: "When (UTC).",
    },
  },
  company_metrics: {
    about: "The company's headline figures at its latest reported month, derived from its reports and debt (recomputed on every change).",
    columns: {
      org_id: ORG_ID,
      month: "Latest reported month, YYYY-MM.",
      cash: `Cash at that month's end, ${BASE}.`,
      revenue: `Revenue that month, ${BASE}.`,
      gross_burn: `Total spend that month, ${BASE}.`,
      net_burn: `Spend minus revenue that month, ${BASE}.`,
      average_net_burn: `Net burn averaged over the last 3 months, ${BASE}.`,
      short_history: "true when fewer than 3 months were reported, so the average is over fewer.",
      runway_months: "Months of cash at the average net burn, rounded down to 0.1; empty when not burning.",
      cash_out_month:
        "Month the cash runs out at that burn and the scheduled debt service, YYYY-MM (a company that is not burning has one when a repayment ahead exceeds its cash); empty when beyond 10 years.",
      default_alive: "profitable, cash_out or undecided (reaches profitability before cash runs out, or not).",
      default_alive_month: "Month of profitability or of cash-out behind default_alive, YYYY-MM; the month itself when its revenue already covers its spend.",
      verdict_assumes_growth:
        "true when default_alive rests on flat revenue: revenue three months back was not reported (or zero), so no growth rate could be measured.",
      compute_share_bp: "Compute spend ÷ gross burn, in basis points; empty when nothing was spent.",
      burn_multiple: "Net burn ÷ net new ARR over the last 3 months; empty unless ARR grew.",
      net_burn_growth_bp: "Change of the 3-month average net burn against the 3 months before, in basis points.",
      arr: `ARR at that month, ${BASE}; empty if not given.`,
      headcount: "Headcount at that month.",
      covenant: "ok, breach or projected_breach from the debt covenants; empty without covenants.",
      report_count: "How many monthly reports exist.",
      recent_net_burn: `Net burn of the last 24 months, oldest first, as a JSON array ${BASE}; null where no report.`,
      updated_at: UPDATED,
    },
  },
  access_grants: {
    about: "Read access from a startup to an investor: asked for, approved (with its sections), declined or revoked.",
    rows: "Rows where this organisation is the startup (org_id) or the investor (investor_org_id).",
    columns: {
      org_id: "The startup that grants access.",
      id: "Grant id.",
      investor_org_id: "The investor that has or asked for access.",
      status: "requested, approved, declined or revoked.",
      sections: "Shared sections, as a JSON array (financials, funding_debt, budgets, risks, updates).",
      initiated_by: "investor (it asked) or startup (it invited).",
      requested_via: "What the requester typed to find the startup (its share code or an owner's address).",
      requested_by_user_id: "Who asked (a person of the asking org; empty when they left).",
      requested_by_email: "The asking person's address when they asked (kept when they leave): it tells look-alike investors apart.",
      decided_by_user_id: "Who approved, declined or revoked (a person of the startup; empty when they left).",
      decided_at: "When it was decided (UTC).",
      created_at: CREATED,
      updated_at: UPDATED,
      version: VERSION,
    },
  },
  positions: {
    about: "What the investor put into one portfolio company: the basis of its MOIC.",
    columns: {
      org_id: ORG_ID,
      id: "Position id.",
      company_org_id: "The portfolio company's organisation id; empty once that organisation was deleted (company_name then says which it was).",
      company_name: "The portfolio company's name when its organisation was deleted; empty while it exists.",
      invested_on: "Date of the investment (YYYY-MM-DD).",
      amount: `Amount invested, ${OWN()}.`,
      currency: "ISO 4217 currency of amount and current_value.",
      instrument: "Kind of investment, as for funding rounds.",
      ownership_bp: "Fully diluted ownership in basis points (1250 = 12.50 %); empty if not given.",
      current_value: `The investor's current valuation of the position, ${OWN()}.`,
      notes: "Free text.",
      created_at: CREATED,
      updated_at: UPDATED,
      version: VERSION,
    },
  },
  fx_rates: {
    about: "An exchange rate the investor keeps for converting a currency into its base currency for one month.",
    columns: {
      org_id: ORG_ID,
      month: MONTH,
      currency: "ISO 4217 currency converted.",
      rate: "Units of the org's base currency for 1 unit of currency (exact decimal).",
      created_at: CREATED,
      updated_at: UPDATED,
    },
  },
  alert_rules: {
    about: "The investor's early-warning rules (one row).",
    columns: {
      org_id: ORG_ID,
      runway_enabled: "Warn on short runway.",
      runway_caution_months: "Runway below this many months is a warning.",
      runway_critical_months: "Runway below this many months is critical.",
      overdue_enabled: "Warn on overdue monthly reports.",
      report_due_day: "A month's report is overdue when not in by this day of the next month.",
      risk_enabled: "Warn on high risks.",
      risk_score_min: "Risk score (likelihood × impact) from which a risk warns.",
      budget_enabled: "Warn on budget overruns.",
      budget_overrun_bp: "Overrun above budget that warns, in basis points.",
      covenant_enabled: "Warn on debt covenant breaches.",
      default_dead_enabled: "Warn when a company is default dead.",
      created_at: CREATED,
      updated_at: UPDATED,
      version: VERSION,
    },
  },
  alerts: {
    about: "An early warning about a portfolio company, as the investor saw it.",
    columns: {
      org_id: ORG_ID,
      id: "Alert id.",
      company_org_id: "The portfolio company's organisation id.",
      kind: "runway, report_overdue, risk_score, budget_overrun, covenant or default_dead.",
      subject: "What within the company it is about (a month, a risk or facility id), or empty.",
      severity: "critical or warning.",
      reason: "Why it fired: a message key of the app (investor.alertReason.…), then # and its figures as JSON (money in minor units with its currency).",
      first_seen_at: "When first seen (UTC).",
      last_seen_at: "When last seen (UTC).",
      resolved_at: "When the condition cleared (UTC); empty while open.",
      acknowledged_at: "When someone acknowledged it (UTC).",
      acknowledged_by_user_id: A_USER("Who acknowledged it"),
    },
  },
  share_links: {
    about: "A read-only report link for a partner.",
    columns: {
      org_id: ORG_ID,
      id: "Link id.",
      label: "Name given to the link.",
      scope: "company, portfolio or companies.",
      company_org_ids: "The companies it shows, as a JSON array of organisation ids (empty for the whole portfolio).",
      sections: "Sections it shows, as a JSON array.",
      mode: "live (read afresh on each view) or frozen (the report as it was at creation).",
      frozen_month: "Last month shown by a frozen link, YYYY-MM.",
      snapshot: "The report a frozen link shows, as JSON (money in minor units with its currency).",
      snapshot_grants: "For an investor's frozen link: a digest of the grants its snapshot was last cut to (empty: not checked yet).",
      expires_at: "When the link stops working (UTC).",
      created_by: A_USER("Who made it"),
      revoked_at: "When it was revoked (UTC).",
      revoked_by: A_USER("Who revoked it"),
      created_at: CREATED,
    },
    excluded: {
      token_hash: SECRET_HASH + " (the link's token)",
      passphrase_hash: "Secret: the argon2id hash of the link's passphrase.",
    },
  },
  share_link_views: {
    about: "One successful view of a share link.",
    columns: {
      org_id: ORG_ID,
      id: "View id.",
      link_id: "The link (share_links.csv).",
      viewed_at: "When (UTC).",
      user_agent: "The viewer's browser, as it named itself (first 300 characters).",
    },
  },
};

/** Tables that are not any one organisation's, said in the manifest so nobody looks for them. */
export const NOT_EXPORTED_TABLES: Record<string, string> = {
  sessions: "Sign-in sessions belong to each person, not the organisation (each person's own export lists theirs, without ids).",
  login_throttle:
    "Counters of failed sign-ins and passphrases per account, address and both, and the addresses an account signed in from lately; shared by all organisations.",
  account_tokens: "Hashes of the single-use links mailed to a person about their own account (verify the address, reset the password).",
};
