import { test } from "node:test";
import assert from "node:assert/strict";
import { AppError } from "@/lib/errors";
import { formatIpRanges, ipInRanges, normaliseIp, parseIpRange, parseIpRanges } from "@/lib/net/cidr";

test("IPv4 CIDRs match inside and not outside", () => {
  const ranges = parseIpRanges("10.0.0.0/8, 192.168.1.0/24");
  assert.equal(ipInRanges("10.0.0.1", ranges), true);
  assert.equal(ipInRanges("10.255.255.255", ranges), true);
  assert.equal(ipInRanges("11.0.0.0", ranges), false);
  assert.equal(ipInRanges("9.255.255.255", ranges), false);
  assert.equal(ipInRanges("192.168.1.77", ranges), true);
  assert.equal(ipInRanges("192.168.2.1", ranges), false);
  assert.equal(formatIpRanges(ranges), "10.0.0.0/8,192.168.1.0/24");
});

test("bare addresses are /32 and /128", () => {
  const ranges = parseIpRanges("203.0.113.7,2001:db8::1");
  assert.deepEqual(
    ranges.map((range) => range.cidr),
    ["203.0.113.7/32", "2001:db8::1/128"],
  );
  assert.equal(ipInRanges("203.0.113.7", ranges), true);
  assert.equal(ipInRanges("203.0.113.8", ranges), false);
  assert.equal(ipInRanges("2001:db8:0:0:0:0:0:1", ranges), true);
  assert.equal(ipInRanges("2001:db8::2", ranges), false);
});

test("/0 matches everything of its family only", () => {
  assert.equal(ipInRanges("8.8.8.8", parseIpRanges("0.0.0.0/0")), true);
  assert.equal(ipInRanges("2001:db8::1", parseIpRanges("0.0.0.0/0")), false);
  assert.equal(ipInRanges("2001:db8::1", parseIpRanges("::/0")), true);
  assert.equal(ipInRanges("8.8.8.8", parseIpRanges("::/0")), false);
});

test("IPv6 CIDRs with zero compression and mixed case", () => {
  const ranges = parseIpRanges("2001:DB8:abcd::/48, fe80::/10");
  assert.deepEqual(
    ranges.map((range) => range.cidr),
    ["2001:db8:abcd::/48", "fe80::/10"],
  );
  assert.equal(ipInRanges("2001:db8:abcd:12::1", ranges), true);
  assert.equal(ipInRanges("2001:0db8:abcd:ffff:ffff:ffff:ffff:ffff", ranges), true);
  assert.equal(ipInRanges("2001:db8:abce::1", ranges), false);
  assert.equal(ipInRanges("febf::1", ranges), true);
  assert.equal(ipInRanges("fec0::1", ranges), false);
  assert.equal(parseIpRange("2001:db8:0:0:1:0:0:0/128").cidr, "2001:db8:0:0:1::/128"); // longest zero run wins
  assert.equal(parseIpRange("1:0:0:2:0:0:0:3").cidr, "1:0:0:2::3/128");
  assert.equal(parseIpRange("1:2:3:4:5:6:7:0").cidr, "1:2:3:4:5:6:7:0/128"); // single zero not compressed
});

test("IPv4-mapped IPv6 clients match IPv4 ranges, and mapped ranges become IPv4", () => {
  const ranges = parseIpRanges("10.0.0.0/8");
  assert.equal(ipInRanges("::ffff:10.0.0.1", ranges), true);
  assert.equal(ipInRanges("::FFFF:0a00:0001", ranges), true);
  assert.equal(ipInRanges("::ffff:11.0.0.1", ranges), false);
  // ::10.0.0.1 (deprecated IPv4-compatible) is not the same address.
  assert.equal(ipInRanges("::10.0.0.1", ranges), false);
  const mapped = parseIpRange("::ffff:192.168.0.0/112");
  assert.deepEqual(
    { version: mapped.version, prefix: mapped.prefix, cidr: mapped.cidr },
    { version: 4, prefix: 16, cidr: "192.168.0.0/16" },
  );
  assert.equal(ipInRanges("192.168.4.4", [mapped]), true);
});

