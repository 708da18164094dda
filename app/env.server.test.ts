import { describe, expect, it } from "vitest";
import { parseEnv, publicOrigin } from "./env.server";

/*
 * Links in mail sent without a request (digests, scheduled updates, an alert sync) take
 * publicOrigin: a real mail must never carry a localhost link, so production refuses to start
 * with a relay but no APP_ORIGIN; the demo without a relay keeps localhost (issue #16).
 */
const RELAY = { SMTP_URL: "smtps://user:secret@smtp.example.com:465", MAIL_FROM: "Capital Desk <no-reply@desk.example.com>" };

describe("the origin of links in mail", () => {
  it("refuses production with SMTP_URL but no APP_ORIGIN, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production", ...RELAY })).toThrow(/APP_ORIGIN: required in production when SMTP_URL is set/);
    // An empty value is unset, as a shell or .env file leaves it.
    expect(() => parseEnv({ NODE_ENV: "production", ...RELAY, APP_ORIGIN: "" })).toThrow(/APP_ORIGIN/);
  });

  it("with APP_ORIGIN, production mail links point there", () => {
    const env = parseEnv({ NODE_ENV: "production", ...RELAY, APP_ORIGIN: "https://desk.example.com/" });
    expect(publicOrigin(env)).toBe("https://desk.example.com");
  });

  it("without a relay nothing leaves: the demo keeps localhost at its port", () => {
    expect(publicOrigin(parseEnv({ NODE_ENV: "production" }))).toBe("http://localhost:3000");
    expect(publicOrigin(parseEnv({ NODE_ENV: "production", PORT: "8080" }))).toBe("http://localhost:8080");
  });

  it("outside production a local relay (a test SMTP server) may go with localhost links", () => {
    expect(publicOrigin(parseEnv({ NODE_ENV: "development", ...RELAY }))).toBe("http://localhost:3000");
    expect(publicOrigin(parseEnv({ NODE_ENV: "test", ...RELAY }))).toBe("http://localhost:3000");
  });
});
