import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import type { ManifestTransform } from "workbox-build";
import { defineConfig } from "vitest/config";
import { categoryWords, firstScreenWords } from "./src/portal/hall-words";
import { portalTexts } from "./src/portal/i18n";

// Two pages: the Portal at / (index.html) and the Studio at /studio/ (studio/index.html). The server serves dist/.
// The dev server proxies /api to a running FormFlow server (dotnet run --project hosts/FormFlow.Server).
// The Portal's service worker (src/portal/offline/service-worker.ts) precaches the Portal's own files only.
export default defineConfig({
  plugins: [
    react(),
    portalWords(),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src/portal/offline",
      filename: "service-worker.ts",
      injectRegister: false,
      manifest: false,
      injectManifest: { globPatterns: ["assets/*.{js,css}"], manifestTransforms: [portalShell()] },
    }),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    manifest: true,
    rollupOptions: {
      input: {
        portal: resolve(import.meta.dirname, "index.html"),
        studio: resolve(import.meta.dirname, "studio/index.html"),
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:5080" } },
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    setupFiles: ["test/support/react-settles.ts"],
  },
});

/**
 * Writes dist/portal-words.json: the words of the hall's first screen in every locale and the category words, which
 * the server reads to draw a signed-in worker's hall into the page (src/portal/hall-words.ts, first-screen.ts).
 */
function portalWords(): Plugin {
  return {
    name: "formflow-portal-words",
    apply: "build",
    generateBundle() {
      const words = Object.fromEntries(Object.entries(portalTexts).map(([locale, texts]) =>
        [locale, Object.fromEntries(firstScreenWords.map(word => [word, texts[word]]))]));
      this.emitFile({ type: "asset", fileName: "portal-words.json", source: JSON.stringify({ words, categories: categoryWords }) });
    },
  };
}

/**
 * Keeps the files the Portal page can load — its entry and every chunk reachable by static or lazy import — out of
 * Vite's build manifest, without the merchant's QR scanner (kept at first use instead). The Studio is not precached.
 */
function portalShell(): ManifestTransform {
  return async entries => {
    type Chunk = { file: string; src?: string; imports?: string[]; dynamicImports?: string[]; css?: string[] };
    const chunks = JSON.parse(readFileSync(resolve(import.meta.dirname, "dist/.vite/manifest.json"), "utf8")) as Record<string, Chunk>;
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = chunks[key];
      if (!chunk || files.has(chunk.file) || chunk.src?.includes("qr-scanner")) return;
      files.add(chunk.file);
      for (const css of chunk.css ?? []) files.add(css);
      for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
    };
    visit("index.html");
    return { manifest: entries.filter(e => files.has(e.url)), warnings: [] };
  };
}