test("normaliseIp canonicalises and unmaps", () => {
  assert.equal(normaliseIp("::ffff:10.0.0.1"), "10.0.0.1");
  assert.equal(normaliseIp("::ffff:a00:1"), "10.0.0.1");
  assert.equal(normaliseIp("2001:0DB8:0000:0000:0000:0000:0000:0001"), "2001:db8::1");
  assert.equal(normaliseIp("::"), "::");
  assert.equal(normaliseIp("::1"), "::1");
  assert.equal(normaliseIp(" 192.0.2.1 "), "192.0.2.1");
  assert.equal(normaliseIp("1:2:3:4:5:6:1.2.3.4"), "1:2:3:4:5:6:102:304");
  assert.equal(normaliseIp("64:ff9b::192.0.2.33"), "64:ff9b::c000:221"); // NAT64: dotted tail after "::"
  assert.equal(ipInRanges("64:ff9b::192.0.2.33", parseIpRanges("64:ff9b::/96")), true);
  for (const junk of ["", "localhost", "10.0.0.256", "01.2.3.4", "1::2::3", "fe80::1%eth0", "[::1]", "10.0.0.0/8", "0x0a.0.0.1"]) {
    assert.equal(normaliseIp(junk), null, junk);
  }
});

test("invalid entries throw invalid_input naming the entry", () => {
  const invalid = [
    "10.0.0.0/33",
    "::/129",
    "10.0.0.0/-1",
    "10.0.0.0/08",
    "10.0.0.0/",
    "10.0.0.0/8/8",
    "10.0.0.0/ 8",
    "10.0.0",
    "256.0.0.0/8",
    "10.0.0.1/8",
    "2001:db8::1/32",
    "fe80::1%eth0/64",
    "example.com",
    "1.2.3.4 5.6.7.8",
    "10.0.0.0/+8",
    "10.0.0.0/8.0",
    "[::1]/128",
    ":::/0",
  ];
  for (const entry of invalid) {
    assert.throws(
      () => parseIpRanges(`192.0.2.0/24,${entry}`),
      (error: unknown) => error instanceof AppError && error.code === "invalid_input" && error.message.includes(`"${entry.trim()}"`),
      entry,
    );
  }
  assert.throws(() => parseIpRanges("10.1.2.3/8"), /did you mean 10\.0\.0\.0\/8/);
  assert.throws(() => parseIpRanges("10.0.0.0/8,,192.0.2.0/24"), /empty entry/);
  assert.throws(() => parseIpRanges("10.0.0.0/8,"), /empty entry/);
});

test("entry length and count limits", () => {
  assert.throws(() => parseIpRange(`${"1".repeat(65)}`), /longer than 64/);
  const hundred = Array.from({ length: 100 }, (_, index) => `10.0.${index}.0/24`).join(",");
  assert.equal(parseIpRanges(hundred).length, 100);
  const hundredAndOne = `${hundred},10.1.0.0/16`;
  assert.throws(() => parseIpRanges(hundredAndOne), /At most 100/);
  assert.throws(() => parseIpRanges("1,".repeat(10_000)), /At most 100/);
});

test("blank lists are empty, duplicates collapse, garbage IPs never match", () => {
  assert.deepEqual(parseIpRanges(""), []);
  assert.deepEqual(parseIpRanges("   "), []);
  assert.equal(parseIpRanges("10.0.0.0/8,10.0.0.0/8, 10.0.0.0/8").length, 1);
  const ranges = parseIpRanges("0.0.0.0/0,::/0");
  for (const junk of ["", "garbage", "10.0.0.1/32", "1::2::3", "x".repeat(1000)]) assert.equal(ipInRanges(junk, ranges), false, junk);
  assert.equal(ipInRanges("10.0.0.1", []), false);
});
