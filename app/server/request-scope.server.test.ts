import { describe, expect, it } from "vitest";
import { inRequestScope, oncePerRequest } from "./request-scope.server";

function counter() {
  let calls = 0;
  return { make: async () => ++calls, calls: () => calls };
}

/** What three loaders of one request get, asking side by side (as Remix runs them). */
const threeLoaders = (key: string, make: () => Promise<number>) => Promise.all([1, 2, 3].map(() => oncePerRequest(key, make)));

describe("oncePerRequest", () => {
  it("answers a page view's loaders from one look-up per key", async () => {
    const session = counter();
    const membership = counter();
    const answers = await inRequestScope("GET", async () => [await threeLoaders("session", session.make), await threeLoaders("membership", membership.make)]);
    expect(answers).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect([session.calls(), membership.calls()]).toEqual([1, 1]);
  });

  it("never shares between two requests, even at the same time", async () => {
    const lookUp = counter();
    const [first, second] = await Promise.all([
      inRequestScope("GET", () => threeLoaders("session", lookUp.make)),
      inRequestScope("HEAD", () => threeLoaders("session", lookUp.make)),
    ]);
    expect(lookUp.calls()).toBe(2);
    expect(new Set([...first, ...second])).toEqual(new Set([1, 2]));
  });

  it("keeps nothing for a request that may write (its action can change what a loader reads) or outside any request", async () => {
    const lookUp = counter();
    await inRequestScope("POST", () => threeLoaders("session", lookUp.make));
    expect(lookUp.calls()).toBe(3);
    await threeLoaders("session", lookUp.make);
    expect(lookUp.calls()).toBe(6);
  });

  it("shares a failure too: every loader gets the same error, the look-up is not retried", async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error("database unavailable");
    };
    const results = await inRequestScope("GET", () => Promise.allSettled([1, 2].map(() => oncePerRequest("session", failing))));
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
  });
});
