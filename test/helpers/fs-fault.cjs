// Preloaded with `node --require` into the CLI (and, through NODE_OPTIONS, into its plan workers) to make the
// file system fail the way a full disk or a read-only mount does, which a test cannot arrange for real without
// root. MESH_FS_FAULT="ENOSPC:<regex>" makes every write, mkdir, copy or rename of a path matching <regex> fail
// with that error code, as Node.js itself reports it.
const fs = require("node:fs");
const spec = process.env.MESH_FS_FAULT;
if (spec) {
  const at = spec.indexOf(":");
  const code = spec.slice(0, at);
  const pattern = new RegExp(spec.slice(at + 1));
  const messages = { ENOSPC: "no space left on device", EACCES: "permission denied", EROFS: "read-only file system" };
  const wrap = (name, syscall) => {
    const original = fs[name];
    fs[name] = function (path, ...rest) {
      const target = name === "renameSync" || name === "copyFileSync" ? rest[0] : path;
      if (typeof target === "string" && pattern.test(target)) {
        const e = new Error(`${code}: ${messages[code] ?? code}, ${syscall} '${target}'`);
        Object.assign(e, { errno: -28, code, syscall, path: target });
        throw e;
      }
      return original.call(this, path, ...rest);
    };
  };
  wrap("writeFileSync", "open");
  wrap("mkdirSync", "mkdir");
  wrap("copyFileSync", "copyfile");
  wrap("renameSync", "rename");
}
