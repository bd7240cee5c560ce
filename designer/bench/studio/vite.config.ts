import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// A production build of the benchmark page (bench/studio/index.html) into node_modules/.studio-bench.
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, "../../node_modules/.studio-bench"), emptyOutDir: true },
});
