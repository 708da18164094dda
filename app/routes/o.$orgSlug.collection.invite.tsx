import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireInvestor } from "~/auth/tenant.server";
import { TextLink } from "~/components/ui/button";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { SECTION_LABEL_KEYS } from "~/domain/access-grants";
import { isUuid } from "~/domain/bounds";
import { companyInvitationSchema } from "~/domain/company-invitation";
import { metaTitle, useLocale, useT } from "~/i18n";
import { dateCell, dateText, listText, monthRangeText, monthText } from "~/i18n/display";
import { getLocale } from "~/i18n/locale.server";
import { cancelCompanyInvitation, getInvitationsPage, inviteCompany, resendCompanyInvitation } from "~/models/company-invitation.server";
import { mailOrigin } from "~/models/notification.server";
import { appNow } from "~/server/clock.server";
import { failureFromError, invalidForm, parseForm } from "~/server/forms.server";
import { notFound } from "~/server/http.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { investor_invite_cancel } from "~/paraglide/messages/investor_invite_cancel.js";
import { investor_invite_cancelling } from "~/paraglide/messages/investor_invite_cancelling.js";
import { investor_invite_col_company } from "~/paraglide/messages/investor_invite_col_company.js";
import { investor_invite_col_email } from "~/paraglide/messages/investor_invite_col_email.js";
import { investor_invite_col_period } from "~/paraglide/messages/investor_invite_col_period.js";
import { investor_invite_col_sent } from "~/paraglide/messages/investor_invite_col_sent.js";
import { investor_invite_col_state } from "~/paraglide/messages/investor_invite_col_state.js";
import { investor_invite_description } from "~/paraglide/messages/investor_invite_description.js";
import { investor_invite_done_cancelled } from "~/paraglide/messages/investor_invite_done_cancelled.js";
import { investor_invite_done_resent } from "~/paraglide/messages/investor_invite_done_resent.js";
import { investor_invite_done_sent } from "~/paraglide/messages/investor_invite_done_sent.js";
import { investor_invite_field_company } from "~/paraglide/messages/investor_invite_field_company.js";
import { investor_invite_field_email } from "~/paraglide/messages/investor_invite_field_email.js";
import { investor_invite_field_emailHint } from "~/paraglide/messages/investor_invite_field_emailhint1.js";
import { investor_invite_field_plan } from "~/paraglide/messages/investor_invite_field_plan.js";
import { investor_invite_formTitle } from "~/paraglide/messages/investor_invite_formtitle1.js";
import { investor_invite_listEmpty } from "~/paraglide/messages/investor_invite_listempty1.js";
import { investor_invite_listTitle } from "~/paraglide/messages/investor_invite_listtitle1.js";
import { investor_invite_noPlans } from "~/paraglide/messages/investor_invite_noplans1.js";
import { investor_invite_planOption } from "~/paraglide/messages/investor_invite_planoption1.js";
import { investor_invite_planOption_report } from "~/paraglide/messages/investor_invite_planoption_report1.js";
import { records_join_askArr } from "~/paraglide/messages/records_join_askarr1.js";
import { requestAsks } from "~/components/request-asks";
import { investor_invite_resend } from "~/paraglide/messages/investor_invite_resend.js";
import { investor_invite_sectionsNote } from "~/paraglide/messages/investor_invite_sectionsnote1.js";
import { investor_invite_send } from "~/paraglide/messages/investor_invite_send.js";
import { investor_invite_sending } from "~/paraglide/messages/investor_invite_sending.js";
import { investor_invite_state_accepted } from "~/paraglide/messages/investor_invite_state_accepted.js";
import { investor_invite_state_cancelled } from "~/paraglide/messages/investor_invite_state_cancelled.js";
import { investor_invite_state_expired } from "~/paraglide/messages/investor_invite_state_expired.js";
import { investor_invite_state_pending } from "~/paraglide/messages/investor_invite_state_pending.js";
import { investor_invite_title } from "~/paraglide/messages/investor_invite_title.js";
import { investor_request_collection_new } from "~/paraglide/messages/investor_request_collection_new.js";
import { investor_request_form_back } from "~/paraglide/messages/investor_request_form_back.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_invite_title)];

// Inviting companies that are not on Capital Desk yet (decision 028): owners and admins of the fund
// (`manage:requests`), as defining requests. The list holds founders' addresses, so the whole page is theirs.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params, "manage:requests");
  return json(await getInvitationsPage(ctx, appNow()));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params, "manage:requests");
  const locale = getLocale(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "invite");
  const mail = { origin: mailOrigin(context.origin), locale };
  const here = new URL(request.url).pathname;
  try {
    if (intent === "invite") {
      const parsed = parseForm(companyInvitationSchema(), formData);
      if (!parsed.ok) return invalidForm(parsed.fieldErrors, { locale, values: formData });
      const { email } = await inviteCompany(ctx, parsed.data, mail, appNow());
      return redirectWithToast(here, toast(investor_invite_done_sent, { email }));
    }
    const id = String(formData.get("invitationId") ?? "");
    if (!isUuid(id)) notFound();
    if (intent === "resend") {
      const { email } = await resendCompanyInvitation(ctx, id, mail, appNow());
      return redirectWithToast(here, toast(investor_invite_done_resent, { email }));
    }
    if (intent === "cancel") {
      const { email } = await cancelCompanyInvitation(ctx, id, appNow());
      return redirectWithToast(here, toast(investor_invite_done_cancelled, { email }));
    }
    notFound();
  } catch (error) {
    return failureFromError(error, locale, { values: formData });
  }
}

