import { useLocation } from "@remix-run/react";

/**
 * For lists whose sort, filters and page live in the URL: a function giving the current URL
 * with some parameters changed (null or "" removes one). Any change but the page itself starts
 * again at page 1. `?index` (where a filter form submitted without JavaScript lands on an
 * index route) is left out of every link.
 */
export function useHrefWith() {
  const location = useLocation();
  return (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(location.search);
    next.delete("index");
    if (!("page" in changes)) next.delete("page");
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    const qs = next.toString();
    return qs ? `?${qs}` : location.pathname;
  };
}
