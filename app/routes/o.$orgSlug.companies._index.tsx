import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireInvestor, requirePermission } from "~/auth/tenant.server";
import { failureOf, Field, FormError, SubmitButton } from "~/components/ui/form";
import { CopyCode, SectionBadges } from "~/components/grant-sections";
import { Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { MainWithAside } from "~/components/ui/columns";
import { metaTitle, refAsZodMessage, translate, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { EMPTY_VIA_MESSAGE, VIA_MAX } from "~/domain/access-grants";
import { dateText } from "~/i18n/display";
import { failureFromError, formFailure, parseForm } from "~/server/forms.server";
import { listGrantsForInvestor, requestAccess } from "~/models/access-grant.server";
import { Pager } from "~/components/ui/pager";
import { samePage } from "~/lib/redirects";
import { redirectWithToast, toastFromRef } from "~/server/toast.server";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { investor_companies_askedUsing } from "~/paraglide/messages/investor_companies_askedusing1.js";
import { investor_companies_caption } from "~/paraglide/messages/investor_companies_caption.js";
import { investor_companies_description } from "~/paraglide/messages/investor_companies_description.js";
import { investor_companies_emptyManager } from "~/paraglide/messages/investor_companies_emptymanager1.js";
import { investor_companies_emptyMember } from "~/paraglide/messages/investor_companies_emptymember1.js";
import { investor_companies_emptyTitle } from "~/paraglide/messages/investor_companies_emptytitle1.js";
import { investor_companies_linked } from "~/paraglide/messages/investor_companies_linked.js";
import { investor_companies_namedOnceApproved } from "~/paraglide/messages/investor_companies_namedonceapproved2.js";
import { investor_companies_nothingSent } from "~/paraglide/messages/investor_companies_nothingsent1.js";
import { investor_companies_request } from "~/paraglide/messages/investor_companies_request.js";
import { investor_companies_sending } from "~/paraglide/messages/investor_companies_sending.js";
import { investor_companies_sentOn } from "~/paraglide/messages/investor_companies_senton1.js";
import { investor_companies_shareCodeHint } from "~/paraglide/messages/investor_companies_sharecodehint2.js";
import { investor_companies_shared } from "~/paraglide/messages/investor_companies_shared.js";
import { investor_companies_since } from "~/paraglide/messages/investor_companies_since.js";
import { investor_companies_title } from "~/paraglide/messages/investor_companies_title.js";
import { investor_companies_via } from "~/paraglide/messages/investor_companies_via.js";
import { investor_companies_viaHint } from "~/paraglide/messages/investor_companies_viahint1.js";
import { investor_grants_error_longVia } from "~/paraglide/messages/investor_grants_error_longvia1.js";
import { investor_grants_error_reloadPage } from "~/paraglide/messages/investor_grants_error_reloadpage1.js";
import { investor_grants_noPending } from "~/paraglide/messages/investor_grants_nopending1.js";
import { investor_grants_pendingCard } from "~/paraglide/messages/investor_grants_pendingcard1.js";
import { investor_shareCode_title } from "~/paraglide/messages/investor_sharecode_title1.js";
import { investor_table_company } from "~/paraglide/messages/investor_table_company.js";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, investor_companies_title)];

const ActionSchema = z.object({
  intent: z.literal("request", { error: zodMessage(investor_grants_error_reloadPage) }),
  via: z.string({ error: refAsZodMessage(EMPTY_VIA_MESSAGE) }).max(VIA_MAX * 2, zodMessage(investor_grants_error_longVia)),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  // A startup has no portfolio companies: this page does not exist for it.
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const grants = await listGrantsForInvestor(ctx, { page: Number.isSafeInteger(page) ? page : 1 });
  const canManage = can(ctx.role, "manage:members");
  return json({ ...grants, shareCode: canManage ? grants.shareCode : null, canManage, orgSlug: ctx.org.slug });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireInvestor(request, params);
  requirePermission(ctx, "manage:members");
  const locale = getLocale(request);
  const parsed = parseForm(ActionSchema, await request.formData());
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors, formError: translate(locale, investor_companies_nothingSent) });
  try {
    const { message } = await requestAccess(ctx, { via: parsed.data.via }, { origin: context.origin });
    return redirectWithToast(samePage(request), toastFromRef(message));
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function Companies() {
  const { companies, companiesTotal, page, pageCount, pending, shareCode, canManage, orgSlug } = useLoaderData<typeof loader>();
  const t = useT();
  const { errors, formError } = failureOf(useActionData<typeof action>());
  return (
    <>
      <PageHeader title={t(investor_companies_title)} description={t(investor_companies_description)} />
      <MainWithAside
        aside={
          canManage ? (
            <>
              <Card title={t(investor_companies_request)}>
                <Form method="post" className="space-y-3" noValidate>
                  <FormError error={formError} />
                  <input type="hidden" name="intent" value="request" />
                  <Field
                    label={t(investor_companies_via)}
                    name="via"
                    autoComplete="off"
                    maxLength={VIA_MAX}
                    hint={t(investor_companies_viaHint)}
                    error={errors.via}
                  />
                  <SubmitButton pendingText={t(investor_companies_sending)}>{t(investor_companies_request)}</SubmitButton>
                </Form>
              </Card>
              {shareCode ? (
                <Card title={t(investor_shareCode_title)}>
                  <CopyCode code={shareCode} />
                  <p className="mt-2 text-sm text-slate-600">{t(investor_companies_shareCodeHint)}</p>
                </Card>
              ) : null}
            </>
          ) : null
        }
      >
        <Card title={t(investor_companies_linked, { count: companiesTotal })}>
          {companies.length === 0 ? (
            <EmptyState title={t(investor_companies_emptyTitle)}>
              {canManage ? t(investor_companies_emptyManager) : t(investor_companies_emptyMember)}
            </EmptyState>
          ) : (
            <>
              <Table caption={t(investor_companies_caption)}>
                <ColumnHeads heads={[t(investor_table_company), t(investor_companies_shared), t(investor_companies_since)]} />
                <tbody>
                  {companies.map((c) => (
                    <Tr key={c.grantId}>
                      <Td>
                        <TextLink to={`/o/${orgSlug}/companies/${c.slug}`} className="font-medium">
                          {c.name}
                        </TextLink>
                      </Td>
                      <Td>
                        <SectionBadges sections={c.sections} />
                      </Td>
                      <Td last>{c.since ? dateText(t, c.since.slice(0, 10)) : "—"}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
              <Pager page={page} pageCount={pageCount} href={(p) => `?page=${p}`} />
            </>
          )}
        </Card>
        <Card title={t(investor_grants_pendingCard, { count: pending.length })}>
          {pending.length === 0 ? (
            <EmptyState title={t(investor_grants_noPending)} />
          ) : (
            <ul className="divide-y text-sm">
              {pending.map((p) => (
                <li key={p.requestedVia} className="flex flex-wrap justify-between gap-2 py-2" data-testid="pending-request">
                  <span>{t.rich(investor_companies_askedUsing, { via: <span className="font-medium">{p.requestedVia}</span> })}</span>
                  <span className="text-slate-500">{t(investor_companies_sentOn, { date: dateText(t, p.requestedAt.slice(0, 10)) })}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-xs text-slate-500">{t(investor_companies_namedOnceApproved)}</p>
        </Card>
      </MainWithAside>
    </>
  );
}
