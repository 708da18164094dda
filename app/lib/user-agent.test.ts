import { describe, expect, it } from "vitest";
import { describeUserAgent, deviceKey } from "./user-agent";

const UA = {
  chromeMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  safariIphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  firefoxWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  edgeWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  chromeAndroid: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  chromeIpad: "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
  safariMac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  operaWindows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
  chromebook: "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
};

describe("describeUserAgent", () => {
  it("names the browser family and the system, without versions", () => {
    expect(describeUserAgent(UA.chromeMac)).toEqual({ browser: "Chrome", os: "macOS" });
    expect(describeUserAgent(UA.safariIphone)).toEqual({ browser: "Safari", os: "iPhone" });
    expect(describeUserAgent(UA.firefoxWindows)).toEqual({ browser: "Firefox", os: "Windows" });
    expect(describeUserAgent(UA.chromeAndroid)).toEqual({ browser: "Chrome", os: "Android" });
    expect(describeUserAgent(UA.chromeIpad)).toEqual({ browser: "Chrome", os: "iPad" });
    expect(describeUserAgent(UA.firefoxLinux)).toEqual({ browser: "Firefox", os: "Linux" });
    expect(describeUserAgent(UA.safariMac)).toEqual({ browser: "Safari", os: "macOS" });
    expect(describeUserAgent(UA.chromebook)).toEqual({ browser: "Chrome", os: "ChromeOS" });
  });

  it("does not mistake a browser built on Chrome for Chrome", () => {
    expect(describeUserAgent(UA.edgeWindows).browser).toBe("Edge");
    expect(describeUserAgent(UA.operaWindows).browser).toBe("Opera");
  });

  it("says nothing rather than guess about what it does not know", () => {
    expect(describeUserAgent("")).toEqual({ browser: null, os: null });
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
    expect(describeUserAgent("SomeBot/1.0")).toEqual({ browser: null, os: null });
  });

  it("treats a browser update as the same device", () => {
    expect(deviceKey(UA.chromeMac)).toBe(deviceKey(UA.chromeMac.replace("131.0.0.0", "132.0.0.0")));
    expect(deviceKey(UA.chromeMac)).not.toBe(deviceKey(UA.safariMac));
  });
});
