import { first } from "./at";

/**
 * POST /login as a browser would (our Origin) against a server started outside the test process
 * (bench and load runs); returns the `cd_session=…` cookie pair, or throws with the status and the answer.
 */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((c) => first(c.split(";")))
    .find((c) => c.startsWith("cd_session="));
  if (response.status !== 302 || !cookie) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  return cookie;
}
