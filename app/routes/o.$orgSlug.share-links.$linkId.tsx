import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextLink } from "~/components/ui/button";
import { z } from "zod";
import { can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { FormError } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { localeFromMatches, messageRef, translate, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/lib/forms.server";
import { notFound } from "~/lib/http.server";
import { isUuid, SCOPE_LABELS, sectionLabelKey, SHARE_LINK_VIEWS_SHOWN, shareLinkStatus } from "~/lib/share-links";
import { getShareLinkWithViews, revokeShareLink } from "~/models/share-link.server";
import { redirectWithToast, toast } from "~/lib/toast.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeFromMatches(matches);
  const page = data ? translate(locale, "admin.shareLink.metaTitle", { label: data.link.label }) : translate(locale, "admin.shareLink.metaTitleFallback");
  return [{ title: translate(locale, "common.pageTitle", { page }) }];
};

const RevokeSchema = z.object({
  intent: z.literal("revoke", { error: messageRef("admin.shareLink.error.unknownAction") }),
  confirm: z.literal("yes", { error: messageRef("admin.shareLink.error.tickToConfirm") }),
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
  const parsed = parseForm(RevokeSchema, await request.formData(), locale);
  if (!parsed.ok) return formFailure({ fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.intent ?? translate(locale, "admin.shareLink.error.nothingChanged") });
  try {
    await revokeShareLink(ctx, params.linkId);
  } catch (error) {
    return failureFromError(error, locale);
  }
  return redirectWithToast(`/o/${ctx.org.slug}/share-links/${params.linkId}`, toast("admin.shareLink.done.revoked"));
}

const STATUS_TONE = { active: "good", expired: "neutral", revoked: "bad" } as const;

export default function ShareLinkDetail() {
  const { org, canManage, link, views, totalViews } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const described = [
    t(SCOPE_LABELS[link.scope]),
    link.sections
      .map((s) => {
        const key = sectionLabelKey(s);
        return key ? t(key) : s;
      })
      .join(t("admin.listSeparator")),
    link.mode === "frozen" ? t("admin.shareLinks.frozenAt", { month: f.month(link.frozenMonth) }) : t("admin.shareLinks.live"),
  ];
  return (
    <>
      <PageHeader
        title={link.label}
        description={described.join(" · ")}
        actions={
          <TextLink to={`/o/${org.slug}/share-links`} className="text-sm">
            {t("admin.shareLink.allLinks")}
          </TextLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={t("admin.shareLink.views", { count: totalViews })}>
            {views.length === 0 ? (
              <EmptyState title={t("admin.shareLink.notOpened")}>{t("admin.shareLink.notOpenedBody")}</EmptyState>
            ) : (
              <>
                {totalViews > views.length ? (
                  <p className="mb-2 text-xs text-slate-600">{t("admin.shareLink.latestOf", { shown: SHARE_LINK_VIEWS_SHOWN, total: totalViews })}</p>
                ) : null}
                <Table data-testid="share-link-views">
                  <TableHead>
                    <Th>{t("admin.shareLink.col.time")}</Th>
                    <Th last>{t("admin.shareLink.col.browser")}</Th>
                  </TableHead>
                  <tbody>
                    {views.map((v, i) => (
                      <Tr key={i} top>
                        <Td nowrap>{f.dateTime(String(v.viewedAt))}</Td>
                        <td className="break-all py-2 text-xs text-slate-700">{v.userAgent ?? t("admin.shareLink.notSent")}</td>
                      </Tr>
                    ))}
                  </tbody>
                </Table>
              </>
            )}
          </Card>
        </div>
        <Card title={t("admin.shareLink.status")}>
          <p>
            <Badge tone={STATUS_TONE[link.status]}>{t(`admin.linkStatus.${link.status}`)}</Badge>
          </p>
          <dl className="mt-3 space-y-1 text-sm">
            <div><dt className="inline text-slate-600">{t("admin.shareLink.createdAt")} </dt><dd className="inline">{f.date(String(link.createdAt))}</dd></div>
            <div>
              <dt className="inline text-slate-600">{link.status === "expired" ? t("admin.shareLink.expiredAt") : t("admin.shareLink.expiresAt")} </dt>
              <dd className="inline">{f.dateTime(String(link.expiresAt))}</dd>
            </div>
            {link.revokedAt ? <div><dt className="inline text-slate-600">{t("admin.shareLink.revokedAt")} </dt><dd className="inline">{f.dateTime(String(link.revokedAt))}</dd></div> : null}
            <div><dt className="inline text-slate-600">{t("admin.shareLink.passphrase")} </dt><dd className="inline">{link.hasPassphrase ? t("common.state.yes") : t("common.state.no")}</dd></div>
          </dl>
          <p className="mt-3 text-xs text-slate-500">{t("admin.shareLink.notStored")}</p>
          {canManage && link.status === "active" ? (
            <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4" noValidate>
              <FormError error={result && !result.ok ? result.formError : undefined} />
              <ConfirmAction
                intent="revoke"
                texts={{
                  action: t("admin.shareLink.revoke"),
                  title: t("admin.shareLink.revokeDialogTitle", { label: link.label }),
                  consequence: t("admin.shareLink.revokeConsequence"),
                  tick: t("admin.shareLink.revokeConfirm"),
                  pending: t("admin.shareLink.revoking"),
                }}
                error={errors.confirm}
              />
            </Form>
          ) : null}
        </Card>
      </div>
    </>
  );
}
