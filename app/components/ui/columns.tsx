import type { ReactNode } from "react";

/*
 * The list-and-side-panel page: on a wide screen the lists take two thirds and the side column
 * (the forms of those who may change things) the last third; on a phone the side column follows
 * the lists. One place for the grid, so every such page lines up the same.
 */

/**
 * The grid with its main column. `aside` is the side column, `null` for someone it has nothing
 * for; `stackAside={false}` when the aside is a single card that brings its own frame.
 * `stacked={false}` leaves the main column's one card without the stacking gap.
 */
export function MainWithAside({
  aside,
  stacked = true,
  stackAside = true,
  children,
}: {
  aside: ReactNode;
  stacked?: boolean;
  stackAside?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className={stacked ? "space-y-6 lg:col-span-2" : "lg:col-span-2"}>{children}</div>
      {aside && stackAside ? <div className="space-y-6">{aside}</div> : aside}
    </div>
  );
}
