import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirects";

/**
 * Where a browser would go with `Location: <value>` from a page on this site: the WHATWG URL
 * parser, as Chromium and Firefox use it (it drops tabs and newlines, treats `\` as `/`).
 */
const HERE = "https://app.example";
function landsOn(location: string): string {
  return new URL(location, `${HERE}/login`).origin;
}

const HOSTILE = [
  "/%09/evil.example",
  "/\t/evil.example",
  "/\n/x",
  "/\r/x",
  "/\r\nSet-Cookie: a=b",
  "/%0a/x",
  "/%0D/x",
  "/%0d%0aSet-Cookie:%20a=b",
  "/%00/x",
  "/\u0000/x",
  "/\u007f/x",
  "/%7f/x",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/%5cevil.example",
  "/%5Cevil.example",
  "\\\\evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "https://evil.example",
  "https://evil.example/",
  "http:evil.example",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  "\t//evil.example",
  "evil.example",
  "",
  "/\u2028/x",
  "/\u0085/x",
  // Dot segments that the URL parser removes, leaving a path that decodes to `//` (found by fast-check).
  "/./%2F",
  "/./%2fevil.example",
  "/a/../%2F/evil.example",
  "/.%2e/%2F%2Fevil.example",
];

describe("safeRedirect", () => {
  it.each(HOSTILE)("refuses %j and falls back", (value) => {
    expect(safeRedirect(value)).toBe("/");
    expect(safeRedirect(value, "/orgs/new")).toBe("/orgs/new");
  });

  it.each([
    ["/", "/"],
    ["/orgs/new", "/orgs/new"],
    ["/o/acme/members?page=2", "/o/acme/members?page=2"],
    ["/login?redirectTo=%2Forgs%2Fnew", "/login?redirectTo=%2Forgs%2Fnew"],
    ["/invite/abcDEF123_-", "/invite/abcDEF123_-"],
    ["/o/acme/risks#open", "/o/acme/risks#open"],
    ["/o/acme/reports?q=50%25", "/o/acme/reports?q=50%25"],
    // Normalised by the URL parser: what comes back is what a browser would ask for.
    ["/o/acme/../acme/debt", "/o/acme/debt"],
    ["/o/caf\u00e9", "/o/caf%C3%A9"],
  ])("keeps the same-site path %j as %j", (value, expected) => {
    expect(safeRedirect(value)).toBe(expected);
  });

  it("falls back for anything that is not a string", () => {
    for (const value of [null, undefined, new File(["/x"], "x.txt")]) expect(safeRedirect(value as never, "/f")).toBe("/f");
  });

  it("never answers a value a browser would take off-site or a header could not carry (fast-check)", () => {
    const pieces = fc.constantFrom(
      "/",
      "//",
      "\\",
      "/\\",
      "%2f",
      "%2F",
      "%5c",
      "%5C",
      "%09",
      "%0a",
      "%0d",
      "%00",
      "\t",
      "\n",
      "\r",
      "\u0000",
      "\u007f",
      "evil.example",
      "@evil.example",
      ":",
      "http:",
      "https:",
      "javascript:",
      "..",
      ".",
      "?",
      "#",
      "%",
      "%25",
      "a",
      "o",
      " ",
    );
    const candidate = fc.oneof(
      fc.array(pieces, { maxLength: 8 }).map((p) => p.join("")),
      fc.array(pieces, { maxLength: 8 }).map((p) => `/${p.join("")}`),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }).map((s) => `/${s}`),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        const answer = safeRedirect(value);
        // A path on this site…
        expect(answer.startsWith("/")).toBe(true);
        expect(landsOn(answer)).toBe(HERE);
        // …that a header can carry as it is (no controls, no backslash, nothing outside ASCII)…
        expect(answer).toMatch(/^[\x21-\x7e]*$/);
        expect(() => new Headers({ Location: answer })).not.toThrow();
        // …and that stays on this site even if something along the way decodes it once more.
        let decoded = answer;
        try {
          decoded = decodeURIComponent(answer);
        } catch {
          // Not decodable: nothing downstream can decode it either.
        }
        expect(decoded.startsWith("//") || decoded.startsWith("/\\")).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});
