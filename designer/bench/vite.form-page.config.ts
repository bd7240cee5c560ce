import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Builds bench/form-page (the 40-field form view) for portal-perf; production mode, like the Portal's bundle.
export default defineConfig({
  root: resolve(import.meta.dirname, "form-page"),
  base: "./",
  plugins: [react()],
  build: { outDir: resolve(import.meta.dirname, "../node_modules/.form-page-bench"), emptyOutDir: true },
  logLevel: "warn",
});
