// Child process entry: plans each stack it is sent, one at a time, and replies with the result.
import * as pulumi from "@pulumi/pulumi";
import type { StackJob } from "./job";
import { planStack } from "./plan-stack";
import { fileSystemError } from "../errors";

import { readFileSync } from "node:fs";
import { deserialize } from "node:v8";
import { primeMesh } from "@data-mesh/components/src/program";

// Offline there is no engine, so what the SDK records only for the engine's diagnostics is pure cost:
// tsx's source-mapped stack traces, the full stack trace taken for every resource (source positions), and
// the promise leak detector (an Error and two property definitions per promise). Turning them off changes
// no resource and no input; it roughly halves the time per resource.
process.setSourceMapsEnabled(false);
(pulumi.Resource as unknown as { stackTrace(): unknown[] }).stackTrace = () => [];
// The module object itself (an ES import would be a read-only copy of its exports).
const debuggable: { debuggablePromise<T>(p: Promise<T>): Promise<T> } = require("@pulumi/pulumi/runtime/debuggable");
debuggable.debuggablePromise = (p) => p;

// The parent has validated the mesh already: take its result instead of parsing every file again. A worker may
// serve several plans (of one mesh root, from one staging file name): the model's digest says when it changed.
let primed = "";
function prime(job: StackJob): void {
  if (job.secretKey) process.env.MESH_SECRET_KEY = job.secretKey;
  if (job.umask !== undefined) process.umask(job.umask);
  if (!job.meshModel || primed === job.meshModel.digest) return;
  primeMesh(job.meshModel.root, deserialize(readFileSync(job.meshModel.file)));
  primed = job.meshModel.digest;
}

let queue = Promise.resolve();
process.on("message", (job: StackJob) => {
  queue = queue.then(async () => {
    const result = await Promise.resolve()
      .then(() => prime(job))
      .then(() => planStack(job))
      .catch((e: unknown) => {
        // A full disk or an unwritable output is the user's to fix: one line, not a stack trace.
        const fsError = fileSystemError(e);
        return fsError ? { ok: false as const, stack: job.stack, kind: "config" as const, message: fsError.message } : { ok: false as const, stack: job.stack, kind: "internal" as const, message: String((e as Error)?.stack ?? e) };
      });
    await new Promise<void>((resolve) => process.send!(result, () => resolve()));
  });
});
process.on("disconnect", () => process.exit(0));
