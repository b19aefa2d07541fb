//! Vite and vitest configuration for the kiosk's web interface and the exhibitor editor.
//! The build goes to `dist/` with a relative base so Tauri can serve it from any origin.
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Inline assets would become data: URLs; the kiosk's CSP should not need them.
    assetsInlineLimit: 0,
    // Two pages: the kiosk (index.html) and exhibitor mode's editor (editor.html).
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL("./index.html", import.meta.url)),
        editor: fileURLToPath(new URL("./editor.html", import.meta.url)),
      },
    },
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    pool: "threads",
    maxWorkers: 1,
  },
});
