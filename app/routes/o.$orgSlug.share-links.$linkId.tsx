import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { failureOf, FormError } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { MainWithAside } from "~/components/ui/columns";
import { localeFromMatches, translate, useFormat, useT, zodMessage } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/server/forms.server";
import { notFound } from "~/server/http.server";
import { isUuid, SCOPE_LABELS, sectionLabelKey, SHARE_LINK_VIEWS_SHOWN, shareLinkStatus } from "~/domain/share-links";
import { getShareLinkWithViews, revokeShareLink } from "~/models/share-link.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { admin_linkStatus_active } from "~/paraglide/messages/admin_linkstatus_active1.js";
import { admin_linkStatus_expired } from "~/paraglide/messages/admin_linkstatus_expired1.js";
import { admin_linkStatus_revoked } from "~/paraglide/messages/admin_linkstatus_revoked1.js";
import { admin_listSeparator } from "~/paraglide/messages/admin_listseparator1.js";
import { admin_shareLink_allLinks } from "~/paraglide/messages/admin_sharelink_alllinks2.js";
import { admin_shareLink_col_browser } from "~/paraglide/messages/admin_sharelink_col_browser1.js";
import { admin_shareLink_col_time } from "~/paraglide/messages/admin_sharelink_col_time1.js";
import { admin_shareLink_createdAt } from "~/paraglide/messages/admin_sharelink_createdat2.js";
import { admin_shareLink_done_revoked } from "~/paraglide/messages/admin_sharelink_done_revoked1.js";
import { admin_shareLink_error_nothingChanged } from "~/paraglide/messages/admin_sharelink_error_nothingchanged2.js";
import { admin_shareLink_error_tickToConfirm } from "~/paraglide/messages/admin_sharelink_error_ticktoconfirm3.js";
import { admin_shareLink_error_unknownAction } from "~/paraglide/messages/admin_sharelink_error_unknownaction2.js";
import { admin_shareLink_expiredAt } from "~/paraglide/messages/admin_sharelink_expiredat2.js";
import { admin_shareLink_expiresAt } from "~/paraglide/messages/admin_sharelink_expiresat2.js";
import { admin_shareLink_latestOf } from "~/paraglide/messages/admin_sharelink_latestof2.js";
import { admin_shareLink_metaTitle } from "~/paraglide/messages/admin_sharelink_metatitle2.js";
import { admin_shareLink_metaTitleFallback } from "~/paraglide/messages/admin_sharelink_metatitlefallback3.js";
import { admin_shareLink_notOpened } from "~/paraglide/messages/admin_sharelink_notopened2.js";
import { admin_shareLink_notOpenedBody } from "~/paraglide/messages/admin_sharelink_notopenedbody3.js";
import { admin_shareLink_notSent } from "~/paraglide/messages/admin_sharelink_notsent2.js";
import { admin_shareLink_notStored } from "~/paraglide/messages/admin_sharelink_notstored2.js";
import { admin_shareLink_passphrase } from "~/paraglide/messages/admin_sharelink_passphrase1.js";
import { admin_shareLink_revoke } from "~/paraglide/messages/admin_sharelink_revoke1.js";
import { admin_shareLink_revokeConfirm } from "~/paraglide/messages/admin_sharelink_revokeconfirm2.js";
import { admin_shareLink_revokeConsequence } from "~/paraglide/messages/admin_sharelink_revokeconsequence2.js";
import { admin_shareLink_revokeDialogTitle } from "~/paraglide/messages/admin_sharelink_revokedialogtitle3.js";
import { admin_shareLink_revokedAt } from "~/paraglide/messages/admin_sharelink_revokedat2.js";
import { admin_shareLink_revoking } from "~/paraglide/messages/admin_sharelink_revoking1.js";
import { admin_shareLink_status } from "~/paraglide/messages/admin_sharelink_status1.js";
import { admin_shareLink_views } from "~/paraglide/messages/admin_sharelink_views1.js";
import { admin_shareLinks_frozenAt } from "~/paraglide/messages/admin_sharelinks_frozenat2.js";
import { admin_shareLinks_live } from "~/paraglide/messages/admin_sharelinks_live1.js";
import { common_pageTitle } from "~/paraglide/messages/common_pagetitle1.js";
import { common_state_no } from "~/paraglide/messages/common_state_no.js";
import { common_state_yes } from "~/paraglide/messages/common_state_yes.js";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  const page = data ? translate(locale, admin_shareLink_metaTitle, { label: data.link.label }) : translate(locale, admin_shareLink_metaTitleFallback);
  return [{ title: translate(locale, common_pageTitle, { page }) }];
};

