/** Only same-site paths: "/x" yes, "//evil.com" and "https://…" no. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/**
 * The page a form was posted from, to redirect back to after a save: its path and query without
 * Remix's own parameters (`?index` for index routes, `_data` on a JavaScript submission).
 */
export function samePage(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  url.searchParams.delete("_data");
  return url.pathname + url.search;
}
