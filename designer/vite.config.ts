import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Two pages: the Portal at / (index.html) and the Studio at /studio/ (studio/index.html). The server serves dist/.
// The dev server proxies /api to a running FormFlow server (dotnet run --project hosts/FormFlow.Server).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
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
  },
});