const RevokeSchema = z.object({
  intent: z.literal("revoke", { error: zodMessage(admin_shareLink_error_unknownAction) }),
  confirm: z.literal("yes", { error: zodMessage(admin_shareLink_error_tickToConfirm) }),
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
  const locale = getLocale(request);
  const parsed = parseForm(RevokeSchema, await request.formData());
  if (!parsed.ok)
    return formFailure({
      locale,
      fieldErrors: parsed.fieldErrors,
      formError: parsed.fieldErrors.intent ?? translate(locale, admin_shareLink_error_nothingChanged),
    });
  try {
    await revokeShareLink(ctx, params.linkId);
  } catch (error) {
    return failureFromError(error, locale);
  }
  return redirectWithToast(`/o/${ctx.org.slug}/share-links/${params.linkId}`, toast(admin_shareLink_done_revoked));
}

const STATUS_TONE = { active: "good", expired: "neutral", revoked: "bad" } as const;

export default function ShareLinkDetail() {
  const { org, canManage, link, views, totalViews } = useLoaderData<typeof loader>();
  const t = useT();
  const f = useFormat();
  const { errors, formError } = failureOf(useActionData<typeof action>());
  const described = [
    t(SCOPE_LABELS[link.scope]),
    link.sections
      .map((s) => {
        const key = sectionLabelKey(s);
        return key ? t(key) : s;
      })
      .join(t(admin_listSeparator)),
    link.mode === "frozen" ? t(admin_shareLinks_frozenAt, { month: f.month(link.frozenMonth) }) : t(admin_shareLinks_live),
  ];
  return (
    <>
      <PageHeader
        title={link.label}
        description={described.join(" · ")}
        actions={
          <TextLink to={`/o/${org.slug}/share-links`} className="text-sm">
            {t(admin_shareLink_allLinks)}
          </TextLink>
        }
      />
      <MainWithAside
        stacked={false}
        stackAside={false}
        aside={
          <Card title={t(admin_shareLink_status)}>
            <p>
              <Badge tone={STATUS_TONE[link.status]}>
                {t({ active: admin_linkStatus_active, expired: admin_linkStatus_expired, revoked: admin_linkStatus_revoked }[link.status])}
              </Badge>
            </p>
            <dl className="mt-3 space-y-1 text-sm">
              <div>
                <dt className="inline text-slate-600">{t(admin_shareLink_createdAt)} </dt>
                <dd className="inline">{f.date(String(link.createdAt))}</dd>
              </div>
              <div>
                <dt className="inline text-slate-600">{link.status === "expired" ? t(admin_shareLink_expiredAt) : t(admin_shareLink_expiresAt)} </dt>
                <dd className="inline">{f.dateTime(String(link.expiresAt))}</dd>
              </div>
              {link.revokedAt ? (
                <div>
                  <dt className="inline text-slate-600">{t(admin_shareLink_revokedAt)} </dt>
                  <dd className="inline">{f.dateTime(String(link.revokedAt))}</dd>
                </div>
              ) : null}
              <div>
                <dt className="inline text-slate-600">{t(admin_shareLink_passphrase)} </dt>
                <dd className="inline">{link.hasPassphrase ? t(common_state_yes) : t(common_state_no)}</dd>
              </div>
            </dl>
            <p className="mt-3 text-xs text-slate-500">{t(admin_shareLink_notStored)}</p>
            {canManage && link.status === "active" ? (
              <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4" noValidate>
                <FormError error={formError} />
                <ConfirmAction
                  intent="revoke"
                  texts={{
                    action: t(admin_shareLink_revoke),
                    title: t(admin_shareLink_revokeDialogTitle, { label: link.label }),
                    consequence: t(admin_shareLink_revokeConsequence),
                    tick: t(admin_shareLink_revokeConfirm),
                    pending: t(admin_shareLink_revoking),
                  }}
                  error={errors.confirm}
                />
              </Form>
            ) : null}
          </Card>
        }
      >
        <Card title={t(admin_shareLink_views, { count: totalViews })}>
          {views.length === 0 ? (
            <EmptyState title={t(admin_shareLink_notOpened)}>{t(admin_shareLink_notOpenedBody)}</EmptyState>
          ) : (
            <>
              {totalViews > views.length ? (
                <p className="mb-2 text-xs text-slate-600">{t(admin_shareLink_latestOf, { shown: SHARE_LINK_VIEWS_SHOWN, total: totalViews })}</p>
              ) : null}
              <Table data-testid="share-link-views">
                <ColumnHeads heads={[t(admin_shareLink_col_time), t(admin_shareLink_col_browser)]} />
                <tbody>
                  {views.map((v, i) => (
                    <Tr key={i} top>
                      <Td nowrap>{f.dateTime(String(v.viewedAt))}</Td>
                      <td className="break-all py-2 text-xs text-slate-700">{v.userAgent ?? t(admin_shareLink_notSent)}</td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </Card>
      </MainWithAside>
    </>
  );
}
