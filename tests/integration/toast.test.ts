import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../support/app-server";
import { makeOrgWithOwner, TEST_PASSWORD } from "../support/factories";
import { toastCookieOf, toastIn } from "../support/toast";
import { routeData } from "../support/route-data";
import { toastFromCookieValue } from "../../app/server/toast.server";

/*
 * Toasts after saves (issue #8): the action redirects with a signed, HttpOnly flash cookie that
 * holds a message ref ({ key, values }); the next page shows the message once, in the reader's language, and
 * clears the cookie; a reload shows nothing. Through the production HTTP stack.
 */

let app: TestApp;
type Org = Awaited<ReturnType<typeof makeOrgWithOwner>>;
let alpha: Org;

const SETTINGS_FORM = { name: "Toast Labs", baseCurrency: "USD", budgetOverrunThresholdPercent: "10" };
const RISK_FORM = { title: "GPU supply", category: "technical", likelihood: "3", impact: "4", owner: "", status: "open", nextReviewDate: "", mitigation: "" };

async function signIn(email: string, lang?: "zh-CN"): Promise<TestClient> {
  const client = app.client();
  await client.login(email, TEST_PASSWORD);
  if (lang) client.cookies.set("lang", lang);
  return client;
}

const settings = () => `/o/${alpha.org.slug}/settings`;

beforeAll(async () => {
  app = await startTestApp();
  alpha = await makeOrgWithOwner(app.database, "startup", "Toast Labs");
}, 60_000);
afterAll(() => app?.close());

