import { sql } from "drizzle-orm";
import { check, foreignKey, index, jsonb, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { namedUserRef } from "./auth";
import { instant, stampedNow } from "./columns";
import { tenantTable } from "./rls";
import { orgRow } from "./tenancy";

export const SHARE_SCOPES = ["company", "portfolio", "companies"] as const;
export type ShareScope = (typeof SHARE_SCOPES)[number];
export const SHARE_MODES = ["live", "frozen"] as const;
export type ShareMode = (typeof SHARE_MODES)[number];

/**
 * A read-only report link for a partner (an LP, a co-investor, an advisor), issued by a
 * startup or an investor org (`org_id`). The token is the capability: only its SHA-256 is
 * stored. A frozen link keeps the report it rendered at creation in `snapshot`, so its
 * figures never change; a live one is read afresh on each view in the issuer's read-only
 * tenant transaction, where row-level security (for an investor: its grants) applies.
 */
export const shareLinks = tenantTable(
  "share_links",
  {
    ...orgRow(),
    tokenHash: text().notNull(),
    label: text().notNull(),
    scope: text().$type<ShareScope>().notNull(),
    /**
     * company: the one company (a startup's own id, or an investor's granted company);
     * companies: the chosen subset; portfolio: empty (every granted company when read).
     */
    companyOrgIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Subset of GRANT_SECTIONS; for an investor, intersected again with each grant on every view. */
    sections: text().array().notNull(),
    mode: text().$type<ShareMode>().notNull(),
    frozenMonth: text(),
    snapshot: jsonb(),
    /**
     * An investor's frozen link: a digest of the grants its snapshot was last cut to
     * (share-link.server.ts grantsDigest). When the investor's grants differ, its next sync
     * cuts the snapshot down to them again; null means never checked.
     */
    snapshotGrants: text(),
    expiresAt: instant().notNull(),
    /** argon2id; null = no passphrase. */
    passphraseHash: text(),
    createdBy: namedUserRef(),
    /** The first successful view: set once, when its creator is told (decision 023). */
    firstViewedAt: instant(),
    revokedAt: instant(),
    revokedBy: namedUserRef(),
    createdAt: stampedNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex().on(t.tokenHash),
    index().on(t.orgId, t.createdAt),
    check("share_links_token_hash_check", sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
    check("share_links_label_check", sql`char_length(${t.label}) between 1 and 120`),
    check("share_links_scope_check", sql`${t.scope} in ('company', 'portfolio', 'companies')`),
    check(
      "share_links_companies_check",
      sql`(${t.scope} = 'company' and cardinality(${t.companyOrgIds}) = 1) or (${t.scope} = 'companies' and cardinality(${t.companyOrgIds}) between 1 and 500) or (${t.scope} = 'portfolio' and cardinality(${t.companyOrgIds}) = 0)`,
    ),
    check(
      "share_links_sections_check",
      sql`cardinality(${t.sections}) > 0 and ${t.sections} <@ array['financials', 'funding_debt', 'budgets', 'risks', 'updates']::text[]`,
    ),
    check("share_links_mode_check", sql`${t.mode} in ('live', 'frozen')`),
    check(
      "share_links_frozen_check",
      sql`(${t.mode} = 'live' and ${t.frozenMonth} is null and ${t.snapshot} is null) or (${t.mode} = 'frozen' and ${t.frozenMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and ${t.snapshot} is not null)`,
    ),
    check("share_links_expiry_check", sql`${t.expiresAt} > ${t.createdAt} and ${t.expiresAt} <= ${t.createdAt} + interval '365 days 1 hour'`),
  ],
);

/** One row per successful view of a share link: when, and which browser (truncated). */
export const shareLinkViews = tenantTable(
  "share_link_views",
  {
    ...orgRow(),
    linkId: uuid().notNull(),
    viewedAt: stampedNow(),
    userAgent: text(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.linkId], foreignColumns: [shareLinks.orgId, shareLinks.id] }).onDelete("cascade"),
    index().on(t.orgId, t.linkId, t.viewedAt),
    check("share_link_views_user_agent_check", sql`${t.userAgent} is null or char_length(${t.userAgent}) <= 300`),
  ],
);
