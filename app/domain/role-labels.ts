import type { PlainKey } from "~/i18n/translate";
import { common_role_admin } from "~/paraglide/messages/common_role_admin.js";
import { common_role_member } from "~/paraglide/messages/common_role_member.js";
import { common_role_owner } from "~/paraglide/messages/common_role_owner.js";
import { common_role_viewer } from "~/paraglide/messages/common_role_viewer.js";
import type { ROLE_VALUES } from "./member";

/** A membership role as readers see it ("owner" / "所有者"), the same on every page and in mail. */
export const ROLE_LABELS: Record<(typeof ROLE_VALUES)[number], PlainKey> = {
  owner: common_role_owner,
  admin: common_role_admin,
  member: common_role_member,
  viewer: common_role_viewer,
};
