// Test tool: render ZPL to PNG offline with zpl-renderer-js (zebrash compiled to WASM).
// usage: node render.cjs IN.zpl OUT.png WIDTH_MM HEIGHT_MM DOTS_PER_MM
"use strict";
const fs = require("node:fs");
const { ready } = require("zpl-renderer-js");

async function main() {
  const [input, output, width, height, dpmm] = process.argv.slice(2);
  if (!output) {
    console.error("usage: node render.cjs IN.zpl OUT.png WIDTH_MM HEIGHT_MM DOTS_PER_MM");
    process.exit(2);
  }
  const zpl = fs.readFileSync(input === "-" ? 0 : input, "utf8");
  const { api } = await ready;
  const png = await api.zplToBase64Async(zpl, Number(width), Number(height), Number(dpmm));
  fs.writeFileSync(output, Buffer.from(png, "base64"));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(String(error && error.stack ? error.stack : error));
    process.exit(1);
  },
);
