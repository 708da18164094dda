/**
 * Every area's messages merged into one catalogue per locale. To add an area: create
 * `<area>.ts` exporting `en` (as const) and `zh` (typed `Record<keyof typeof en, string>`),
 * then list it in AREAS below. Keys are prefixed with the area name, so areas never clash.
 */
import type { AreaName } from "../areas";
import * as admin from "./admin";
import * as auth from "./auth";
import * as common from "./common";
import * as dashboard from "./dashboard";
import * as deletion from "./deletion";
import * as investor from "./investor";
import * as layout from "./layout";
import * as records from "./records";

export const AREAS = { common, layout, auth, records, dashboard, investor, admin, deletion } as const;
// AREA_NAMES (browser-safe, for recognising keys) must list exactly these areas.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _areaNamesMatch: SameKeys<keyof typeof AREAS, AreaName> = true;
void _areaNamesMatch;

export const en = { ...common.en, ...layout.en, ...auth.en, ...records.en, ...dashboard.en, ...investor.en, ...admin.en, ...deletion.en } as const;
export const zh: Record<keyof typeof en, string> = { ...common.zh, ...layout.zh, ...auth.zh, ...records.zh, ...dashboard.zh, ...investor.zh, ...admin.zh, ...deletion.zh };

export type Messages = typeof en;
export type MessageKey = keyof Messages;
