#!/usr/bin/env node
// The `mesh` command. TypeScript sources run through tsx's require hook: no build step between edit and plan.
// `mesh plan` at a terminal goes through this checkout's resident plan server when it can (plan-server-client.js):
// the CLI and its plan workers stay loaded between plans. Anything else, or no server, runs in this process.
const argv = process.argv.slice(2);

function inProcess() {
  require("tsx/cjs");
  require("./fast-cjs");
  const { main } = require("../src/main.ts");
  // exitCode rather than exit(): a large summary on a pipe must be flushed before the process ends.
  main(argv).then((code) => {
    process.exitCode = code;
  });
}

const client = require("./plan-server-client");
if (client.serverWanted(argv)) {
  client
    .runThroughServer(argv)
    // A server that cannot be started or reached (no private folder, no socket support) is only a lost speed-up.
    .catch(() => undefined)
    .then((code) => (code === undefined ? inProcess() : (process.exitCode = code)));
} else {
  inProcess();
}
