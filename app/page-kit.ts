/**
 * What most pages use, shipped to the browser as one file (decision 033).
 *
 * Every route module with a page, and the root, imports this file first (`import "~/page-kit";`,
 * tests/static/page-kit.test.ts checks it). The bundler puts each module in a chunk shared by
 * exactly the routes that reach it, so a button used by 42 routes and a table used by 35 were two
 * files, and a page loaded 30 to 40 such files. On a phone each costs a round trip, and a simulated
 * phone (Lighthouse) shares its bandwidth among them: a module every page reaches through this
 * file lands with the others in one chunk. The portfolio went from 38 scripts to 20, sign-in
 * from 16 to 12 for 4 KB it does not use.
 *
 * Only browser-safe modules that most pages show belong here: importing a module here ships it
 * to every page (`npm run bench:js` holds each page under 200 KB).
 */

// The form, table and page primitives.
import "~/components/ui/button";
import "~/components/ui/columns";
import "~/components/ui/confirm-dialog";
import "~/components/ui/definition";
import "~/components/ui/form";
import "~/components/ui/layout";
import "~/components/ui/pager";
import "~/components/ui/sort-header";
import "~/components/ui/table";
import "~/components/language-switch";
import "~/components/list-filters";
import "~/components/use-href-with";

// Small helpers every figure page uses: label keys, the chart colours, metric formats.
import "~/components/charts/palette";
import "~/i18n/label-keys";
import "~/i18n/metric-format";

// Words the org layout shows and other pages share: the app's name, roles, the e-mail
// confirmation banner, a deletion's undo, severities and the common actions.
import "~/paraglide/messages/common_appname1.js";
import "~/domain/role-labels";
import "~/paraglide/messages/auth_verify_banner.js";
import "~/paraglide/messages/auth_verify_resend.js";
import "~/paraglide/messages/auth_verify_resendhint1.js";
import "~/paraglide/messages/auth_verify_resendpending1.js";
import "~/paraglide/messages/deletion_org_undo.js";
import "~/paraglide/messages/deletion_org_undopending1.js";
import "~/paraglide/messages/common_severity_critical.js";
import "~/paraglide/messages/common_severity_high.js";
import "~/paraglide/messages/common_severity_info.js";
import "~/paraglide/messages/common_severity_low.js";
import "~/paraglide/messages/common_severity_medium.js";
import "~/paraglide/messages/common_severity_warning.js";
import "~/paraglide/messages/common_action_add.js";
import "~/paraglide/messages/common_action_apply.js";
import "~/paraglide/messages/common_action_back.js";
import "~/paraglide/messages/common_action_cancel.js";
import "~/paraglide/messages/common_action_close.js";
import "~/paraglide/messages/common_action_confirm.js";
import "~/paraglide/messages/common_action_create.js";
import "~/paraglide/messages/common_action_creating.js";
import "~/paraglide/messages/common_action_delete.js";
import "~/paraglide/messages/common_action_deleting.js";
import "~/paraglide/messages/common_action_download.js";
import "~/paraglide/messages/common_action_edit.js";
import "~/paraglide/messages/common_action_exportcsv1.js";
import "~/paraglide/messages/common_action_filter.js";
import "~/paraglide/messages/common_action_howcalculated1.js";
import "~/paraglide/messages/common_action_import.js";
import "~/paraglide/messages/common_action_remove.js";
import "~/paraglide/messages/common_action_reset.js";
import "~/paraglide/messages/common_action_save.js";
import "~/paraglide/messages/common_action_saving.js";
import "~/paraglide/messages/common_action_search.js";
