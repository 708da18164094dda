import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { CopyCode, SectionBadges } from "~/components/grant-sections";
import { Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { VIA_MAX } from "~/lib/access-grants";
import { appErrorResponse, invalid, parseForm } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { listGrantsForInvestor, requestAccess } from "~/models/access-grant.server";
import { Pager } from "~/components/ui/pager";

export const meta: MetaFunction = () => [{ title: "Companies · Capital Desk" }];

const ActionSchema = z.object({
  intent: z.literal("request", { error: "Reload the page and try again." }),
  via: z.string({ error: "Enter a share code or the owner's email address." }).max(VIA_MAX * 2, "That is too long for a share code or an email address."),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  // A startup has no portfolio companies: this page does not exist for it.
  if (ctx.org.kind !== "investor") notFound();
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const grants = await listGrantsForInvestor(ctx, { page: Number.isSafeInteger(page) ? page : 1 });
  const canManage = can(ctx.role, "manage:members");
  return json({ ...grants, shareCode: canManage ? grants.shareCode : null, canManage, orgSlug: ctx.org.slug });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "investor") notFound();
  requirePermission(ctx, "manage:members");
  const parsed = parseForm(ActionSchema, await request.formData());
  if (!parsed.ok) return invalid(parsed.fieldErrors, "Nothing was sent. Check the highlighted field.");
  try {
    const { message } = await requestAccess(ctx, { via: parsed.data.via });
    return json({ ok: true as const, message });
  } catch (error) {
    return appErrorResponse(error);
  }
}

export default function Companies() {
  const { companies, companiesTotal, page, pageCount, pending, shareCode, canManage, orgSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <>
      <PageHeader title="Companies" description="The startups that share data with you, and the requests you have sent." />
      {result?.ok ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {result.message}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={`Linked companies (${companiesTotal})`}>
            {companies.length === 0 ? (
              <EmptyState title="No linked companies yet">
                {canManage ? "Ask a startup for access with the form on this page, or give it your share code so it can share with you." : "An owner or admin of your organisation can ask startups for access."}
              </EmptyState>
            ) : (
              <>
                <TableScroller>
                  <table className="min-w-full text-sm">
                    <caption className="sr-only">Companies that approved access, by name</caption>
                    <thead>
                      <tr className="border-b text-left text-slate-600">
                        <th className="py-2 pr-4 font-medium">Company</th>
                        <th className="py-2 pr-4 font-medium">Shared with you</th>
                        <th className="py-2 font-medium">Since</th>
                      </tr>
                    </thead>
                    <tbody>
                      {companies.map((c) => (
                        <tr key={c.grantId} className="border-b last:border-0">
                          <td className="py-2 pr-4">
                            <Link to={`/o/${orgSlug}/companies/${c.slug}`} className="font-medium text-indigo-700 underline">
                              {c.name}
                            </Link>
                          </td>
                          <td className="py-2 pr-4">
                            <SectionBadges sections={c.sections} />
                          </td>
                          <td className="py-2">{c.since ? c.since.slice(0, 10) : "—"}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroller>
                <Pager page={page} pageCount={pageCount} href={(p) => `?page=${p}`} />
              </>
            )}
          </Card>
          <Card title={`Pending requests (${pending.length})`}>
            {pending.length === 0 ? (
              <EmptyState title="No pending requests" />
            ) : (
              <ul className="divide-y text-sm">
                {pending.map((p) => (
                  <li key={p.requestedVia} className="flex flex-wrap justify-between gap-2 py-2" data-testid="pending-request">
                    <span>
                      Asked using “<span className="font-medium">{p.requestedVia}</span>”
                    </span>
                    <span className="text-slate-500">sent {p.requestedAt.slice(0, 10)} · waiting for approval</span>
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-xs text-slate-500">The company is named here once it approves your request.</p>
          </Card>
        </div>
        {canManage ? (
          <div className="space-y-6">
            <Card title="Request access">
              <Form method="post" className="space-y-3" noValidate>
                <FormError error={result && !result.ok ? result.formError : undefined} />
                <input type="hidden" name="intent" value="request" />
                <Field
                  label="Company share code or owner email"
                  name="via"
                  autoComplete="off"
                  maxLength={VIA_MAX}
                  hint="Ask the founder for the share code on their Investors page, or enter the email of an owner."
                  error={errors.via}
                />
                <SubmitButton pendingText="Sending…">Request access</SubmitButton>
              </Form>
            </Card>
            {shareCode ? (
              <Card title="Your share code">
                <CopyCode code={shareCode} />
                <p className="mt-2 text-sm text-slate-600">A startup can enter this code to share its data with you without waiting for a request.</p>
              </Card>
            ) : null}
          </div>
        ) : null}
      </div>
    </>
  );
}
