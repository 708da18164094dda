// Moved to app/domain/bounds.ts (one place for every entity's bounds); kept so existing
// imports of this path keep working until the lib/ split (issue #14, item 3) retires it.
export { EARLIEST_MONTH as EARLIEST_REPORT_MONTH, REPORT_TEXT_MAX } from "~/domain/bounds";
