#!/usr/bin/env node
// The `mesh` command. TypeScript sources run through tsx's require hook: no build step between edit and plan.
require("tsx/cjs");
const { main } = require("../src/main.ts");
main(process.argv.slice(2)).then((code) => process.exit(code));
