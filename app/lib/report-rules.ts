// Limits shown in the month form and enforced by the model; not a .server module so the
// browser bundle can read them too.
export const EARLIEST_REPORT_MONTH = "2000-01";
export const REPORT_TEXT_MAX = 5000;
