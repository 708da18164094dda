/**
 * The loader and action every CSV import page shares (monthly reports, budgets, FX rates): who
 * may import is the page's own guard with "edit:records"; what the file holds is its kind.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import type { OrgContext } from "~/auth/context";
import type { Permission } from "~/auth/permissions";
import type { ImportKind } from "~/domain/csv-import";
import { handleImportAction } from "~/models/csv-import.server";

/** requireStartup or requireInvestor: the org kind the page belongs to. */
type OrgGuard = (request: Request, params: Params, permission: Permission) => Promise<OrgContext>;

/** What the page needs besides its texts: where its list lives and the org's base currency. */
export async function loadCsvImportPage({ request, params }: LoaderFunctionArgs, guard: OrgGuard) {
  const ctx = await guard(request, params, "edit:records");
  return json({ slug: ctx.org.slug, currency: ctx.org.baseCurrency });
}

/** Preview or confirm the uploaded file (handleImportAction tells which). */
export async function importCsvFromPage({ request, params }: ActionFunctionArgs, guard: OrgGuard, kind: ImportKind) {
  const ctx = await guard(request, params, "edit:records");
  return handleImportAction(request, ctx, kind);
}
