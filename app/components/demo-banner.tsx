import { useT } from "~/i18n";
import { layout_demo_banner } from "~/paraglide/messages/layout_demo_banner.js";
import { layout_demo_label } from "~/paraglide/messages/layout_demo_label.js";

/**
 * On every page of the local demo (the embedded database with the demo accounts, whose password
 * the sign-in page prints): nobody should mistake it for a place to keep real figures.
 */
export function DemoBanner() {
  const t = useT();
  return (
    <aside
      aria-label={t(layout_demo_label)}
      className="border-b border-amber-300 print:hidden bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-950"
    >
      {t(layout_demo_banner)}
    </aside>
  );
}
