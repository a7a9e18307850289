// Argument parser shared by every CLI command. It accepts Carbonio's style, positional words then
// `key value` pairs (`credential add john@example.com label Phone service imap,pop3 qrcode true`),
// and ordinary flags (`--label Phone`, `--label=Phone`, `--json`), mixed freely.

export class UsageError extends Error {
  /** `showUsage: false` for bad values, where the usage line would only repeat what is known. */
  constructor(
    message: string,
    public readonly showUsage = true,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

export type OptionType = "string" | "boolean" | "int";

export type OptionSpec = {
  type: OptionType;
  /** Also accepted as a Carbonio-style `key value` pair after the required positionals. */
  keyValue?: boolean;
  /** Other names for the option, matched like the name itself. */
  aliases?: readonly string[];
};

export type ArgSpec = {
  /** Names of the required positional words, in order. */
  positionals: readonly string[];
  /** Names of optional positional words that may follow the required ones. */
  optionalPositionals?: readonly string[];
  options: Readonly<Record<string, OptionSpec>>;
};

type ValueOf<T extends OptionType> = T extends "string" ? string : T extends "boolean" ? boolean : number;

export type ParsedArgs<S extends ArgSpec> = {
  positionals: { [K in S["positionals"][number]]: string } & {
    [K in NonNullable<S["optionalPositionals"]>[number]]?: string;
  };
  options: { [K in keyof S["options"]]?: ValueOf<S["options"][K]["type"]> } & { json?: boolean; help?: boolean };
};

/** Longest accepted word or value; longer input is a mistake or an attack, never a real argument. */
export const MAX_ARG_LENGTH = 4096;

/** Options every command takes, whatever its spec says. */
const ALWAYS_ACCEPTED: Record<string, OptionSpec> = { json: { type: "boolean" }, help: { type: "boolean" } };

/** `2fa_policy`, `2faPolicy`, `2FA-POLICY` all become `2fapolicy`. */
function keyOf(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, "");
}

/** Quotes user input for an error message, short and on one line. */
function shown(word: string): string {
  const flat = word.replace(/[\u0000-\u001f\u007f]/g, "?");
  return JSON.stringify(flat.length > 40 ? `${flat.slice(0, 40)}…` : flat);
}

const TRUE_WORDS = new Set(["true", "1", "yes"]);
const FALSE_WORDS = new Set(["false", "0", "no"]);

function convert(name: string, type: OptionType, raw: string): string | boolean | number {
  if (type === "string") return raw;
  if (type === "boolean") {
    const word = raw.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    throw new UsageError(`${name} must be true or false, not ${shown(raw)}.`);
  }
  const trimmed = raw.trim();
  const n = Number(trimmed);
  if (!/^[+-]?\d{1,15}$/.test(trimmed) || !Number.isSafeInteger(n)) {
    throw new UsageError(`${name} must be a whole number, not ${shown(raw)}.`);
  }
  return n;
}

/** A `--name` token whose value was left out (so `--label --json` does not swallow `--json`). */
function isFlagToken(token: string): boolean {
  return token.startsWith("--") && token.length > 2;
}

export function parseArgs<const S extends ArgSpec>(argv: readonly string[], spec: S): ParsedArgs<S> {
  type Entry = { name: string; spec: OptionSpec };
  const byKey = new Map<string, Entry>();
  const register = (name: string, option: OptionSpec) => {
    for (const alias of [name, ...(option.aliases ?? [])]) byKey.set(keyOf(alias), { name, spec: option });
  };
  for (const [name, option] of Object.entries(ALWAYS_ACCEPTED)) register(name, option);
  for (const [name, option] of Object.entries(spec.options)) register(name, option);

  const required = spec.positionals;
  const positionalNames = [...required, ...(spec.optionalPositionals ?? [])];
  const positionals: Record<string, string> = {};
  const options: Record<string, string | boolean | number> = {};
  let filled = 0;

  const set = (entry: Entry, raw: string) => {
    if (entry.name in options) throw new UsageError(`${entry.name} was given more than once.`);
    options[entry.name] = convert(entry.name, entry.spec.type, raw);
  };

  for (const token of argv) {
    if (token.length > MAX_ARG_LENGTH) {
      throw new UsageError(`An argument is longer than ${MAX_ARG_LENGTH} characters.`);
    }
  }

  let onlyWords = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];

    if (!onlyWords && token === "--") {
      onlyWords = true; // everything after `--` is a positional word, even if it looks like a flag
      continue;
    }

    if (!onlyWords && (isFlagToken(token) || token === "-h")) {
      const body = token === "-h" ? "help" : token.slice(2);
      const eq = body.indexOf("=");
      const flagName = eq === -1 ? body : body.slice(0, eq);
      let entry = byKey.get(keyOf(flagName));
      let negated = false;
      if (!entry && eq === -1 && keyOf(flagName).startsWith("no")) {
        // `--no-json` style negation, for boolean options only
        const positive = byKey.get(keyOf(flagName).slice(2));
        if (positive?.spec.type === "boolean") [entry, negated] = [positive, true];
      }
      if (!entry) throw new UsageError(`Unknown option --${flagName.slice(0, 40)}.`);

      if (eq !== -1) {
        set(entry, body.slice(eq + 1));
      } else if (entry.spec.type === "boolean") {
        // `--qrcode false` reads naturally; only the literal words true/false are taken as its value
        const next = argv[i + 1];
        if (!negated && next !== undefined && /^(true|false)$/i.test(next)) {
          set(entry, next);
          i++;
        } else {
          set(entry, negated ? "false" : "true");
        }
      } else {
        const next = argv[i + 1];
        if (next === undefined || isFlagToken(next)) throw new UsageError(`--${flagName} needs a value.`);
        set(entry, next);
        i++;
      }
      continue;
    }

    // A plain word: a Carbonio `key value` pair once the required positionals are in, else a positional.
    const entry = onlyWords ? undefined : byKey.get(keyOf(token));
    if (entry?.spec.keyValue && filled >= required.length) {
      const next = argv[i + 1];
      if (next === undefined || isFlagToken(next)) throw new UsageError(`${token} needs a value.`);
      set(entry, next);
      i++;
      continue;
    }
    if (filled < positionalNames.length) {
      positionals[positionalNames[filled]] = token;
      filled++;
      continue;
    }
    throw new UsageError(`Unexpected argument ${shown(token)}.`);
  }

  // With --help the command prints its usage, so missing words are not an error then.
  if (filled < required.length && options.help !== true) {
    throw new UsageError(
      `Missing ${required
        .slice(filled)
        .map((n) => `<${n}>`)
        .join(" ")}.`,
    );
  }

  return { positionals, options } as ParsedArgs<S>;
}
