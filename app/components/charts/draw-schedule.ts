/**
 * When a chart draws. Chart.js (≈ 60 KB gzipped) and each chart's first draw are the heaviest
 * work on the dashboard and the portfolio, and on a phone most charts start below the fold: a
 * chart draws when it comes near the screen, in an idle moment, one chart per task, so neither
 * the download nor the drawing competes with the page becoming usable. Pages meant for paper
 * (the share report) draw every chart at once; any page draws what is left before printing.
 */

export interface DrawEnvironment {
  /** Draw without waiting to be near the screen (still in an idle moment). */
  eager: boolean;
  /** Calls `near` once the element is near the screen; returns a stop. Absent: the browser cannot tell. */
  observe?: (element: Element, near: () => void) => () => void;
  /** Runs `task` when the main thread is idle; returns a cancel. */
  idle: (task: () => void) => () => void;
  /** Calls `before` when the page is about to print; returns a stop. */
  onPrint?: (before: () => void) => () => void;
}

/** Schedules `draw` once for `element` (see above); the returned function cancels whatever has not run. */
export function scheduleDraw(element: Element, draw: () => void, env: DrawEnvironment): () => void {
  let done = false;
  const stops: (() => void)[] = [];
  const stopAll = () => {
    for (const stop of stops.splice(0)) stop();
  };
  const now = () => {
    if (done) return;
    done = true;
    stopAll();
    draw();
  };
  const soon = () => {
    if (!done) stops.push(env.idle(now));
  };
  if (env.onPrint) stops.push(env.onPrint(now));
  if (env.eager || !env.observe) soon();
  else
    stops.push(
      env.observe(element, () => {
        soon();
      }),
    );
  return () => {
    done = true;
    stopAll();
  };
}

/** How far below (or above) the screen a chart starts drawing, so a reader scrolling rarely sees it empty. */
export const NEAR_MARGIN = "300px 0px";

/** The browser's means: IntersectionObserver, requestIdleCallback (a timer where missing), beforeprint. */
export function browserDrawEnvironment(eager: boolean): DrawEnvironment {
  return {
    eager,
    observe:
      typeof IntersectionObserver === "undefined"
        ? undefined
        : (element, near) => {
            const observer = new IntersectionObserver(
              (entries) => {
                if (entries.some((e) => e.isIntersecting)) {
                  observer.disconnect();
                  near();
                }
              },
              { rootMargin: NEAR_MARGIN },
            );
            observer.observe(element);
            return () => observer.disconnect();
          },
    idle: (task) => {
      if (typeof window.requestIdleCallback === "function") {
        // The timeout bounds the wait on a page that is never idle (a busy phone).
        const id = window.requestIdleCallback(task, { timeout: 1500 });
        return () => window.cancelIdleCallback(id);
      }
      const id = window.setTimeout(task, 50);
      return () => window.clearTimeout(id);
    },
    onPrint: (before) => {
      // beforeprint for the print dialog; the print media query for a PDF made without one
      // (a headless browser's page.pdf, which switches media but fires no beforeprint).
      const print = window.matchMedia("print");
      const onMedia = (event: MediaQueryListEvent) => {
        if (event.matches) before();
      };
      window.addEventListener("beforeprint", before);
      print.addEventListener("change", onMedia);
      // A chart (re)mounted while print media is already on (a config redrawn for paper) draws now.
      if (print.matches) queueMicrotask(before);
      return () => {
        window.removeEventListener("beforeprint", before);
        print.removeEventListener("change", onMedia);
      };
    },
  };
}
