// Writes a Brotli (.br) and a gzip (.gz) copy beside every text bundle in dist/, which the server hands to clients
// that accept them (hosts/FormFlow.Server/WebUi/StaticBundles.cs). Run after `vite build` (npm run build does).
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = join(import.meta.dirname, "..", "dist");
// Vite's build manifest only served to list the Portal's files for its service worker (vite.config.ts): not shipped.
rmSync(join(dist, ".vite"), { recursive: true, force: true });
const compressible = /\.(js|mjs|css|svg|json|txt|map)$/;

let files = 0;
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !compressible.test(entry.name)) continue;
  const path = join(entry.parentPath, entry.name);
  const content = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  }));
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  files++;
}
console.log(`compressed ${files} files in dist/ (.br, .gz)`);
