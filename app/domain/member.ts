import { z } from "zod";
import { zodMessage } from "~/i18n/zod-messages";
import { emailField } from "~/domain/base-fields";
import { confirmedField, uuidField } from "./fields";
import { admin_members_chooseRole } from "~/paraglide/messages/admin_members_chooserole1.js";
import { common_validation_tickToConfirm } from "~/paraglide/messages/common_validation_ticktoconfirm2.js";

// Org membership: the members page's form (app/routes/o.$orgSlug.members.tsx).

export const ROLE_VALUES = ["owner", "admin", "member", "viewer"] as const;

// Removing someone, leaving and revoking an invitation are confirmed (a dialog, or a tick box without JavaScript).
/** The members page's four actions, told apart by `intent`. */
export function memberActionSchema() {
  const confirmed = confirmedField(zodMessage(common_validation_tickToConfirm));
  return z.discriminatedUnion("intent", [
    z.object({
      intent: z.literal("invite"),
      email: emailField,
      role: z.enum(["admin", "member", "viewer"], { error: zodMessage(admin_members_chooseRole) }),
    }),
    z.object({ intent: z.literal("change-role"), userId: uuidField(), role: z.enum(ROLE_VALUES, { error: zodMessage(admin_members_chooseRole) }) }),
    z.object({ intent: z.literal("remove"), userId: uuidField(), confirm: confirmed }),
    z.object({ intent: z.literal("revoke-invitation"), invitationId: uuidField(), confirm: confirmed }),
  ]);
}
