import { test } from "node:test";
import assert from "node:assert/strict";
import { describeUserAgent, deviceNameText, parseDeviceName } from "@/lib/sessions/describe-user-agent";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
const EDGE =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";
const HEADLESS = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36";

test("user agents become a browser and a system, not a sentence", () => {
  assert.deepEqual(describeUserAgent(FIREFOX), { browser: "Firefox", os: "Linux" });
  assert.deepEqual(describeUserAgent(IPHONE), { browser: "Safari", os: "iPhone" });
  assert.deepEqual(describeUserAgent(EDGE), { browser: "Edge", os: "Windows" });
  assert.deepEqual(describeUserAgent(HEADLESS), { browser: "Chrome", os: "Linux" });
  assert.deepEqual(describeUserAgent("gatehouse-cli"), { browser: "Gatehouse CLI", os: null });
  assert.deepEqual(describeUserAgent("SomeBot/1.0"), { browser: null, os: null });
  assert.equal(describeUserAgent(""), null);
  assert.equal(describeUserAgent(undefined), null);
});

test("the stored English text keeps its old forms, and parses back to the same name", () => {
  const cases: Array<[string | undefined, string]> = [
    [FIREFOX, "Firefox on Linux"],
    [IPHONE, "Safari on iPhone"],
    [EDGE, "Edge on Windows"],
    ["gatehouse-cli", "Gatehouse CLI"],
    ["Mozilla/5.0 (Linux; Android 14)", "Android"],
    ["SomeBot/1.0", "Unknown browser"],
    ["", "Unknown device"],
    [undefined, "Unknown device"],
  ];
  for (const [ua, text] of cases) {
    const name = describeUserAgent(ua);
    assert.equal(deviceNameText(name), text, String(ua));
    assert.deepEqual(parseDeviceName(text), name, text);
  }
});

test("legacy descriptions parse back; names in no known form are kept as they are", () => {
  assert.deepEqual(parseDeviceName("Samsung Internet on Android"), { browser: "Samsung Internet", os: "Android" });
  assert.deepEqual(parseDeviceName(" Chrome on ChromeOS "), { browser: "Chrome", os: "ChromeOS" });
  assert.equal(parseDeviceName(""), null);
  // Not a known browser and system: shown whole, never split into a wrong translation.
  assert.deepEqual(parseDeviceName("Laptop on desk"), { browser: "Laptop on desk", os: null });
  assert.deepEqual(parseDeviceName("Firefox on Plan 9"), { browser: "Firefox on Plan 9", os: null });
});