describe("the flash cookie", () => {
  it("is set on the save's redirect: signed, HttpOnly, SameSite=Lax, Secure, whole site, short-lived", async () => {
    const owner = await signIn(alpha.owner.email);
    const saved = await owner.post(settings(), SETTINGS_FORM);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(settings()); // no ?notice= left in the URL
    const line = saved.headers.getSetCookie().find((c) => c.startsWith("toast="))!;
    expect(line).toMatch(/; Max-Age=60(;|$)/);
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; Secure/);
    expect(line).toMatch(/; SameSite=Lax/);
    // A message key, not English text: the page that shows it picks the words.
    expect(toastCookieOf(saved)).toMatchObject({ tone: "success", message: { key: "admin_settings_saved" } });
    expect(line).not.toContain("Settings saved");
  });

  it("is shown once on the next page (role=status), cleared by that answer, and gone on the request after", async () => {
    const owner = await signIn(alpha.owner.email);
    await owner.post(settings(), SETTINGS_FORM);
    const shown = await owner.get(settings());
    const html = await shown.text();
    expect(toastIn(html)).toBe("Settings saved.");
    expect(html).toMatch(/<div role="status" aria-live="polite"[^>]*><div[^>]*data-testid="toast"/);
    expect(html).toContain('aria-label="Dismiss notification"');
    expect(html).toContain(">Done</p>"); // the tone in words, not only colour
    expect(shown.headers.getSetCookie().find((c) => c.startsWith("toast="))).toMatch(/Max-Age=0/);

    const again = await (await owner.get(settings())).text();
    expect(toastIn(again)).toBeNull();
    expect(again).toMatch(/<div role="status" aria-live="polite"[^>]*><\/div>/); // the live region waits, empty
  });

  it("is rendered in Chinese for a Chinese reader, from the same key", async () => {
    const owner = await signIn(alpha.owner.email, "zh-CN");
    await owner.post(settings(), SETTINGS_FORM);
    const html = await (await owner.get(settings())).text();
    expect(toastIn(html)).toBe("设置已保存。");
    expect(html).toContain('aria-label="关闭通知"');
    expect(html).toContain(">完成</p>");
  });

  it("reaches a JavaScript navigation too: the root loader's data carries it once", async () => {
    const owner = await signIn(alpha.owner.email);
    const saved = await owner.post(routeData(settings(), "routes/o.$orgSlug.settings"), SETTINGS_FORM);
    expect(saved.status).toBe(204);
    expect(saved.headers.get("x-remix-redirect")).toBe(settings());
    const root = await (await owner.get(routeData(settings(), "root"))).json();
    expect(root.toast).toMatchObject({ tone: "success", message: { key: "admin_settings_saved" } });
    expect((await (await owner.get(routeData(settings(), "root"))).json()).toast).toBeNull();
  });

  it("ignores (and clears) a cookie whose payload was changed: the signature no longer matches", async () => {
    const owner = await signIn(alpha.owner.email);
    await owner.post(settings(), SETTINGS_FORM);
    const signed = decodeURIComponent(owner.cookies.get("toast")!);
    const forged = btoa(JSON.stringify({ id: "x", tone: "error", key: "admin.settings.saved", vars: { evil: "call +1 555" } }));
    owner.cookies.set("toast", encodeURIComponent(`${forged}${signed.slice(signed.lastIndexOf("."))}`));
    const response = await owner.get(settings());
    expect(toastIn(await response.text())).toBeNull();
    expect(response.headers.getSetCookie().find((c) => c.startsWith("toast="))).toMatch(/Max-Age=0/);
  });

  it("says 'nothing changed' as a note (info tone), and carries variables and a link, escaped", async () => {
    const owner = await signIn(alpha.owner.email);
    const year = new Date().getUTCFullYear();
    const token = (await (await owner.get(routeData(`/o/${alpha.org.slug}/budgets?year=${year}`, "routes/o.$orgSlug.budgets._index"))).json()).budgets.token;
    const same = await owner.post(`/o/${alpha.org.slug}/budgets?index&year=${year}`, { year: String(year), token });
    expect(same.headers.get("location")).toBe(`/o/${alpha.org.slug}/budgets?year=${year}`);
    const note = await (await owner.get(`/o/${alpha.org.slug}/budgets?year=${year}`)).text();
    expect(toastIn(note)).toBe("Nothing changed.");
    expect(note).toContain('data-tone="info"');
    expect(note).toContain(">Note</p>");

    const added = await owner.post(`/o/${alpha.org.slug}/risks?index&sort=-score`, { ...RISK_FORM, title: "<script>alert(1)</script> GPUs" });
    // Back to the register as it was sorted, without Remix's ?index.
    expect(added.headers.get("location")).toBe(`/o/${alpha.org.slug}/risks?sort=-score`);
    const page = await (await owner.get(`/o/${alpha.org.slug}/risks?sort=-score`)).text();
    expect(page).not.toContain("<script>alert(1)");
    expect(toastIn(page)).toBe("Added “<script>alert(1)</script> GPUs”. Open it");
    expect(page).toMatch(new RegExp(`data-testid="toast-message"[\\s\\S]*?<a[^>]*href="/o/${alpha.org.slug}/risks/[0-9a-f-]{36}"`));
  });

  it("carries a structured ref in the cookie, and still reads the form an older release wrote (key and vars side by side)", () => {
    const current = { id: "a", tone: "success", message: { key: "records_risks_added", values: { title: "GPUs" } } };
    expect(toastFromCookieValue(current)).toEqual(current);
    const older = { id: "b", tone: "info", key: "records_risks_added", vars: { title: "GPUs" }, link: { to: "/o/x/risks/1", key: "records_risks_openIt" } };
    expect(toastFromCookieValue(older)).toEqual({
      id: "b",
      tone: "info",
      message: { key: "records_risks_added", values: { title: "GPUs" } },
      link: { to: "/o/x/risks/1", message: { key: "records_risks_openIt" } },
    });
    // The dotted keys of releases before the Paraglide move resolve too.
    expect(toastFromCookieValue({ id: "c", tone: "success", key: "admin.settings.saved" })?.message).toEqual({ key: "admin.settings.saved" });
    // Keys this release does not know, and links off the site, are dropped rather than shown raw.
    expect(toastFromCookieValue({ id: "d", tone: "success", message: { key: "no_such_message" } })).toBeNull();
    expect(toastFromCookieValue({ id: "e", tone: "success", message: { key: "admin_settings_saved", values: { x: { key: "no_such_message" } } } })).toBeNull();
    expect(toastFromCookieValue({ ...current, link: { to: "https://evil.test/", message: { key: "records_risks_openIt" } } })).toBeNull();
  });
});
