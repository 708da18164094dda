import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requirePermission, requireStartup } from "~/auth/tenant.server";
import { CopyCode, InvestorIdentity, LookalikeWarning, SectionBadges, SectionChecklist, sharedInvestorNames } from "~/components/grant-sections";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { Field, FormError, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader, TableScroller } from "~/components/ui/layout";
import { MainWithAside } from "~/components/ui/columns";
import { metaTitle, renderMessage, renderMessages, translate, useT, zodMessage, type Locale } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { SECTION_KEYS, VIA_MAX } from "~/domain/access-grants";
import { dateText } from "~/i18n/display";
import { parseForm } from "~/server/forms.server";
import { AppError, notFound } from "~/server/http.server";
import { approveGrant, declineGrant, inviteInvestor, listGrantsForStartup, revokeGrant, updateGrantSections } from "~/models/access-grant.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { common_action_saving } from "~/paraglide/messages/common_action_saving.js";
import { common_status_declined } from "~/paraglide/messages/common_status_declined.js";
import { common_status_revoked } from "~/paraglide/messages/common_status_revoked.js";
import { common_validation_checkFields } from "~/paraglide/messages/common_validation_checkfields1.js";
import { investor_error_reload } from "~/paraglide/messages/investor_error_reload.js";
import { investor_grants_activeCard } from "~/paraglide/messages/investor_grants_activecard1.js";
import { investor_grants_approve } from "~/paraglide/messages/investor_grants_approve.js";
import { investor_grants_approved } from "~/paraglide/messages/investor_grants_approved.js";
import { investor_grants_approvedOn } from "~/paraglide/messages/investor_grants_approvedon1.js";
import { investor_grants_approvedOnBy } from "~/paraglide/messages/investor_grants_approvedonby2.js";
import { investor_grants_approving } from "~/paraglide/messages/investor_grants_approving.js";
import { investor_grants_askedOn } from "~/paraglide/messages/investor_grants_askedon1.js";
import { investor_grants_confirmRevoke } from "~/paraglide/messages/investor_grants_confirmrevoke1.js";
import { investor_grants_decline } from "~/paraglide/messages/investor_grants_decline.js";
import { investor_grants_declineConsequence } from "~/paraglide/messages/investor_grants_declineconsequence1.js";
import { investor_grants_declineDialogTitle } from "~/paraglide/messages/investor_grants_declinedialogtitle2.js";
import { investor_grants_declineTick } from "~/paraglide/messages/investor_grants_declinetick1.js";
import { investor_grants_declined } from "~/paraglide/messages/investor_grants_declined.js";
import { investor_grants_declining } from "~/paraglide/messages/investor_grants_declining.js";
import { investor_grants_description } from "~/paraglide/messages/investor_grants_description.js";
import { investor_grants_error_confirmDecline } from "~/paraglide/messages/investor_grants_error_confirmdecline1.js";
import { investor_grants_error_confirmRevoke } from "~/paraglide/messages/investor_grants_error_confirmrevoke1.js";
import { investor_grants_error_inviteVia } from "~/paraglide/messages/investor_grants_error_invitevia1.js";
import { investor_grants_error_reloadPage } from "~/paraglide/messages/investor_grants_error_reloadpage1.js";
import { investor_grants_error_tooLong } from "~/paraglide/messages/investor_grants_error_toolong1.js";
import { investor_grants_head_by } from "~/paraglide/messages/investor_grants_head_by.js";
import { investor_grants_head_investor } from "~/paraglide/messages/investor_grants_head_investor.js";
import { investor_grants_head_outcome } from "~/paraglide/messages/investor_grants_head_outcome.js";
import { investor_grants_head_sections } from "~/paraglide/messages/investor_grants_head_sections.js";
import { investor_grants_head_when } from "~/paraglide/messages/investor_grants_head_when.js";
import { investor_grants_history } from "~/paraglide/messages/investor_grants_history.js";
import { investor_grants_historyCaption } from "~/paraglide/messages/investor_grants_historycaption1.js";
import { investor_grants_historyMore } from "~/paraglide/messages/investor_grants_historymore1.js";
import { investor_grants_invite } from "~/paraglide/messages/investor_grants_invite.js";
import { investor_grants_inviteVia } from "~/paraglide/messages/investor_grants_invitevia1.js";
import { investor_grants_inviteViaHint } from "~/paraglide/messages/investor_grants_inviteviahint2.js";
import { investor_grants_noActive } from "~/paraglide/messages/investor_grants_noactive1.js";
import { investor_grants_noActiveBody } from "~/paraglide/messages/investor_grants_noactivebody2.js";
import { investor_grants_noHistory } from "~/paraglide/messages/investor_grants_nohistory1.js";
import { investor_grants_noPending } from "~/paraglide/messages/investor_grants_nopending1.js";
import { investor_grants_noPendingBody } from "~/paraglide/messages/investor_grants_nopendingbody2.js";
import { investor_grants_pendingCard } from "~/paraglide/messages/investor_grants_pendingcard1.js";
import { investor_grants_readOnly } from "~/paraglide/messages/investor_grants_readonly1.js";
import { investor_grants_revoke } from "~/paraglide/messages/investor_grants_revoke.js";
import { investor_grants_revokeConsequence } from "~/paraglide/messages/investor_grants_revokeconsequence1.js";
import { investor_grants_revokeDialogTitle } from "~/paraglide/messages/investor_grants_revokedialogtitle2.js";
import { investor_grants_revoked } from "~/paraglide/messages/investor_grants_revoked.js";
import { investor_grants_revoking } from "~/paraglide/messages/investor_grants_revoking.js";
import { investor_grants_saveSections } from "~/paraglide/messages/investor_grants_savesections1.js";
import { investor_grants_sectionsMayRead } from "~/paraglide/messages/investor_grants_sectionsmayread2.js";
import { investor_grants_sectionsSaved } from "~/paraglide/messages/investor_grants_sectionssaved1.js";
import { investor_grants_sectionsToShare } from "~/paraglide/messages/investor_grants_sectionstoshare2.js";
import { investor_grants_share } from "~/paraglide/messages/investor_grants_share.js";
import { investor_grants_shareCodeHint } from "~/paraglide/messages/investor_grants_sharecodehint2.js";
import { investor_grants_sharedByYou } from "~/paraglide/messages/investor_grants_sharedbyyou2.js";
import { investor_grants_sharedByYouBy } from "~/paraglide/messages/investor_grants_sharedbyyouby3.js";
import { investor_grants_sharedSections } from "~/paraglide/messages/investor_grants_sharedsections1.js";
import { investor_grants_sharedWith } from "~/paraglide/messages/investor_grants_sharedwith1.js";
import { investor_grants_sharedWithUnnamed } from "~/paraglide/messages/investor_grants_sharedwithunnamed2.js";
import { investor_grants_sharing } from "~/paraglide/messages/investor_grants_sharing.js";
import { investor_grants_title } from "~/paraglide/messages/investor_grants_title.js";
import { investor_grants_unknownInvestor } from "~/paraglide/messages/investor_grants_unknowninvestor1.js";
import { investor_shareCode_title } from "~/paraglide/messages/investor_sharecode_title1.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_grants_title)];

