/** Messages of the admin area (see tests/static/i18n-pending/admin.txt for the files still to convert). */
export const en = {} as const;

export const zh: Record<keyof typeof en, string> = {};
