#!/usr/bin/env node
// The `mesh` command. TypeScript sources run through tsx's require hook: no build step between edit and plan.
require("tsx/cjs");
require("./fast-cjs");
const { main } = require("../src/main.ts");
// exitCode rather than exit(): a large summary on a pipe must be flushed before the process ends.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
