/**
 * The page's JavaScript modules, announced early but at low fetch priority (decision 030).
 *
 * Every page is rendered on the server and readable before any script runs; the modules only
 * hydrate it. Remix's `<Scripts>` preloads them at the browser's default (high) priority, so on a
 * slow phone line the 40-odd module requests of a portfolio page compete with the first paint,
 * and Lighthouse counts every one that happened to finish before it as render-blocking (its first
 * paint then swung between 0.8 s and 3.1 s from run to run). Rendered before `<Scripts>`, these
 * links start the same fetches first, at low priority; the browser's module map serves Remix's
 * own preloads and imports from them, so nothing is fetched twice.
 */
import { UNSAFE_RemixContext, useMatches } from "@remix-run/react";
import { type LinkHTMLAttributes, useContext, useState } from "react";

/** React 18 knows no `fetchPriority` on links; the lowercase attribute passes through as is. */
const LOW_PRIORITY = { fetchpriority: "low" } as LinkHTMLAttributes<HTMLLinkElement>;

export function ModulePreloads() {
  const context = useContext(UNSAFE_RemixContext);
  const matches = useMatches();
  // The first render's set only, as `<Scripts>` does: after hydration the router loads what a
  // navigation needs itself, and the server's links must hydrate unchanged.
  const [paths] = useState(() => {
    if (!context) return [];
    const { manifest } = context;
    const routes = matches.flatMap((match) => {
      const route = manifest.routes[match.id];
      return route ? [...(route.imports ?? []), route.module] : [];
    });
    // With lazy route discovery (decision 030) the page carries its own routes and never loads the whole manifest.
    return [...new Set([manifest.entry.module, ...manifest.entry.imports, ...routes])];
  });
  return (
    <>
      {paths.map((href) => (
        <link key={href} rel="modulepreload" href={href} {...LOW_PRIORITY} />
      ))}
    </>
  );
}
