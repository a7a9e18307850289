import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { SUPPORTED_LOCALES } from "@/lib/i18n/locales";

// The catalogues in messages/ against each other and against the code (the convention is in
// docs/i18n.md): every language has exactly English's keys with the same {placeholders}, every key
// is used, every key used exists, and no translator is called with a key the scanner cannot read.

type Tree = { [key: string]: string | Tree };
const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib", "i18n"];
/** The only modules allowed to pass a key in a variable: they translate message keys (messageKey) as a whole. */
const KEY_TRANSLATORS = new Set(["lib/i18n/request-translator.ts", "lib/i18n/translate-message.ts", "lib/i18n/message-key.ts"]);

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const catalogue = (locale: string) => flatten(JSON.parse(readFileSync(path.join(ROOT, "messages", `${locale}.json`), "utf8")) as Tree);

/** The arguments a message takes: {name}, {count, plural, …}; plural branches ({# …}) are not arguments. */
const placeholders = (message: string) => [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") continue;
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** Keys the code uses, and calls the scanner cannot read (a translator given anything but a string literal). */
function scanCode(): { used: Map<string, string>; dynamic: string[] } {
  const used = new Map<string, string>();
  const dynamic: string[] = [];
  for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const text = readFileSync(file, "utf8");
    const where = path.relative(ROOT, file).split(path.sep).join("/");
    if (KEY_TRANSLATORS.has(where)) continue;
    // const t = useTranslations("ns") | await getTranslations("ns") | getTranslations() …
    for (const m of text.matchAll(/const\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:"([\w.]+)")?\s*\)/g)) {
      const [, name, namespace] = m;
      for (const call of text.matchAll(new RegExp(`(?<![\\w.])${name}(?:\\.rich|\\.markup|\\.has)?\\(\\s*([^)\\s,]*)`, "g"))) {
        const literal = /^"([\w.]+)"$/.exec(call[1]);
        if (literal) used.set(namespace ? `${namespace}.${literal[1]}` : literal[1], where);
        else dynamic.push(`${where}: ${name}(${call[1]}…)`);
      }
    }
    // Errors and validation: messageKey("errors.internal", …)
    for (const m of text.matchAll(/messageKey\(\s*([^)\s,]*)/g)) {
      const literal = /^"([\w.]+)"$/.exec(m[1]);
      if (literal) used.set(literal[1], where);
      else dynamic.push(`${where}: messageKey(${m[1]}…)`);
    }
  }
  return { used, dynamic };
}

const english = catalogue("en");

test("every language has exactly the English keys, with the same placeholders", () => {
  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== "en")) {
    const other = catalogue(locale);
    assert.deepEqual(
      [...english.keys()].filter((k) => !other.has(k)),
      [],
      `missing in messages/${locale}.json`,
    );
    assert.deepEqual(
      [...other.keys()].filter((k) => !english.has(k)),
      [],
      `in messages/${locale}.json but not in English`,
    );
    for (const [key, message] of english) {
      assert.deepEqual(placeholders(other.get(key)!), placeholders(message), `placeholders of ${key} in ${locale}`);
      assert.notEqual(other.get(key)!.trim(), "", `${key} is empty in ${locale}`);
    }
  }
});

test("every key the code uses exists, and every key is used", () => {
  const { used, dynamic } = scanCode();
  assert.deepEqual(dynamic, [], "translators take string literals only (docs/i18n.md)");
  assert.deepEqual(
    [...used].filter(([key]) => !english.has(key)).map(([key, file]) => `${key} (${file})`),
    [],
    "used but not in messages/en.json",
  );
  assert.deepEqual(
    [...english.keys()].filter((key) => !used.has(key)),
    [],
    "in messages/en.json but used nowhere: remove it, or use it",
  );
});
