import "~/page-kit";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { assignableRoles, can } from "~/auth/permissions";
import { requireOrgContext, requirePermission } from "~/auth/tenant.server";
import { ConfirmAction } from "~/components/ui/confirm-dialog";
import { failureOf, Field, FormError, SelectField, SubmitButton } from "~/components/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui/layout";
import { MainWithAside } from "~/components/ui/columns";
import { metaTitle, translate, useFormat, useT } from "~/i18n";
import { getLocale } from "~/i18n/locale.server";
import { failureFromError, formFailure, parseForm } from "~/server/forms.server";
import { memberActionSchema, ROLE_VALUES } from "~/domain/member";
import { createInvitation, listPendingInvitations, revokeInvitation } from "~/models/invitation.server";
import { changeMemberRole, listMembers, removeMember } from "~/models/member.server";
import { homePathFor } from "~/models/org.server";
import { systemContext } from "~/auth/system.server";
import { redirectWithToast, toast } from "~/server/toast.server";
import { ColumnHeads, Table, Td, Tr } from "~/components/ui/table";
import { admin_members_col_actions } from "~/paraglide/messages/admin_members_col_actions.js";
import { admin_members_col_email } from "~/paraglide/messages/admin_members_col_email.js";
import { admin_members_col_name } from "~/paraglide/messages/admin_members_col_name.js";
import { admin_members_col_role } from "~/paraglide/messages/admin_members_col_role.js";
import { admin_members_confirmRemove } from "~/paraglide/messages/admin_members_confirmremove1.js";
import { admin_members_description } from "~/paraglide/messages/admin_members_description.js";
import { admin_members_done_invitationRevoked } from "~/paraglide/messages/admin_members_done_invitationrevoked1.js";
import { admin_members_done_invited } from "~/paraglide/messages/admin_members_done_invited.js";
import { admin_members_done_left } from "~/paraglide/messages/admin_members_done_left.js";
import { admin_members_done_removed } from "~/paraglide/messages/admin_members_done_removed.js";
import { admin_members_done_roleChanged } from "~/paraglide/messages/admin_members_done_rolechanged1.js";
import { admin_members_invite_pending } from "~/paraglide/messages/admin_members_invite_pending.js";
import { admin_members_invite_submit } from "~/paraglide/messages/admin_members_invite_submit.js";
import { admin_members_invite_title } from "~/paraglide/messages/admin_members_invite_title.js";
import { admin_members_leave } from "~/paraglide/messages/admin_members_leave.js";
import { admin_members_leaveConsequence } from "~/paraglide/messages/admin_members_leaveconsequence1.js";
import { admin_members_leaveDialogTitle } from "~/paraglide/messages/admin_members_leavedialogtitle2.js";
import { admin_members_leaveTick } from "~/paraglide/messages/admin_members_leavetick1.js";
import { admin_members_leaving } from "~/paraglide/messages/admin_members_leaving.js";
import { admin_members_metaTitle } from "~/paraglide/messages/admin_members_metatitle1.js";
import { admin_members_pending_empty } from "~/paraglide/messages/admin_members_pending_empty.js";
import { admin_members_pending_emptyBody } from "~/paraglide/messages/admin_members_pending_emptybody1.js";
import { admin_members_pending_item } from "~/paraglide/messages/admin_members_pending_item.js";
import { admin_members_pending_revoke } from "~/paraglide/messages/admin_members_pending_revoke.js";
import { admin_members_pending_revokeConsequence } from "~/paraglide/messages/admin_members_pending_revokeconsequence1.js";
import { admin_members_pending_revokeDialogTitle } from "~/paraglide/messages/admin_members_pending_revokedialogtitle2.js";
import { admin_members_pending_revokeTick } from "~/paraglide/messages/admin_members_pending_revoketick1.js";
import { admin_members_pending_revoking } from "~/paraglide/messages/admin_members_pending_revoking.js";
import { admin_members_pending_title } from "~/paraglide/messages/admin_members_pending_title.js";
import { admin_members_people } from "~/paraglide/messages/admin_members_people.js";
import { admin_members_removeConsequence } from "~/paraglide/messages/admin_members_removeconsequence1.js";
import { admin_members_removeTick } from "~/paraglide/messages/admin_members_removetick1.js";
import { admin_members_removing } from "~/paraglide/messages/admin_members_removing.js";
import { admin_members_roleOf } from "~/paraglide/messages/admin_members_roleof1.js";
import { admin_members_title } from "~/paraglide/messages/admin_members_title.js";
import { common_action_remove } from "~/paraglide/messages/common_action_remove.js";
import { common_action_save } from "~/paraglide/messages/common_action_save.js";
import { ROLE_LABELS } from "~/domain/role-labels";

