import { test } from "node:test";
import assert from "node:assert/strict";
import { delayFor, THROTTLE } from "@/lib/throttle/login-throttle";
import { accountThrottleKey, ipThrottleKey } from "@/lib/throttle/throttle-keys";

// The numbers are README "Throttling"'s, written out here so a changed constant fails a test.
test("the documented numbers: 5 per address, 20 per IP, at most 60 s, 1 hour, lock at 100", () => {
  assert.deepEqual(
    { ...THROTTLE },
    { freeAccountFailures: 5, freeIpFailures: 20, maxDelaySeconds: 60, windowMs: 3_600_000, lockAfterFailures: 100 },
  );
});

test("the delay is 1 s after the free failures, doubling with each one, capped at 60 s", () => {
  const seconds = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1000].map((failures) => delayFor(failures, 5));
  assert.deepEqual(seconds, [0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  assert.equal(delayFor(19, 20), 0);
  assert.equal(delayFor(20, 20), 1);
});

test("IPv4 clients are counted per address, IPv4-mapped IPv6 as IPv4", () => {
  assert.equal(ipThrottleKey("192.0.2.1"), "ip:192.0.2.1");
  assert.equal(ipThrottleKey("::ffff:192.0.2.1"), "ip:192.0.2.1");
  assert.equal(ipThrottleKey("::FFFF:c000:201"), "ip:192.0.2.1");
  assert.notEqual(ipThrottleKey("192.0.2.2"), ipThrottleKey("192.0.2.1"));
  assert.equal(ipThrottleKey("127.0.0.1"), "ip:127.0.0.1");
});

test("IPv6 clients are counted per /64, whatever the spelling", () => {
  const key = "ip6:2001:db8:1:2::/64";
  for (const spelling of [
    "2001:db8:1:2::1",
    "2001:DB8:1:2::ffff",
    "2001:0db8:0001:0002:ffff:ffff:ffff:ffff",
    "2001:db8:1:2:a:b:c:d",
    "2001:db8:1:2::",
    " 2001:db8:1:2::7 ",
    "2001:db8:1:2::7%eth0",
  ]) {
    assert.equal(ipThrottleKey(spelling), key, spelling);
  }
  assert.equal(ipThrottleKey("2001:db8:1:3::1"), "ip6:2001:db8:1:3::/64");
  assert.equal(ipThrottleKey("2001:db8::1"), "ip6:2001:db8::/64");
  assert.equal(ipThrottleKey("::1"), "ip6:::/64");
  assert.equal(ipThrottleKey("fe80::1:2:3:4"), "ip6:fe80::/64");
});

test("anything that is not an address shares one counter, and the key stays short", () => {
  for (const odd of ["", "unknown", "not an ip", "1.2.3", "2001:db8::1::2", "x".repeat(10_000)]) {
    assert.equal(ipThrottleKey(odd), "ip:unknown", odd.slice(0, 20));
  }
});

test("addresses are keyed as typed, case-folded; anything else (a pasted password) is not stored", () => {
  assert.equal(accountThrottleKey("  Ann@Example.COM "), "account:ann@example.com");
  assert.equal(accountThrottleKey("ghost@nowhere.test"), "account:ghost@nowhere.test");
  assert.equal(accountThrottleKey("correct horse battery staple"), "account:(not an address)");
  assert.equal(accountThrottleKey("hunter2"), "account:(not an address)");
  assert.ok(accountThrottleKey(`${"a".repeat(60)}@${"b".repeat(500)}.test`).length <= "account:".length + 254);
});
