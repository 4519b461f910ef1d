#!/usr/bin/env node
// The quality runner's entry point: the compiled runner in the image (dist/), or the TypeScript sources through tsx in a checkout.
let main;
try {
  ({ main } = require("../dist/runner/main.js"));
} catch (e) {
  if (e.code !== "MODULE_NOT_FOUND") throw e;
  require("tsx/cjs");
  ({ main } = require("../src/runner/main.ts"));
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
