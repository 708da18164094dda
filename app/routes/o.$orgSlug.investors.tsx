import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { CopyCode, SectionBadges, SectionChecklist } from "~/components/grant-sections";
import { Field, FieldError, FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { VIA_MAX } from "~/lib/access-grants";
import { parseForm } from "~/lib/forms.server";
import { AppError, notFound } from "~/lib/http.server";
import {
  approveGrant,
  declineGrant,
  inviteInvestor,
  listGrantsForStartup,
  revokeGrant,
  updateGrantSections,
} from "~/models/access-grant.server";

export const meta: MetaFunction = () => [{ title: "Investors · Capital Desk" }];

const RELOAD = "This form is missing its version. Reload the page and try again.";
const target = {
  grantId: z.string({ error: "Reload the page and try again." }).regex(/^[0-9a-f-]{36}$/i, "Reload the page and try again."),
  version: z.string({ error: RELOAD }).regex(/^\d{1,9}$/, RELOAD).transform(Number),
};
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), ...target }),
  z.object({ intent: z.literal("update-sections"), ...target }),
  z.object({ intent: z.literal("decline"), ...target }),
  z.object({ intent: z.literal("revoke"), ...target, confirm: z.literal("yes", { error: "Tick the box to confirm you want to end this investor's access." }) }),
  z.object({ intent: z.literal("invite"), via: z.string({ error: "Enter the investor's share code or owner email." }).max(VIA_MAX * 2, "That is too long.") }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  // Investor orgs have no investors page; another kind's page does not exist for them.
  if (ctx.org.kind !== "startup") notFound();
  const grants = await listGrantsForStartup(ctx);
  const canManage = can(ctx.role, "manage:members");
  return json({ ...grants, shareCode: canManage ? grants.shareCode : null, canManage });
}

const STATUS_OF: Record<AppError["code"], number> = { INVALID: 400, FORBIDDEN: 403, CONFLICT: 409, NOT_FOUND: 404 };

/** Field errors belong to one form among many on this page: the answer names which (`target`). */
function refusal(error: unknown, formTarget: string) {
  // Not a domain error (a bug, or the database's 503 Response): let it through unchanged.
  if (!(error instanceof AppError)) throw error;
  if (error.code === "NOT_FOUND") notFound();
  return json({ ok: false as const, formError: error.message, fieldErrors: error.fieldErrors, target: formTarget as string | null }, { status: STATUS_OF[error.code] });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  if (ctx.org.kind !== "startup") notFound();
  requirePermission(ctx, "manage:members");
  const formData = await request.formData();
  const parsed = parseForm(ActionSchema, formData);
  if (!parsed.ok) {
    const grantId = formData.get("grantId");
    const formTarget = formData.get("intent") === "invite" ? "invite" : typeof grantId === "string" ? grantId : null;
    return json({ ok: false as const, formError: "Nothing was saved. Check the highlighted fields.", fieldErrors: parsed.fieldErrors, target: formTarget }, { status: 400 });
  }
  const input = parsed.data;
  // One entry per ticked box; the model refuses anything outside the list.
  const sections = formData.getAll("sections");
  const formTarget = input.intent === "invite" ? "invite" : input.grantId;
  try {
    switch (input.intent) {
      case "approve":
        await approveGrant(ctx, input.grantId, input.version, sections);
        return json({ ok: true as const, message: "Request approved. The investor can now read the sections you chose." });
      case "update-sections":
        await updateGrantSections(ctx, input.grantId, input.version, sections);
        return json({ ok: true as const, message: "Shared sections saved. The change applies immediately." });
      case "decline":
        await declineGrant(ctx, input.grantId, input.version);
        return json({ ok: true as const, message: "Request declined." });
      case "revoke":
        await revokeGrant(ctx, input.grantId, input.version);
        return json({ ok: true as const, message: "Access revoked. The investor can no longer read any of your data." });
      case "invite": {
        const created = await inviteInvestor(ctx, { via: input.via, sections });
        return json({ ok: true as const, message: `Shared with ${created.investorName}.` });
      }
    }
  } catch (error) {
    return refusal(error, formTarget);
  }
}

type Data = SerializeFrom<typeof loader>;
type Grant = Data["active"][number];
type Result = ReturnType<typeof useActionData<typeof action>>;

