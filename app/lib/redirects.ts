/**
 * Only a path on this site, as a browser would resolve it. The value is parsed with the same
 * URL parser browsers use, against a stand-in origin, and refused unless it stays on that
 * origin; what comes back is the parsed path, query and fragment — plain ASCII a header can
 * carry. Before parsing, anything a browser or a header would treat specially is refused
 * outright, raw or percent-encoded (one layer or two): control characters (the parser drops
 * tabs and newlines, so `/\t/evil.example` becomes `//evil.example`, and a newline breaks
 * the header), backslashes (read as `/`), and a path that decodes to `//` (another host).
 */
const STAND_IN = "http://same-site.invalid";

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the backslash.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/;
// The same, percent-encoded (case-insensitive): %00–%1F, %7F, %5C, and C1 as UTF-8 (%C2%80–%C2%9F).
const UNSAFE_ESCAPE = /%(?:[01][0-9a-f]|7f|5c|c2%[89][0-9a-f])/i;

function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The value and what it reads as after one and two rounds of percent-decoding. */
function readings(value: string): string[] {
  const once = decodedOnce(value);
  const twice = once === null ? null : decodedOnce(once);
  return [value, once, twice].filter((v): v is string => v !== null);
}

function readsSafely(value: string): boolean {
  return readings(value).every((reading) => !UNSAFE_CHARACTER.test(reading) && !UNSAFE_ESCAPE.test(reading) && !reading.startsWith("//"));
}

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000 || !readsSafely(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, STAND_IN);
  } catch {
    return fallback;
  }
  if (url.origin !== STAND_IN) return fallback;
  const path = url.pathname + url.search + url.hash;
  // The parser normalises (dot segments, encoding), so the result is checked again: `/./%2F`
  // passes as written but normalises to `/%2F`, which reads as `//` once decoded.
  return path.startsWith("/") && readsSafely(path) ? path : fallback;
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
