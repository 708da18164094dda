import { describe, expect, it } from "vitest";
import { composeMail, invitationMail } from "./mail.server";

describe("composeMail", () => {
  it("escapes what people typed (an org called <script>) and makes links clickable", () => {
    const mail = composeMail("en", "Hi", 'Join <script>alert("x")</script> & co: https://desk.example/invite/abc?x=1&y=2\nSecond line');
    expect(mail.text).toContain("<script>");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(mail.html).toContain('<a href="https://desk.example/invite/abc?x=1&amp;y=2">https://desk.example/invite/abc?x=1&amp;y=2</a>');
    expect(mail.html.match(/<p /g)?.length).toBe(3); // the brand line and two paragraphs
    expect(mail.html).toContain('<html lang="en">');
  });

  it("writes the invitation in the recipient's language, both parts", () => {
    const vars = { inviter: "Ada", org: "Helix", role: "member" as const, link: "https://desk.example/invite/t", days: 7 };
    const en = invitationMail("en", vars);
    const zh = invitationMail("zh-CN", vars);
    expect(en.subject).toBe("Ada invited you to Helix on Capital Desk");
    expect(zh.subject).toBe("Ada 邀请您加入 Capital Desk 上的 Helix");
    expect(zh.text).toContain("7 天后失效");
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.html).toContain('href="https://desk.example/invite/t"');
  });
});
