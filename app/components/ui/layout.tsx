import { useEffect, useRef, useState, type ReactNode } from "react";

export function Card({ title, children, actions }: { title?: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6 print:p-3">
      {title || actions ? (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:mb-2">
          {title ? <h2 className="text-lg font-semibold">{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      {children}
    </section>
  );
}

export function PageHeader({ title, description, actions }: { title: string; description?: string; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions}
    </div>
  );
}

/** A dashed box saying there is nothing yet: `body` is one paragraph of what to do about it; `children` for more. */
export function EmptyState({ title, body, children }: { title: string; body?: ReactNode; children?: ReactNode }) {
  const content = body ? <p>{body}</p> : children;
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center">
      <p className="font-medium">{title}</p>
      {content ? <div className="mt-2 text-sm text-slate-600">{content}</div> : null}
    </div>
  );
}

const BADGE_TONES = {
  neutral: "bg-slate-100 text-slate-800",
  good: "bg-emerald-100 text-emerald-900",
  warn: "bg-amber-100 text-amber-900",
  bad: "bg-red-100 text-red-900",
  info: "bg-indigo-100 text-indigo-900",
} as const;

/** Status always in words; the colour only repeats it. */
/**
 * A short status word. `wrap` is for a badge that says a whole sentence (a covenant breach with
 * its figures): it wraps in its cell instead of running out of the table.
 */
export function Badge({ tone = "neutral", wrap = false, children }: { tone?: keyof typeof BADGE_TONES; wrap?: boolean; children: ReactNode }) {
  const shape = wrap ? "rounded-md" : "whitespace-nowrap rounded-full";
  return <span className={`inline-flex ${shape} px-2 py-0.5 text-xs font-medium ${BADGE_TONES[tone]}`}>{children}</span>;
}

const SCROLL_CUE = "shadow-[inset_-14px_0_10px_-10px_rgba(15,23,42,0.3)]";

/**
 * A box that scrolls, reachable by keyboard: while its content overflows it takes focus (so
 * arrow keys scroll it) and is named for screen readers; when everything fits it is a plain div
 * and adds no tab stop. Without a label it is named after its table's caption or its card's title.
 */
export function ScrollArea({ label, className, children }: { label?: string; className: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState<"no" | "down" | "across">("no");
  const [name, setName] = useState(label);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const title = element.querySelector("caption")?.textContent ?? element.closest("section")?.querySelector("h2")?.textContent;
    setName(`${label ?? title ?? "Table"}, scrolls`);
    const measure = () =>
      setOverflows(element.scrollWidth > element.clientWidth + 1 ? "across" : element.scrollHeight > element.clientHeight + 1 ? "down" : "no");
    // No measure() here: reading scrollWidth in the effect forced a layout of the whole page inside
    // hydration's task (≈ 60 ms of the portfolio's blocking time on a slow phone). The observer
    // reports every observed box once right after the next layout, with the sizes already known.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, [label]);
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: named only when it is a region (role and aria-label share one condition)
    <div
      ref={box}
      // relative: screen-reader-only text (position: absolute) inside a wide table would
      // otherwise be placed against the page and widen it past the screen.
      // A shadow on the right edge shows there is more to the side.
      className={`relative ${className} ${overflows === "across" ? SCROLL_CUE : ""}`}
      tabIndex={overflows !== "no" ? 0 : undefined}
      role={overflows !== "no" ? "region" : undefined}
      aria-label={overflows !== "no" ? name : undefined}
    >
      {children}
    </div>
  );
}

/**
 * Wide tables scroll inside their card instead of the page (at 375 px most do). `maxHeight`
 * (a Tailwind class such as "max-h-96") makes a long table scroll down too, inside the same
 * box, so a `sticky top-0` header sticks.
 */
export function TableScroller({ children, label, maxHeight }: { children: ReactNode; label?: string; maxHeight?: string }) {
  return (
    <ScrollArea label={label} className={`-mx-4 sm:mx-0 ${maxHeight ? `${maxHeight} overflow-auto` : "overflow-x-auto"}`}>
      {children}
    </ScrollArea>
  );
}