export const meta: MetaFunction = ({ matches }) => [metaTitle(matches, admin_members_metaTitle)];

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
  const parsed = parseForm(memberActionSchema(), formData);
  if (!parsed.ok) return formFailure({ locale, fieldErrors: parsed.fieldErrors, formError: parsed.fieldErrors.confirm });
  const input = parsed.data;
  // Leaving the org is allowed for anyone; everything else needs member management.
  const leaving = input.intent === "remove" && input.userId === ctx.user.id;
  if (!leaving) requirePermission(ctx, "manage:members");
  try {
    switch (input.intent) {
      case "invite": {
        // Not a toast: the link is shown once, here, to be copied.
        const { link } = await createInvitation(ctx, input, context.origin, locale);
        return json({ ok: true as const, message: translate(locale, admin_members_done_invited, { email: input.email }), link });
      }
      case "change-role":
        await changeMemberRole(ctx, input.userId, input.role);
        return redirectWithToast(`/o/${ctx.org.slug}/members`, toast(admin_members_done_roleChanged));
      case "remove":
        await removeMember(ctx, input.userId);
        // Whoever left has no members page here any more: straight to where they start now
        // (not via "/", whose redirect would use up the toast on the way).
        if (leaving) return redirectWithToast(await homePathFor(await systemContext(), ctx.user.id), toast(admin_members_done_left));
        return redirectWithToast(`/o/${ctx.org.slug}/members`, toast(admin_members_done_removed));
      case "revoke-invitation":
        await revokeInvitation(ctx, input.invitationId);
        return redirectWithToast(`/o/${ctx.org.slug}/members`, toast(admin_members_done_invitationRevoked));
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
  const { errors, formError } = failureOf(result);
  const roleOptions = (isOwner ? ROLE_VALUES : roles).map((r) => ({
    value: r,
    label: t(ROLE_LABELS[r]),
  }));
  return (
    <>
      <PageHeader title={t(admin_members_title)} description={t(admin_members_description)} />
      {result?.ok ? (
        <div role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          <p>{result.message}</p>
          <code data-testid="invitation-link" className="mt-2 block break-all rounded bg-white p-2 text-xs">
            {result.link}
          </code>
        </div>
      ) : null}
      <div className="mb-4">
        <FormError error={formError} />
      </div>
      <MainWithAside
        stacked={false}
        aside={
          canManage ? (
            <>
              <Card title={t(admin_members_invite_title)}>
                <Form method="post" className="space-y-3" noValidate>
                  <Field label={t(admin_members_col_email)} name="email" type="email" error={errors.email} />
                  <SelectField
                    label={t(admin_members_col_role)}
                    name="role"
                    defaultValue="member"
                    error={errors.role}
                    options={roles.map((r) => ({
                      value: r,
                      label: t(ROLE_LABELS[r]),
                    }))}
                  />
                  <SubmitButton intent="invite" pendingText={t(admin_members_invite_pending)}>
                    {t(admin_members_invite_submit)}
                  </SubmitButton>
                </Form>
              </Card>
              <Card title={t(admin_members_pending_title)}>
                {invitations.length === 0 ? (
                  <EmptyState title={t(admin_members_pending_empty)}>{t(admin_members_pending_emptyBody)}</EmptyState>
                ) : (
                  <ul className="space-y-2 text-sm">
                    {invitations.map((i) => (
                      <li key={i.id} className="flex items-center justify-between gap-2">
                        <span>
                          {t(admin_members_pending_item, {
                            email: i.email,
                            role: t(ROLE_LABELS[i.role]),
                            date: f.date(i.expiresAt),
                          })}
                        </span>
                        <Form method="post">
                          <input type="hidden" name="invitationId" value={i.id} />
                          <ConfirmAction
                            intent="revoke-invitation"
                            look="link"
                            texts={{
                              action: t(admin_members_pending_revoke),
                              title: t(admin_members_pending_revokeDialogTitle, { email: i.email }),
                              consequence: t(admin_members_pending_revokeConsequence),
                              tick: t(admin_members_pending_revokeTick),
                              pending: t(admin_members_pending_revoking),
                            }}
                          />
                        </Form>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </>
          ) : null
        }
      >
        <Card title={t(admin_members_people, { count: members.length })}>
          <Table>
            <ColumnHeads
              heads={[t(admin_members_col_name), t(admin_members_col_email), t(admin_members_col_role), { label: t(admin_members_col_actions), hidden: true }]}
            />
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
                          {t(admin_members_roleOf, { name: m.name })}
                        </label>
                        <select id={`role-${m.userId}`} name="role" defaultValue={m.role} className="rounded border border-slate-300 px-2 py-1">
                          {roleOptions
                            .concat(
                              roleOptions.some((o) => o.value === m.role)
                                ? []
                                : [
                                    {
                                      value: m.role,
                                      label: t(ROLE_LABELS[m.role]),
                                    },
                                  ],
                            )
                            .map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                        </select>
                        <button type="submit" name="intent" value="change-role" className="text-indigo-700 underline">
                          {t(common_action_save)}
                        </button>
                      </Form>
                    ) : (
                      <Badge tone={m.role === "owner" ? "info" : "neutral"}>{t(ROLE_LABELS[m.role])}</Badge>
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
                                  action: t(admin_members_leave),
                                  title: t(admin_members_leaveDialogTitle, { org: orgName }),
                                  consequence: t(admin_members_leaveConsequence),
                                  tick: t(admin_members_leaveTick),
                                  pending: t(admin_members_leaving),
                                }
                              : {
                                  action: t(common_action_remove),
                                  title: t(admin_members_confirmRemove, { name: m.name }),
                                  consequence: t(admin_members_removeConsequence),
                                  tick: t(admin_members_removeTick, { name: m.name }),
                                  pending: t(admin_members_removing),
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
      </MainWithAside>
    </>
  );
}
