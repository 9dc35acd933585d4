import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The viewer app, built into web/dist, which `peerguard view` serves beside its JSON API.
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { "/api": "http://127.0.0.1:7371" } },
});
