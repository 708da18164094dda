/** The alert feed's status filter (browser-safe: the page's select and the model's parser share it). */
export const ALERT_STATUS_FILTERS = ["active", "open", "acknowledged", "resolved", "all"] as const;
export type AlertStatusFilter = (typeof ALERT_STATUS_FILTERS)[number];
