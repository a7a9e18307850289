import { test } from "node:test";
import assert from "node:assert/strict";
import { describeUserAgent } from "@/lib/sessions/describe-user-agent";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

test("user agents become short device names", () => {
  assert.equal(describeUserAgent(FIREFOX), "Firefox on Linux");
  assert.equal(describeUserAgent(IPHONE), "Safari on iPhone");
  assert.equal(
    describeUserAgent(
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
    ),
    "Edge on Windows",
  );
  assert.equal(
    describeUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0 Safari/537.36"),
    "Chrome on Linux",
  );
  assert.equal(describeUserAgent(""), "Unknown device");
  assert.equal(describeUserAgent("gatehouse-cli"), "Gatehouse CLI");
});
