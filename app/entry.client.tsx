import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
}

// The server's HTML is the whole page: show it first, then hydrate (decision 030). Module scripts
// run as soon as they arrive, and on a fast connection that is before the first paint, so a
// phone would keep a blank screen through hydration's long task. An animation frame comes just
// before the browser paints; the task queued from it runs after that paint. A hidden tab paints
// nothing and gets no frames, so it hydrates at once.
if (document.visibilityState === "hidden") hydrate();
else requestAnimationFrame(() => setTimeout(hydrate, 0));
