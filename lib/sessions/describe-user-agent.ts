// A short name for a User-Agent header ({ browser: "Firefox", os: "Windows" }), for session and
// trusted device lists. Rough on purpose: it helps people recognise their own devices, nothing
// more. Browser and system names are proper names; the words around them ("on", "Unknown device")
// are the viewer's language, so the lists render a DeviceName with security.deviceName messages.
// Client-safe.

/** Null: nothing is known (no User-Agent). A part is null when it was not recognised. */
export type DeviceName = { browser: string | null; os: string | null } | null;

const BROWSERS: Array<[RegExp, string]> = [
  [/gatehouse-cli/i, "Gatehouse CLI"],
  [/Edg(e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/Chrome\/|CriOS\/|Chromium\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//i, "curl"],
];

const SYSTEMS: Array<[RegExp, string]> = [
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/CrOS/, "ChromeOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux/, "Linux"],
];

const BROWSER_NAMES = new Set(BROWSERS.map(([, name]) => name));
const SYSTEM_NAMES = new Set(SYSTEMS.map(([, name]) => name));

export function describeUserAgent(userAgent: string | null | undefined): DeviceName {
  const ua = (userAgent ?? "").slice(0, 512);
  if (!ua.trim()) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  const os = SYSTEMS.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
  return { browser, os };
}

// Trusted devices store their name as data in TrustedDevice.description, in one canonical English
// form: "Firefox on Linux", "Firefox", "Linux", "Unknown browser" or "Unknown device" (rows written
// before names were translated have exactly these forms). The CLI and --json show that text; the
// web parses it back (parseDeviceName) and renders it in the viewer's language. Keeping the text,
// not the raw User-Agent, keeps every existing row and needs no schema change.
const UNKNOWN_DEVICE = "Unknown device";
const UNKNOWN_BROWSER = "Unknown browser";
const JOINER = " on ";

/** The canonical English text of a name, as stored and as the CLI prints it. */
export function deviceNameText(name: DeviceName): string {
  if (!name) return UNKNOWN_DEVICE;
  if (name.browser && name.os) return `${name.browser}${JOINER}${name.os}`;
  return name.browser ?? name.os ?? UNKNOWN_BROWSER;
}

/**
 * The name back from its canonical text. Text in no known form (a name from elsewhere) comes back
 * as the browser part, so it is shown as it is rather than lost.
 */
export function parseDeviceName(text: string): DeviceName {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === UNKNOWN_DEVICE) return null;
  if (trimmed === UNKNOWN_BROWSER) return { browser: null, os: null };
  if (SYSTEM_NAMES.has(trimmed)) return { browser: null, os: trimmed };
  const at = trimmed.lastIndexOf(JOINER);
  if (at > 0) {
    const browser = trimmed.slice(0, at);
    const os = trimmed.slice(at + JOINER.length);
    if (BROWSER_NAMES.has(browser) && SYSTEM_NAMES.has(os)) return { browser, os };
  }
  return { browser: trimmed, os: null };
}