function day(value: string | null) {
  return value ? value.slice(0, 10) : "—";
}

function errorsFor(result: Result, formTarget: string | null): { fieldErrors: Record<string, string>; formError?: string } {
  if (!result || result.ok) return { fieldErrors: {} };
  return result.target === formTarget ? { fieldErrors: result.fieldErrors, formError: result.formError } : { fieldErrors: {} };
}

/** Pending only for the form (grant and intent) that is in flight, not every Approve on the page. */
function GrantButton({ grantId, intent, children, pendingText, tone = "primary" }: { grantId: string; intent: string; children: ReactNode; pendingText: string; tone?: "primary" | "secondary" | "danger" }) {
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && navigation.formData?.get("grantId") === grantId && navigation.formData?.get("intent") === intent;
  const colours = { primary: "bg-indigo-600 text-white hover:bg-indigo-700", secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50", danger: "bg-red-600 text-white hover:bg-red-700" }[tone];
  return (
    <button type="submit" name="intent" value={intent} disabled={pending} aria-busy={pending || undefined} className={`rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm disabled:opacity-60 ${colours}`}>
      {pending ? pendingText : children}
    </button>
  );
}

export default function Investors() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { canManage, pending, active, history, historyTotal } = data;
  const invite = errorsFor(result, "invite");
  // A refusal that names no form (a tampered post without grantId or intent) shows at the top.
  const untargeted = errorsFor(result, null).formError;
  return (
    <>
      <PageHeader title="Investors" description="Who may read which parts of your data. Investors only ever read; you can change or end their access at any time." />
      {result?.ok ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          {result.message}
        </p>
      ) : null}
      <div className="mb-4">
        <FormError error={untargeted} />
      </div>
      {!canManage ? <p className="mb-4 text-sm text-slate-600">Only owners and admins can approve, change or revoke investor access.</p> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title={`Pending requests (${pending.length})`}>
            {pending.length === 0 ? (
              <EmptyState title="No pending requests">When an investor asks for access with your share code or an owner's email, the request appears here.</EmptyState>
            ) : (
              <ul className="divide-y">
                {pending.map((g) => (
                  <PendingRequest key={`${g.id}-${g.version}`} grant={g} canManage={canManage} result={result} />
                ))}
              </ul>
            )}
          </Card>
          <Card title={`Active access (${active.length})`}>
            {active.length === 0 ? (
              <EmptyState title="No investor has access">Approve a request or share with an investor to give them read-only access to chosen sections.</EmptyState>
            ) : (
              <ul className="divide-y">
                {active.map((g) => (
                  <ActiveGrant key={`${g.id}-${g.version}`} grant={g} canManage={canManage} result={result} />
                ))}
              </ul>
            )}
          </Card>
          <Card title="History">
            {history.length === 0 ? (
              <EmptyState title="Nothing declined or revoked yet" />
            ) : (
              <TableScroller>
                <table className="min-w-full text-sm">
                  <caption className="sr-only">Declined requests and revoked access, newest first</caption>
                  <thead>
                    <tr className="border-b text-left text-slate-600">
                      <th className="py-2 pr-4 font-medium">Investor</th>
                      <th className="py-2 pr-4 font-medium">Outcome</th>
                      <th className="py-2 pr-4 font-medium">Sections it had</th>
                      <th className="py-2 pr-4 font-medium">When</th>
                      <th className="py-2 font-medium">By</th>
                    </tr>
                  </thead>
                  <tbody>
                    {history.map((g) => (
                      <tr key={g.id} className="border-b last:border-0">
                        <td className="py-2 pr-4">{g.investorName}</td>
                        <td className="py-2 pr-4">
                          <Badge tone={g.status === "revoked" ? "bad" : "neutral"}>{g.status === "revoked" ? "Revoked" : "Declined"}</Badge>
                        </td>
                        <td className="py-2 pr-4">
                          <SectionBadges sections={g.sections} />
                        </td>
                        <td className="py-2 pr-4">{day(g.decidedAt)}</td>
                        <td className="py-2">{g.decidedByName ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {historyTotal > history.length ? (
                  <p className="mt-2 text-xs text-slate-500">
                    Showing the {history.length} latest of {historyTotal}. The audit log has every change.
                  </p>
                ) : null}
              </TableScroller>
            )}
          </Card>
        </div>
        {canManage ? (
          <div className="space-y-6">
            <Card title="Your share code">
              {data.shareCode ? <CopyCode code={data.shareCode} /> : null}
              <p className="mt-2 text-sm text-slate-600">
                Give this code to an investor so they can ask for access. It only lets them ask: you approve and choose what they see. Select it to copy, or use Copy.
              </p>
            </Card>
            <Card title="Share with an investor">
              <Form method="post" className="space-y-3" noValidate>
                <FormError error={invite.formError} />
                <Field
                  label="Investor's share code or owner email"
                  name="via"
                  id="invite-via"
                  autoComplete="off"
                  maxLength={VIA_MAX}
                  hint="The investor finds its share code on its Companies page."
                  error={invite.fieldErrors.via}
                />
                <SectionChecklist idPrefix="invite" checked={[]} legend="Sections to share" error={invite.fieldErrors.sections} />
                <SubmitButton intent="invite" pendingText="Sharing…">
                  Share
                </SubmitButton>
              </Form>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}

function Hidden({ grant }: { grant: Grant }) {
  return (
    <>
      <input type="hidden" name="grantId" value={grant.id} />
      <input type="hidden" name="version" value={grant.version} />
    </>
  );
}

function PendingRequest({ grant, canManage, result }: { grant: Grant; canManage: boolean; result: Result }) {
  const { fieldErrors, formError } = errorsFor(result, grant.id);
  return (
    <li className="py-3" data-testid="pending-request">
      <p className="font-medium">{grant.investorName}</p>
      <p className="text-sm text-slate-600">
        Asked {day(grant.requestedAt)} using “{grant.requestedVia ?? "—"}”
      </p>
      {canManage ? (
        <Form method="post" className="mt-2 space-y-2" noValidate>
          <FormError error={formError} />
          <Hidden grant={grant} />
          <SectionChecklist idPrefix={grant.id} checked={[]} legend={`Sections ${grant.investorName} may read`} error={fieldErrors.sections} />
          <div className="flex gap-2">
            <GrantButton grantId={grant.id} intent="approve" pendingText="Approving…">
              Approve
            </GrantButton>
            <GrantButton grantId={grant.id} intent="decline" pendingText="Declining…" tone="secondary">
              Decline
            </GrantButton>
          </div>
        </Form>
      ) : null}
    </li>
  );
}

function ActiveGrant({ grant, canManage, result }: { grant: Grant; canManage: boolean; result: Result }) {
  const { fieldErrors, formError } = errorsFor(result, grant.id);
  return (
    <li className="py-3" data-testid="active-grant">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium">{grant.investorName}</p>
        <p className="text-xs text-slate-500">
          {grant.initiatedBy === "startup" ? "Shared by you" : "Approved"} {day(grant.decidedAt)}
          {grant.decidedByName ? ` by ${grant.decidedByName}` : ""}
        </p>
      </div>
      {canManage ? (
        <>
          <Form method="post" className="mt-2 space-y-2" noValidate>
            <FormError error={formError} />
            <Hidden grant={grant} />
            <SectionChecklist idPrefix={grant.id} checked={grant.sections} legend="Shared sections" error={fieldErrors.sections} />
            <GrantButton grantId={grant.id} intent="update-sections" pendingText="Saving…" tone="secondary">
              Save sections
            </GrantButton>
          </Form>
          <Form method="post" className="mt-3 flex flex-wrap items-center gap-3 rounded-md border border-red-100 bg-red-50 p-2" noValidate>
            <Hidden grant={grant} />
            <label className="flex items-center gap-2 text-sm text-red-900">
              <input type="checkbox" name="confirm" value="yes" aria-describedby={fieldErrors.confirm ? `${grant.id}-confirm-error` : undefined} />
              Yes, end {grant.investorName}'s access now
            </label>
            <GrantButton grantId={grant.id} intent="revoke" pendingText="Revoking…" tone="danger">
              Revoke
            </GrantButton>
            <FieldError id={`${grant.id}-confirm-error`} error={fieldErrors.confirm} />
          </Form>
        </>
      ) : (
        <div className="mt-1 text-sm">
          <SectionBadges sections={grant.sections} />
        </div>
      )}
    </li>
  );
}
