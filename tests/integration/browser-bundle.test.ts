// Decision 033: what the browser downloads for a page. Every request costs a phone a round trip,
// so the build must not ship chunks that hold nothing: Remix stands an empty module in for each
// `.server` import of a route, and without patches/@remix-run+dev+*.patch esbuild kept each one
// as its own chunk (9 of the portfolio's 47 script requests). And the modules most pages use
// (app/page-kit.ts) must reach the browser as one file, not one per set of routes that use them.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const buildDir = process.env.BUILD_DIR && process.env.BUILD_DIR !== "build" ? process.env.BUILD_DIR : "build";

type Metafile = { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };

function browserMetafile(): Metafile {
  return JSON.parse(fs.readFileSync(path.resolve(buildDir, "metafile.js.json"), "utf8")) as Metafile;
}

describe("the browser bundle", () => {
  it("has no chunk that only stands in for a .server module", () => {
    const outputs = Object.entries(browserMetafile().outputs).filter(([file]) => file.endsWith(".js"));
    expect(outputs.length).toBeGreaterThan(10);
    const standIns = outputs
      .filter(([, output]) => {
        const inputs = Object.keys(output.inputs);
        return inputs.length > 0 && inputs.every((input) => input.startsWith("empty-module:"));
      })
      .map(([file, output]) => `${file}: ${Object.keys(output.inputs).join(", ")}`);
    expect(standIns).toEqual([]);
  });

  it("still stands an empty module in where browser code reads a .server value on purpose", () => {
    // app/i18n/translate.ts reads SERVER_MESSAGES, which is empty in the browser: the patch must
    // drop only stand-ins nothing uses, not this one.
    const used = Object.values(browserMetafile().outputs).some((output) => "empty-module:./messages.server" in output.inputs);
    expect(used).toBe(true);
  });

  it("ships the page kit's primitives and shared words in one file, which every page loads", () => {
    const outputs = Object.entries(browserMetafile().outputs);
    const home = (input: string) => outputs.filter(([, output]) => input in output.inputs).map(([file]) => file);
    const kitModules = [
      "app/components/ui/button.tsx",
      "app/components/ui/form.tsx",
      "app/components/ui/layout.tsx",
      "app/components/ui/table.tsx",
      "app/components/ui/pager.tsx",
      "app/paraglide/messages/common_appname1.js",
      "app/paraglide/messages/common_role_owner.js",
    ];
    const files = new Set(kitModules.flatMap(home));
    expect([...files], kitModules.map((input) => `${input} → ${home(input).join(", ")}`).join("\n")).toHaveLength(1);
    const [kitFile] = [...files];
    // Every page's route module imports that file: the sign-in page, a startup's home, the portfolio.
    for (const route of ["routes/login.tsx", "routes/o.$orgSlug._index.tsx", "routes/o.$orgSlug.portfolio._index.tsx"]) {
      const [, output] = outputs.find(([, o]) => (o as { entryPoint?: string }).entryPoint === `browser-route-module:${route}?browser`) ?? [];
      const imports = ((output as { imports?: { path: string }[] } | undefined)?.imports ?? []).map((i) => i.path);
      expect(imports, route).toContain(kitFile);
    }
  });
});
