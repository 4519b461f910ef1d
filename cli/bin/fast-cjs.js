// Loaded right after tsx's require hook (cli/bin/mesh.js, plan workers): a shorter path for plain CommonJS files
// of installed packages, which are most of the ~1,650 modules a plan worker loads (the SDK, the providers).
//
// tsx runs an ES-module lexer over every .js file that contains the text "import" or "export" (which every
// compiled CommonJS file does, in `exports.`), to find ES module syntax it must transform. A file in which
// neither word occurs as a whole word cannot contain ES module syntax (`import`/`export` declarations,
// `import.meta`), so tsx would compile it untouched: this hook does exactly that without the lexer
// (about 0.9 s of CPU per worker; docs/performance.md). Every other file still goes through tsx.
"use strict";
const { readFileSync } = require("node:fs");

const MAY_BE_MODULE_SYNTAX = /\b(?:import|export)\b/;
const tsxJs = require("node:module")._extensions[".js"];

require("node:module")._extensions[".js"] = function fastCommonJs(module, filename) {
  if (filename.includes("/node_modules/") && filename.endsWith(".js") && !filename.includes("?")) {
    const source = readFileSync(filename, "utf8");
    if (!MAY_BE_MODULE_SYNTAX.test(source)) return module._compile(source, filename);
  }
  return tsxJs(module, filename);
};
