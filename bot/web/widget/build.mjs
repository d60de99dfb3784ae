// Bundles src/ into ../static/widget.js: one classic script, no other files to load.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const outfile = fileURLToPath(new URL("../static/widget.js", import.meta.url));

await build({
  entryPoints: [fileURLToPath(new URL("src/index.js", import.meta.url))],
  outfile,
  bundle: true,
  format: "iife",
  minify: true,
  sourcemap: false,
  legalComments: "eof",
  target: ["es2020", "chrome90", "firefox90", "safari15"],
  charset: "utf8",
  logLevel: "info",
});
