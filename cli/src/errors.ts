/** Exit codes of the mesh CLI: scripts and CI branch on them. */
export const EXIT = { ok: 0, internal: 1, config: 2, blocked: 3, environment: 4 } as const;

/** An error the CLI reports as one line and turns into its exit code. */
export class CliError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
    this.name = "CliError";
  }
}

/**
 * File-system failures the user can fix (a full disk, a read-only or unwritable folder, a file where a folder
 * should be): what each means and what to do. Anything else stays an internal error.
 */
const FS_PROBLEMS: Record<string, string> = {
  ENOSPC: "no space left on the device: free some space or pass --out on another disk",
  EDQUOT: "the disk quota is exhausted: free some space or pass --out on another disk",
  EROFS: "the file system is read-only: pass --out on a writable disk",
  EACCES: "permission denied: make the folder writable for this user or pass another --out",
  EPERM: "operation not permitted: make the folder writable for this user or pass another --out",
  ENOTDIR: "a part of the path is a file, not a folder: pass --out a folder",
  EISDIR: "a folder stands where a file should be: move it away or pass another --out",
  ENAMETOOLONG: "the path is too long: pass a shorter --out",
};

/** A Node.js file-system error (ENOSPC, EACCES…) the user can fix, as one CliError line; undefined for anything else. */
export function fileSystemError(e: unknown): CliError | undefined {
  const err = e as (NodeJS.ErrnoException & { dest?: string }) | undefined;
  if (!err || typeof err.code !== "string" || !(err.code in FS_PROBLEMS)) return undefined;
  const reading = ["read", "scandir", "stat", "lstat", "readlink", "access"].includes(err.syscall ?? "");
  const path = err.dest ?? err.path;
  return new CliError(EXIT.config, `cannot ${reading ? "read" : "write"} ${path ?? "the output"}: ${FS_PROBLEMS[err.code]} (${err.code})`);
}