// Zod messages are refs (zodMessage); parseForm gives them back as refs and the failure reply renders them in the request's language.
const RELOAD = zodMessage(investor_error_reload);
const RELOAD_PAGE = zodMessage(investor_grants_error_reloadPage);
const target = {
  grantId: z.string({ error: RELOAD_PAGE }).regex(/^[0-9a-f-]{36}$/i, RELOAD_PAGE),
  version: z
    .string({ error: RELOAD })
    .regex(/^\d{1,9}$/, RELOAD)
    .transform(Number),
};
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve"), ...target }),
  z.object({ intent: z.literal("update-sections"), ...target }),
  z.object({ intent: z.literal("decline"), ...target, confirm: z.literal("yes", { error: zodMessage(investor_grants_error_confirmDecline) }) }),
  z.object({ intent: z.literal("revoke"), ...target, confirm: z.literal("yes", { error: zodMessage(investor_grants_error_confirmRevoke) }) }),
  z.object({
    intent: z.literal("invite"),
    via: z.string({ error: zodMessage(investor_grants_error_inviteVia) }).max(VIA_MAX * 2, zodMessage(investor_grants_error_tooLong)),
  }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStartup(request, params);
  // Investor orgs have no investors page; another kind's page does not exist for them.
  const grants = await listGrantsForStartup(ctx);
  const canManage = can(ctx.role, "manage:members");
  return json({ ...grants, shareCode: canManage ? grants.shareCode : null, canManage });
}

