// Child process entry: plans the one stack it is sent, replies, and exits (the Pulumi runtime is process-global).
import type { StackJob } from "./job";
import { planStack } from "./plan-stack";

process.once("message", (job: StackJob) => {
  planStack(job)
    .then((result) => process.send!(result, () => process.exit(0)))
    .catch((e: unknown) => process.send!({ ok: false, stack: job.stack, kind: "internal", message: String((e as Error)?.stack ?? e) }, () => process.exit(1)));
});