const STATE_LABELS = {
  pending: investor_invite_state_pending,
  expired: investor_invite_state_expired,
  accepted: investor_invite_state_accepted,
  cancelled: investor_invite_state_cancelled,
} as const;
const STATE_TONES = { pending: "info", expired: "warn", accepted: "good", cancelled: "neutral" } as const;

export default function InviteCompanies() {
  const { plans, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : null;
  const typed: Record<string, string> = failed?.values ?? {};
  const errors = failed && typed.intent !== "resend" && typed.intent !== "cancel" ? failed.fieldErrors : {};
  const [search] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHeader
        title={t(investor_invite_title)}
        description={t(investor_invite_description)}
        actions={
          <TextLink to=".." relative="path">
            {t(investor_request_form_back)}
          </TextLink>
        }
      />
      <div className="space-y-6">
        {plans.length === 0 ? (
          <EmptyState title={t(investor_invite_noPlans)}>
            <TextLink to="../new">{t(investor_request_collection_new)}</TextLink>
          </EmptyState>
        ) : (
          <Card title={t(investor_invite_formTitle)}>
            <Form method="post" className="grid gap-4 md:grid-cols-2" noValidate>
              <input type="hidden" name="intent" value="invite" />
              <div className="md:col-span-2">
                <FormError error={failed?.formError} />
              </div>
              <Field
                label={t(investor_invite_field_email)}
                name="email"
                type="email"
                autoComplete="off"
                defaultValue={typed.email ?? ""}
                error={errors.email}
                hint={t(investor_invite_field_emailHint)}
              />
              <Field label={t(investor_invite_field_company)} name="companyName" defaultValue={typed.companyName ?? ""} error={errors.companyName} />
              <div className="md:col-span-2">
                <SelectField
                  label={t(investor_invite_field_plan)}
                  name="planId"
                  defaultValue={typed.planId ?? search.get("plan") ?? plans[0]?.id}
                  error={errors.planId}
                  options={plans.map((p) => ({
                    value: p.id,
                    label: t(investor_invite_planOption, {
                      period: monthRangeText(locale, p.monthFrom, p.monthTo),
                      due: dateText(locale, p.dueOn),
                      // What the request asks, named as the join page names it, so two plans for one month differ.
                      asks: listText(t, requestAsks(locale, p.asks, { report: t(investor_invite_planOption_report), arr: t(records_join_askArr) })),
                    }),
                  }))}
                />
              </div>
              <p className="text-sm text-slate-700 md:col-span-2">{t(investor_invite_sectionsNote, { sections: t(SECTION_LABEL_KEYS.financials) })}</p>
              <div className="md:col-span-2">
                <SubmitButton pendingText={t(investor_invite_sending)}>{t(investor_invite_send)}</SubmitButton>
              </div>
            </Form>
          </Card>
        )}
        <Card title={t(investor_invite_listTitle)}>
          {invitations.length === 0 ? (
            <p className="text-sm text-slate-600">{t(investor_invite_listEmpty)}</p>
          ) : (
            <Table caption={t(investor_invite_listTitle)}>
              <ColumnHeads
                heads={[
                  t(investor_invite_col_company),
                  t(investor_invite_col_email),
                  { label: t(investor_invite_col_period), nowrap: true },
                  t(investor_invite_col_state),
                  { label: t(investor_invite_col_sent), nowrap: true },
                  "",
                ]}
              />
              <tbody>
                {invitations.map((i) => (
                  <Tr key={i.id} data-invitation={i.id}>
                    <Td>{i.companyName}</Td>
                    <Td>{i.email}</Td>
                    <Td nowrap>{monthText(locale, i.monthFrom)}</Td>
                    <Td>
                      <Badge tone={STATE_TONES[i.state]}>{t(STATE_LABELS[i.state])}</Badge>{" "}
                      <span className="text-xs text-slate-600">
                        {listText(
                          t,
                          i.sections.map((s) => t(SECTION_LABEL_KEYS[s])),
                        )}
                      </span>
                    </Td>
                    <Td nowrap>{dateCell(locale, i.lastSentAt)}</Td>
                    <Td last>
                      {i.state === "pending" || i.state === "expired" ? (
                        <div className="flex flex-wrap gap-2">
                          {i.canResend ? (
                            <InvitationAction intent="resend" invitation={i} label={t(investor_invite_resend)} pendingText={t(investor_invite_sending)} />
                          ) : null}
                          <InvitationAction intent="cancel" invitation={i} label={t(investor_invite_cancel)} pendingText={t(investor_invite_cancelling)} />
                        </div>
                      ) : null}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}

/** One row's button (send again, cancel); the address is read aloud with it, so each row's button is told apart. */
function InvitationAction(props: { intent: "resend" | "cancel"; invitation: { id: string; email: string }; label: string; pendingText: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="invitationId" value={props.invitation.id} />
      <SubmitButton variant="secondary" pendingText={props.pendingText}>
        <span>{props.label}</span>
        <span className="sr-only"> {props.invitation.email}</span>
      </SubmitButton>
    </Form>
  );
}
