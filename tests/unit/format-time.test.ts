import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDate, formatRelativeTime, formatTime, formatUtc } from "@/lib/format/format-time";

const AT = new Date("2026-03-04T22:30:00Z");

test("a time reads in the viewer's time zone and locale", () => {
  assert.equal(formatTime(AT, { locale: "en-GB", timeZone: "UTC" }), "4 Mar 2026, 22:30");
  assert.equal(formatTime(AT, { locale: "en-GB", timeZone: "Europe/Rome" }), "4 Mar 2026, 23:30");
  // Tokyo is already on the next day.
  assert.equal(formatDate(AT, { locale: "en-GB", timeZone: "Asia/Tokyo" }), "5 Mar 2026");
  assert.equal(formatTime(AT.toISOString(), { locale: "en-US", timeZone: "America/New_York" }), "Mar 4, 2026, 5:30 PM");
});

test("no time, or a broken one, is an em dash; the server's first render is UTC", () => {
  assert.equal(formatTime(null), "—");
  assert.equal(formatDate(undefined), "—");
  assert.equal(formatTime("not a date"), "—");
  assert.equal(formatUtc(AT), "2026-03-04 22:30 UTC");
});

test("recent times read relative to now", () => {
  const ago = (seconds: number) => formatRelativeTime(new Date(AT.getTime() - seconds * 1000), AT, { locale: "en" });
  assert.equal(ago(20), "20 seconds ago");
  assert.equal(ago(3 * 60), "3 minutes ago");
  assert.equal(ago(2 * 3600 + 59 * 60), "2 hours ago");
  assert.equal(ago(24 * 3600), "yesterday");
  assert.equal(ago(40 * 24 * 3600), "last month");
  assert.equal(formatRelativeTime(new Date(AT.getTime() + 2 * 24 * 3600 * 1000), AT, { locale: "en" }), "in 2 days");
  assert.equal(formatRelativeTime(null, AT), "—");
});
