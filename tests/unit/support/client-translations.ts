import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Which message namespaces the browser needs, found by reading the source: from the files of a
// part of the app (a route group's pages and layouts), imports are followed; a file is client code
// when it says "use client" or a client file imports it, and every useTranslations("ns") in client
// code names a namespace the browser must be sent (lib/i18n/client-messages.ts).

const ROOT = path.resolve(__dirname, "..", "..", "..");
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/g;
const USE_TRANSLATIONS = /useTranslations\(\s*(?:"([^"]*)"|'([^']*)')?\s*\)/g;

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null; // a package
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export type ClientUse = { namespaces: Set<string>; files: Map<string, string[]> };

/** The namespaces client code reachable from `entries` asks for; "" means useTranslations() with none. */
export function clientNamespaces(entries: string[]): ClientUse {
  const seen = new Map<string, boolean>(); // file → visited as client code
  const use: ClientUse = { namespaces: new Set(), files: new Map() };
  const visit = (file: string, client: boolean) => {
    if (seen.get(file) === true || (seen.has(file) && !client)) return;
    seen.set(file, client);
    const source = readFileSync(file, "utf8");
    const isClient = client || /^\s*["']use client["']/.test(source);
    if (isClient) {
      const found = [...source.matchAll(USE_TRANSLATIONS)].map((m) => m[1] ?? m[2] ?? "");
      for (const ns of found) use.namespaces.add(ns);
      if (found.length) use.files.set(path.relative(ROOT, file), found);
    }
    for (const m of source.matchAll(IMPORT)) {
      const target = resolveImport(file, m[1]);
      if (target && /\.(ts|tsx)$/.test(target)) visit(target, isClient);
    }
  };
  for (const entry of entries) visit(entry, false);
  return use;
}

/** The page and layout files under `dir` (recursively), skipping route groups' own folders when `skipGroups`. */
export function routeFiles(dir: string, skipGroups = false): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (skipGroups && name.startsWith("(")) continue;
      out.push(...routeFiles(full));
    } else if (/^(page|layout|not-found|error|loading|template)\.tsx$/.test(name)) out.push(full);
  }
  return out;
}

export const APP_DIR = path.join(ROOT, "app");
