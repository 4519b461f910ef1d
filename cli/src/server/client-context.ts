/** What a plan server must take from its client to run a command exactly as the client's own process would. */
export interface ClientContext {
  cwd: string;
  env: Record<string, string>;
  tty: { stdout: boolean; stderr: boolean };
  /** The client's file mode mask (files the command creates get the modes they would in the client's process). */
  umask?: number;
}

type Write = typeof process.stdout.write;

/** Replaces the process environment in place (not a new object: TZ and child processes see the real one). */
function replaceEnv(next: Record<string, string | undefined>): void {
  for (const key of Object.keys(process.env)) if (!(key in next)) delete process.env[key];
  for (const [key, value] of Object.entries(next)) if (value !== undefined) process.env[key] = value;
}

function redirect(stream: NodeJS.WriteStream, isTTY: boolean, send: (data: string) => void): () => void {
  const write = stream.write;
  const tty = Object.getOwnPropertyDescriptor(stream, "isTTY");
  stream.write = ((chunk: string | Uint8Array, encoding?: unknown, done?: unknown) => {
    send(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const callback = typeof encoding === "function" ? encoding : done;
    if (typeof callback === "function") process.nextTick(callback as () => void);
    return true;
  }) as Write;
  Object.defineProperty(stream, "isTTY", { value: isTTY || undefined, configurable: true, writable: true });
  return () => {
    stream.write = write;
    if (tty) Object.defineProperty(stream, "isTTY", tty);
    else delete (stream as { isTTY?: boolean }).isTTY;
  };
}

/**
 * Runs `fn` as if in the client's process: its environment, its working folder, its terminal flags (colour and
 * progress follow them), and stdout/stderr sent to it. Everything is put back afterwards, even on failure, so
 * the next client starts from the server's own state. One at a time: the process has one environment.
 */
export async function withClientContext<T>(ctx: ClientContext, send: (fd: 1 | 2, data: string) => void, fn: () => Promise<T>): Promise<T> {
  const env = { ...process.env };
  const cwd = process.cwd();
  const umask = ctx.umask === undefined ? undefined : process.umask(ctx.umask);
  replaceEnv(ctx.env);
  const restore = [redirect(process.stdout, ctx.tty.stdout, (d) => send(1, d)), redirect(process.stderr, ctx.tty.stderr, (d) => send(2, d))];
  try {
    process.chdir(ctx.cwd);
    return await fn();
  } finally {
    for (const r of restore) r();
    process.chdir(cwd);
    replaceEnv(env);
    if (umask !== undefined) process.umask(umask);
  }
}
