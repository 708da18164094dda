import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { FieldError, FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { SECTION_LABELS } from "~/lib/access-grants";
import { appErrorResponse, invalid, parseForm } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { isUuid, SCOPE_LABELS, SHARE_LINK_VIEWS_SHOWN, shareLinkStatus } from "~/lib/share-links";
import { getShareLinkWithViews, revokeShareLink } from "~/models/share-link.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.link.label ?? "Share link"} · Share links · Capital Desk` }];

const RevokeSchema = z.object({
  intent: z.literal("revoke", { error: "Unknown action." }),
  confirm: z.literal("yes", { error: "Tick the box to confirm you want to revoke this link." }),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (!isUuid(params.linkId)) notFound();
  const found = await getShareLinkWithViews(ctx, params.linkId);
  if (!found) notFound();
  const { link, views, totalViews } = found;
  return json({
    org: { slug: ctx.org.slug },
    canManage: can(ctx.role, "manage:members"),
    link: { ...link, status: shareLinkStatus(link) },
    views,
    totalViews: Number(totalViews),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  requirePermission(ctx, "manage:members");
  if (!isUuid(params.linkId)) notFound();
  const parsed = parseForm(RevokeSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors, parsed.fieldErrors.intent ?? "Nothing was changed.");
  try {
    await revokeShareLink(ctx, params.linkId);
  } catch (error) {
    return appErrorResponse(error);
  }
  return redirect(`/o/${ctx.org.slug}/share-links/${params.linkId}`);
}

const STATUS_TONE = { active: "good", expired: "neutral", revoked: "bad" } as const;

export default function ShareLinkDetail() {
  const { org, canManage, link, views, totalViews } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <>
      <PageHeader
        title={link.label}
        description={`${SCOPE_LABELS[link.scope]} · ${link.sections.map((s) => SECTION_LABELS[s as keyof typeof SECTION_LABELS] ?? s).join(", ")} · ${
          link.mode === "frozen" ? `frozen at ${link.frozenMonth}` : "live"
        }`}
        actions={
          <Link to={`/o/${org.slug}/share-links`} className="text-sm text-indigo-700 underline">
            All share links
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={`Views (${totalViews})`}>
            {views.length === 0 ? (
              <EmptyState title="Not opened yet">Each time someone opens the report, the time and their browser appear here.</EmptyState>
            ) : (
              <>
                {totalViews > views.length ? <p className="mb-2 text-xs text-slate-600">The latest {SHARE_LINK_VIEWS_SHOWN} of {totalViews} views.</p> : null}
                <TableScroller>
                  <table className="min-w-full text-sm" data-testid="share-link-views">
                    <thead>
                      <tr className="border-b text-left text-slate-600">
                        <th className="py-2 pr-4 font-medium">Time (UTC)</th>
                        <th className="py-2 font-medium">Browser (user agent)</th>
                      </tr>
                    </thead>
                    <tbody>
                      {views.map((v, i) => (
                        <tr key={i} className="border-b align-top last:border-0">
                          <td className="whitespace-nowrap py-2 pr-4">{String(v.viewedAt).slice(0, 19).replace("T", " ")}</td>
                          <td className="break-all py-2 text-xs text-slate-700">{v.userAgent ?? "not sent"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroller>
              </>
            )}
          </Card>
        </div>
        <Card title="Status">
          <p>
            <Badge tone={STATUS_TONE[link.status]}>{link.status}</Badge>
          </p>
          <dl className="mt-3 space-y-1 text-sm">
            <div><dt className="inline text-slate-600">Created: </dt><dd className="inline">{String(link.createdAt).slice(0, 10)}</dd></div>
            <div><dt className="inline text-slate-600">{link.status === "expired" ? "Expired" : "Expires"}: </dt><dd className="inline">{String(link.expiresAt).slice(0, 16).replace("T", " ")} UTC</dd></div>
            {link.revokedAt ? <div><dt className="inline text-slate-600">Revoked: </dt><dd className="inline">{String(link.revokedAt).slice(0, 16).replace("T", " ")} UTC</dd></div> : null}
            <div><dt className="inline text-slate-600">Passphrase: </dt><dd className="inline">{link.hasPassphrase ? "yes" : "no"}</dd></div>
          </dl>
          <p className="mt-3 text-xs text-slate-500">The link itself was shown once, when it was created; it is not stored and cannot be shown again.</p>
          {canManage && link.status === "active" ? (
            <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4" noValidate>
              <FormError error={result && !result.ok ? result.formError : undefined} />
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="confirm" value="yes" aria-describedby={errors.confirm ? "confirm-error" : undefined} className="mt-0.5" />
                <span>Revoke this link: its report answers &ldquo;not found&rdquo; from now on. This cannot be undone.</span>
              </label>
              <FieldError id="confirm-error" error={errors.confirm} />
              <SubmitButton intent="revoke" variant="danger" pendingText="Revoking…">
                Revoke link
              </SubmitButton>
            </Form>
          ) : null}
        </Card>
      </div>
    </>
  );
}
