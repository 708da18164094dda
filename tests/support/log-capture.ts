/**
 * Captures everything the server in this process writes — process.stdout/stderr and the
 * console — so a test can read the logs an operator would see. JSON log lines are kept and
 * swallowed (they would flood the test output); anything else still reaches the terminal.
 */
export interface LogCapture {
  /** Every captured chunk, in order. */
  readonly chunks: string[];
  /** All captured output as one string. */
  text(): string;
  /** The captured lines that parse as JSON objects. */
  jsonLines(): Record<string, unknown>[];
  /** Waits (briefly) for the request log line with this id: it is written when the response finishes. */
  requestLine(id: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  restore(): void;
}

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;

export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  const originalStdout = process.stdout.write.bind(process.stdout);
  const originalStderr = process.stderr.write.bind(process.stderr);
  const originalConsole = Object.fromEntries(CONSOLE_METHODS.map((m) => [m, console[m]])) as Record<
    (typeof CONSOLE_METHODS)[number],
    (...args: unknown[]) => void
  >;

  const isJsonLine = (text: string) => text.trimStart().startsWith("{");
  const intercept = (original: typeof originalStdout) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      chunks.push(text);
      if (isJsonLine(text)) {
        const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
        callback?.();
        return true;
      }
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;

  process.stdout.write = intercept(originalStdout);
  process.stderr.write = intercept(originalStderr);
  for (const method of CONSOLE_METHODS) {
    console[method] = (...args: unknown[]) => {
      const text = args.map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.message}\n${a.stack}` : JSON.stringify(a))).join(" ");
      chunks.push(text + "\n");
      if (!isJsonLine(text)) originalConsole[method](...args);
    };
  }

  const jsonLines = () =>
    chunks
      .join("")
      .split("\n")
      .filter(isJsonLine)
      .flatMap((line) => {
        try {
          const value = JSON.parse(line) as unknown;
          return value && typeof value === "object" ? [value as Record<string, unknown>] : [];
        } catch {
          return [];
        }
      });

  return {
    chunks,
    text: () => chunks.join(""),
    jsonLines,
    async requestLine(id, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = jsonLines().find((l) => l.msg === "request" && l.id === id);
        if (line) return line;
        if (Date.now() > deadline) throw new Error(`no request log line with id ${id}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    restore() {
      process.stdout.write = originalStdout;
      process.stderr.write = originalStderr;
      for (const method of CONSOLE_METHODS) console[method] = originalConsole[method];
    },
  };
}
