import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { assignableRoles, can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { metaTitle, translate, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/lib/forms.server";
import { memberActionSchema, ROLE_VALUES } from "~/domain/member";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/models/invitation.server";
import { changeMemberRole, listMembers, removeMember } from "~/models/member.server";
import { homePathFor } from "~/models/org.server";
import { systemContext } from "~/auth/system.server";
import { redirectWithToast, toast } from "~/lib/toast.server";
import { Table, TableHead, Td, Th, Tr } from "~/components/ui/table";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, "admin.members.metaTitle")];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  const manage = can(ctx.role, "manage:members");
  const members = await listMembers(ctx);
  const invitations = manage ? await listPendingInvitations(ctx) : [];
  return json({
    members,
    invitations,
    me: ctx.user.id,
    canManage: manage,
    roles: manage ? assignableRoles(ctx.role) : [],
    isOwner: ctx.role === "owner",
    orgName: ctx.org.name,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = await requireOrgContext(request, params);
  const locale = getLocale(request);
  const formData = await request.formData();
  const parsed = parseForm(memberActionSchema(), formData, locale);
  if (!parsed.ok) return formFailure({ fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.confirm });
  const input = parsed.data;
  // Leaving the org is allowed for anyone; everything else needs member management.
  const leaving = input.intent === "remove" && input.userId === ctx.user.id;
  if (!leaving) requirePermission(ctx, "manage:members");
  try {
    switch (input.intent) {
      case "invite": {
        // Not a toast: the link is shown once, here, to be copied.
        const { link } = await createInvitation(ctx, input, context.origin, locale);
        return json({ ok: true as const, message: translate(locale, "admin.members.done.invited", { email: input.email }), link });
      }
      case "change-role":
        await changeMemberRole(ctx, input.userId, input.role);
        return redirectWithToast(`/o/${ctx.org.slug}/members`, toast("admin.members.done.roleChanged"));
      case "remove":
        await removeMember(ctx, input.userId);
        // Whoever left has no members page here any more: straight to where they start now
        // (not via "/", whose redirect would use up the toast on the way).
        if (leaving) return redirectWithToast(await homePathFor(await systemContext(), ctx.user.id), toast("admin.members.done.left"));
        return redirectWithToast(`/o/${ctx.org.slug}/members`, toast("admin.members.done.removed"));
      case "revoke-invitation":
        await revokeInvitation(ctx, input.invitationId);
        return redirectWithToast(`/o/${ctx.org.slug}/members`, toast("admin.members.done.invitationRevoked"));
    }
  } catch (error) {
    return failureFromError(error, locale);
  }
}

export default function Members() {
  const { members, invitations, me, canManage, roles, isOwner, orgName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const f = useFormat();
  const errors = result && !result.ok ? result.fieldErrors : {};
  const roleOptions = (isOwner ? ROLE_VALUES : roles).map((r) => ({ value: r, label: t(`common.role.${r}`) }));
  return (
    <>
      <PageHeader title={t("admin.members.title")} description={t("admin.members.description")} />
      {result?.ok ? (
        <div role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          <p>{result.message}</p>
          <code data-testid="invitation-link" className="mt-2 block break-all rounded bg-white p-2 text-xs">
            {result.link}
          </code>
        </div>
      ) : null}
      <div className="mb-4">
        <FormError error={result && !result.ok ? result.formError : undefined} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={t("admin.members.people", { count: members.length })}>
            <Table>
              <TableHead>
                <Th>{t("admin.members.col.name")}</Th>
                <Th>{t("admin.members.col.email")}</Th>
                <Th>{t("admin.members.col.role")}</Th>
                <Th last>
                  <span className="sr-only">{t("admin.members.col.actions")}</span>
                </Th>
              </TableHead>
              <tbody>
                {members.map((m) => (
                  <Tr key={m.userId}>
                    <Td>{m.name}</Td>
                    <Td>{m.email}</Td>
                    <Td>
                      {canManage && m.userId !== me ? (
                        <Form method="post" className="flex items-center gap-2">
                          <input type="hidden" name="userId" value={m.userId} />
                          <label className="sr-only" htmlFor={`role-${m.userId}`}>
                            {t("admin.members.roleOf", { name: m.name })}
                          </label>
                          <select id={`role-${m.userId}`} name="role" defaultValue={m.role} className="rounded border border-slate-300 px-2 py-1">
                            {roleOptions.concat(roleOptions.some((o) => o.value === m.role) ? [] : [{ value: m.role, label: t(`common.role.${m.role}`) }]).map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                          <button type="submit" name="intent" value="change-role" className="text-indigo-700 underline">
                            {t("common.action.save")}
                          </button>
                        </Form>
                      ) : (
                        <Badge tone={m.role === "owner" ? "info" : "neutral"}>{t(`common.role.${m.role}`)}</Badge>
                      )}
                    </Td>
                    <td className="py-2 text-right">
                      {canManage || m.userId === me ? (
                        <Form method="post">
                          <input type="hidden" name="userId" value={m.userId} />
                          <ConfirmAction
                            intent="remove"
                            look="link"
                            texts={
                              m.userId === me
                                ? {
                                    action: t("admin.members.leave"),
                                    title: t("admin.members.leaveDialogTitle", { org: orgName }),
                                    consequence: t("admin.members.leaveConsequence"),
                                    tick: t("admin.members.leaveTick"),
                                    pending: t("admin.members.leaving"),
                                  }
                                : {
                                    action: t("common.action.remove"),
                                    title: t("admin.members.confirmRemove", { name: m.name }),
                                    consequence: t("admin.members.removeConsequence"),
                                    tick: t("admin.members.removeTick", { name: m.name }),
                                    pending: t("admin.members.removing"),
                                  }
                            }
                          />
                        </Form>
                      ) : null}
                    </td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </Card>
        </div>
        {canManage ? (
          <div className="space-y-6">
            <Card title={t("admin.members.invite.title")}>
              <Form method="post" className="space-y-3" noValidate>
                <Field label={t("admin.members.col.email")} name="email" type="email" error={errors.email} />
                <SelectField
                  label={t("admin.members.col.role")}
                  name="role"
                  defaultValue="member"
                  error={errors.role}
                  options={roles.map((r) => ({ value: r, label: t(`common.role.${r}`) }))}
                />
                <SubmitButton intent="invite" pendingText={t("admin.members.invite.pending")}>
                  {t("admin.members.invite.submit")}
                </SubmitButton>
              </Form>
            </Card>
            <Card title={t("admin.members.pending.title")}>
              {invitations.length === 0 ? (
                <EmptyState title={t("admin.members.pending.empty")}>{t("admin.members.pending.emptyBody")}</EmptyState>
              ) : (
                <ul className="space-y-2 text-sm">
                  {invitations.map((i) => (
                    <li key={i.id} className="flex items-center justify-between gap-2">
                      <span>
                        {t("admin.members.pending.item", { email: i.email, role: t(`common.role.${i.role}`), date: f.date(i.expiresAt) })}
                      </span>
                      <Form method="post">
                        <input type="hidden" name="invitationId" value={i.id} />
                        <ConfirmAction
                          intent="revoke-invitation"
                          look="link"
                          texts={{
                            action: t("admin.members.pending.revoke"),
                            title: t("admin.members.pending.revokeDialogTitle", { email: i.email }),
                            consequence: t("admin.members.pending.revokeConsequence"),
                            tick: t("admin.members.pending.revokeTick"),
                            pending: t("admin.members.pending.revoking"),
                          }}
                        />
                      </Form>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
