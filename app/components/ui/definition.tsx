import type { ReactNode } from "react";
import { useT } from "~/i18n";
import { common_action_howCalculated } from "~/paraglide/messages/common_action_howcalculated1.js";

/**
 * How a figure is calculated, one click away instead of three lines on every card (issue #15
 * item 10). A native <details>: it opens with Enter or Space from the keyboard, needs no
 * JavaScript, and screen readers announce it as a collapsed button. The summary says
 * "How is this calculated?" unless the caller names it otherwise.
 */
export function Definition({ children, summary }: { children: ReactNode; summary?: string }) {
  const t = useT();
  return (
    <details className="group mt-2 text-xs text-slate-600" data-testid="definition">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded text-indigo-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
          ›
        </span>
        {summary ?? t(common_action_howCalculated)}
      </summary>
      <div className="mt-1 space-y-1">{children}</div>
    </details>
  );
}