const STATUS_OF: Record<AppError["code"], number> = { INVALID: 400, FORBIDDEN: 403, CONFLICT: 409, NOT_FOUND: 404 };

/** Field errors belong to one form among many on this page: the answer names which (`target`). Messages in the request's language. */
function refusal(error: unknown, formTarget: string, locale: Locale) {
  // Not a domain error (a bug, or the database's 503 Response): let it through unchanged.
  if (!(error instanceof AppError)) throw error;
  if (error.code === "NOT_FOUND") notFound();
  return json(
    {
      ok: false as const,
      formError: renderMessage(locale, error.ref),
      fieldErrors: renderMessages(locale, error.fieldErrors),
      target: formTarget as string | null,
    },
    { status: STATUS_OF[error.code] },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireStartup(request, params);
  requirePermission(ctx, "manage:members");
  const locale = getLocale(request);
  const formData = await request.formData();
  const parsed = parseForm(ActionSchema, formData);
  if (!parsed.ok) {
    const grantId = formData.get("grantId");
    const formTarget = formData.get("intent") === "invite" ? "invite" : typeof grantId === "string" ? grantId : null;
    return json(
      {
        ok: false as const,
        formError: translate(locale, common_validation_checkFields),
        fieldErrors: renderMessages(locale, parsed.fieldErrors),
        target: formTarget,
      },
      { status: 400 },
    );
  }
  const input = parsed.data;
  // One entry per ticked box; the model refuses anything outside the list.
  const sections = formData.getAll("sections");
  const formTarget = input.intent === "invite" ? "invite" : input.grantId;
  const here = `/o/${ctx.org.slug}/investors`;
  try {
    switch (input.intent) {
      case "approve":
        await approveGrant(ctx, input.grantId, input.version, sections, { origin: context.origin });
        return redirectWithToast(here, toast(investor_grants_approved));
      case "update-sections":
        await updateGrantSections(ctx, input.grantId, input.version, sections, { origin: context.origin });
        return redirectWithToast(here, toast(investor_grants_sectionsSaved));
      case "decline":
        await declineGrant(ctx, input.grantId, input.version);
        return redirectWithToast(here, toast(investor_grants_declined));
      case "revoke":
        await revokeGrant(ctx, input.grantId, input.version, { origin: context.origin });
        return redirectWithToast(here, toast(investor_grants_revoked));
      case "invite": {
        const created = await inviteInvestor(ctx, { via: input.via, sections }, { origin: context.origin });
        return redirectWithToast(
          here,
          created.investorName ? toast(investor_grants_sharedWith, { name: created.investorName }) : toast(investor_grants_sharedWithUnnamed),
        );
      }
    }
  } catch (error) {
    return refusal(error, formTarget, locale);
  }
}

type Data = SerializeFrom<typeof loader>;
type Grant = Data["active"][number];
type Result = ReturnType<typeof useActionData<typeof action>>;

function errorsFor(result: Result, formTarget: string | null): { fieldErrors: Record<string, string>; formError?: string } {
  if (!result || result.ok) return { fieldErrors: {} };
  return result.target === formTarget ? { fieldErrors: result.fieldErrors, formError: result.formError } : { fieldErrors: {} };
}

/** Pending only for the form (grant and intent) that is in flight, not every Approve on the page. */
/** A decision's calendar day: ISO in English, the locale's date in Chinese. */
function useDay() {
  const t = useT();
  return (value: string | null) => (value ? dateText(t, value.slice(0, 10)) : "—");
}

function GrantButton({
  grantId,
  intent,
  children,
  pendingText,
  tone = "primary",
}: {
  grantId: string;
  intent: string;
  children: ReactNode;
  pendingText: string;
  tone?: "primary" | "secondary";
}) {
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && navigation.formData?.get("grantId") === grantId && navigation.formData?.get("intent") === intent;
  const colours = { primary: "bg-indigo-600 text-white hover:bg-indigo-700", secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50" }[
    tone
  ];
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      disabled={pending}
      aria-busy={pending || undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-semibold shadow-sm disabled:opacity-60 ${colours}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}

export default function Investors() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const day = useDay();
  const { canManage, pending, active, history, historyTotal } = data;
  const invite = errorsFor(result, "invite");
  // A refusal that names no form (a tampered post without grantId or intent) shows at the top.
  const untargeted = errorsFor(result, null).formError;
  return (
    <>
      <PageHeader title={t(investor_grants_title)} description={t(investor_grants_description)} />
      <div className="mb-4">
        <FormError error={untargeted} />
      </div>
      {!canManage ? <p className="mb-4 text-sm text-slate-600">{t(investor_grants_readOnly)}</p> : null}
      <div className="mb-4">
        <LookalikeWarning names={sharedInvestorNames([...pending, ...active, ...history])} />
      </div>
      <MainWithAside
        aside={
          canManage ? (
            <>
              <Card title={t(investor_shareCode_title)}>
                {data.shareCode ? <CopyCode code={data.shareCode} /> : null}
                <p className="mt-2 text-sm text-slate-600">{t(investor_grants_shareCodeHint)}</p>
              </Card>
              <Card title={t(investor_grants_invite)}>
                <Form method="post" className="space-y-3" noValidate>
                  <FormError error={invite.formError} />
                  <Field
                    label={t(investor_grants_inviteVia)}
                    name="via"
                    id="invite-via"
                    autoComplete="off"
                    maxLength={VIA_MAX}
                    hint={t(investor_grants_inviteViaHint)}
                    error={invite.fieldErrors.via}
                  />
                  <SectionChecklist idPrefix="invite" checked={[]} legend={t(investor_grants_sectionsToShare)} error={invite.fieldErrors.sections} />
                  <SubmitButton intent="invite" pendingText={t(investor_grants_sharing)}>
                    {t(investor_grants_share)}
                  </SubmitButton>
                </Form>
              </Card>
            </>
          ) : null
        }
      >
        <Card title={t(investor_grants_pendingCard, { count: pending.length })}>
          {pending.length === 0 ? (
            <EmptyState title={t(investor_grants_noPending)}>{t(investor_grants_noPendingBody)}</EmptyState>
          ) : (
            <ul className="divide-y">
              {pending.map((g) => (
                <PendingRequest key={`${g.id}-${g.version}`} grant={g} canManage={canManage} result={result} />
              ))}
            </ul>
          )}
        </Card>
        <Card title={t(investor_grants_activeCard, { count: active.length })}>
          {active.length === 0 ? (
            <EmptyState title={t(investor_grants_noActive)}>{t(investor_grants_noActiveBody)}</EmptyState>
          ) : (
            <ul className="divide-y">
              {active.map((g) => (
                <ActiveGrant key={`${g.id}-${g.version}`} grant={g} canManage={canManage} result={result} />
              ))}
            </ul>
          )}
        </Card>
        <Card title={t(investor_grants_history)}>
          {history.length === 0 ? (
            <EmptyState title={t(investor_grants_noHistory)} />
          ) : (
            <TableScroller>
              <Table scroll={false} caption={t(investor_grants_historyCaption)}>
                <ColumnHeads
                  heads={[
                    t(investor_grants_head_investor),
                    t(investor_grants_head_outcome),
                    t(investor_grants_head_sections),
                    t(investor_grants_head_when),
                    t(investor_grants_head_by),
                  ]}
                />
                <tbody>
                  {history.map((g) => (
                    <Tr key={g.id}>
                      <Td>
                        {g.investorName ?? t(investor_grants_unknownInvestor)}
                        <InvestorIdentity grant={g} day={day} />
                      </Td>
                      <Td>
                        <Badge tone={g.status === "revoked" ? "bad" : "neutral"}>
                          {g.status === "revoked" ? t(common_status_revoked) : t(common_status_declined)}
                        </Badge>
                      </Td>
                      <Td>
                        <SectionBadges sections={g.sections} />
                      </Td>
                      <Td>{day(g.decidedAt)}</Td>
                      <Td last>{g.decidedByName ?? "—"}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
              {historyTotal > history.length ? (
                <p className="mt-2 text-xs text-slate-500">{t(investor_grants_historyMore, { shown: history.length, total: historyTotal })}</p>
              ) : null}
            </TableScroller>
          )}
        </Card>
      </MainWithAside>
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
  const t = useT();
  const day = useDay();
  const name = grant.investorName ?? t(investor_grants_unknownInvestor);
  return (
    <li className="py-3" data-testid="pending-request">
      <p className="font-medium">{name}</p>
      <InvestorIdentity grant={grant} day={day} />
      <p className="text-sm text-slate-600">{t(investor_grants_askedOn, { date: day(grant.requestedAt), via: grant.requestedVia ?? "—" })}</p>
      {canManage ? (
        <Form method="post" className="mt-2 space-y-2" noValidate>
          <FormError error={formError} />
          <Hidden grant={grant} />
          {/* An investor's request names no sections (it asks for the company), so every section starts
              ticked: approving shares everything unless the founder unticks some. Issue #15 item 14. */}
          <SectionChecklist idPrefix={grant.id} checked={SECTION_KEYS} legend={t(investor_grants_sectionsMayRead, { name })} error={fieldErrors.sections} />
          <div className="flex gap-2">
            <GrantButton grantId={grant.id} intent="approve" pendingText={t(investor_grants_approving)}>
              {t(investor_grants_approve)}
            </GrantButton>
            <ConfirmAction
              intent="decline"
              look="secondary"
              texts={{
                action: t(investor_grants_decline),
                title: t(investor_grants_declineDialogTitle, { name }),
                consequence: t(investor_grants_declineConsequence, { name }),
                tick: t(investor_grants_declineTick, { name }),
                pending: t(investor_grants_declining),
              }}
              error={fieldErrors.confirm}
            />
          </div>
        </Form>
      ) : null}
    </li>
  );
}

function ActiveGrant({ grant, canManage, result }: { grant: Grant; canManage: boolean; result: Result }) {
  const { fieldErrors, formError } = errorsFor(result, grant.id);
  const t = useT();
  const day = useDay();
  const name = grant.investorName ?? t(investor_grants_unknownInvestor);
  const when = day(grant.decidedAt);
  return (
    <li className="py-3" data-testid="active-grant">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <p className="font-medium">{name}</p>
          <InvestorIdentity grant={grant} day={day} />
        </div>
        <p className="text-xs text-slate-500">
          {grant.initiatedBy === "startup"
            ? grant.decidedByName
              ? t(investor_grants_sharedByYouBy, { date: when, name: grant.decidedByName })
              : t(investor_grants_sharedByYou, { date: when })
            : grant.decidedByName
              ? t(investor_grants_approvedOnBy, { date: when, name: grant.decidedByName })
              : t(investor_grants_approvedOn, { date: when })}
        </p>
      </div>
      {canManage ? (
        <>
          <Form method="post" className="mt-2 space-y-2" noValidate>
            <FormError error={formError} />
            <Hidden grant={grant} />
            <SectionChecklist idPrefix={grant.id} checked={grant.sections} legend={t(investor_grants_sharedSections)} error={fieldErrors.sections} />
            <GrantButton grantId={grant.id} intent="update-sections" pendingText={t(common_action_saving)} tone="secondary">
              {t(investor_grants_saveSections)}
            </GrantButton>
          </Form>
          <Form method="post" className="mt-3 rounded-md border border-red-100 bg-red-50 p-2" noValidate>
            <Hidden grant={grant} />
            <ConfirmAction
              intent="revoke"
              look="small"
              texts={{
                action: t(investor_grants_revoke),
                title: t(investor_grants_revokeDialogTitle, { name }),
                consequence: t(investor_grants_revokeConsequence, { name }),
                tick: t(investor_grants_confirmRevoke, { name }),
                pending: t(investor_grants_revoking),
              }}
              error={fieldErrors.confirm}
            />
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
