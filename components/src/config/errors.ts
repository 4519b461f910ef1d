/**
 * The one error type for bad input. It always names the file, the field path inside it and what would be
 * valid, so the CLI can print it as a single line and the Pulumi program can fail without a stack trace.
 */
export class ConfigError extends Error {
  readonly file: string;
  readonly field: string;
  readonly problem: string;

  constructor(file: string, field: string, problem: string) {
    // One line, always: a key or value from a config file must not be able to forge lines of CLI or PR output.
    const line = (s: string) => s.replace(/[\r\n\u2028\u2029]+/g, "\\n");
    super(field ? `${line(file)}: ${line(field)}: ${line(problem)}` : `${line(file)}: ${line(problem)}`);
    this.name = "ConfigError";
    this.file = file;
    this.field = field;
    this.problem = problem;
  }
}

/** Several config errors found in one pass; the message lists each on its own line. */
export class ConfigErrors extends Error {
  readonly errors: ConfigError[];

  constructor(errors: ConfigError[]) {
    super(errors.map((e) => e.message).join("\n"));
    this.name = "ConfigErrors";
    this.errors = errors;
  }
}

export function isConfigError(e: unknown): e is ConfigError | ConfigErrors {
  return e instanceof ConfigError || e instanceof ConfigErrors;
}

/** Renders a field path the way a user reads it: `outputPorts[0].name`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** Runs one check; a config error is collected (so one run reports every broken file) instead of thrown. */
export function collecting<T>(errors: ConfigError[], check: () => T): T | undefined {
  try {
    return check();
  } catch (e) {
    if (e instanceof ConfigErrors) errors.push(...e.errors);
    else if (e instanceof ConfigError) errors.push(e);
    else throw e;
    return undefined;
  }
}

/** Throws what `collecting` gathered: one ConfigError, or all of them as ConfigErrors. */
export function throwCollected(errors: ConfigError[]): void {
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new ConfigErrors(errors);
}
