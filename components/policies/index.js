// The Pulumi CLI runs this directory with plain Node: register tsx, then load the TypeScript pack.
require("tsx/cjs");
require("./pack.ts");
