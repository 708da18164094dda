/**
 * Every area's messages merged into one catalogue per locale. To add an area: create
 * `<area>.ts` exporting `en` (as const) and `zh` (typed `Record<keyof typeof en, string>`),
 * then list it in AREAS below. Keys are prefixed with the area name, so areas never clash.
 */
import * as auth from "./auth";
import * as common from "./common";
import * as layout from "./layout";

export const AREAS = { common, layout, auth } as const;

export const en = { ...common.en, ...layout.en, ...auth.en } as const;
export const zh: Record<keyof typeof en, string> = { ...common.zh, ...layout.zh, ...auth.zh };

export type Messages = typeof en;
export type MessageKey = keyof Messages;
