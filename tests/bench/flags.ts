/**
 * The bench scripts' command lines: `--name value` or `--name=value`, a bare `--` skipped.
 * Each script keeps its own list of known flags and what it says about an unknown one.
 */
export function readFlags(argv: string[], { booleans = [], valueRequired = false }: { booleans?: readonly string[]; valueRequired?: boolean } = {}) {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") continue;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unknown argument "${arg}".`);
    if (booleans.includes(match[1]!)) {
      flags.set(match[1]!, "true");
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined && valueRequired) throw new Error(`--${match[1]} needs a value.`);
    flags.set(match[1]!, value ?? "");
  }
  return flags;
}

/** A whole-number flag within [min, max], or the fallback when it is not given. */
export function wholeFlag(flags: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}.`);
  return Number(raw);
}
