import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The entry only requests the page's data and then imports the app (src/boot.tsx); this hint lets
 * the browser fetch the app's code beside the entry instead of after it.
 */
function preloadApp(): Plugin {
  return {
    name: "preload-app",
    transformIndexHtml: {
      order: "post",
      handler(_html, context) {
        const app = Object.values(context.bundle ?? {}).find((chunk) => chunk.type === "chunk" && chunk.facadeModuleId?.endsWith("/src/boot.tsx"));
        return app ? [{ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `./${app.fileName}` }, injectTo: "head" }] : [];
      },
    },
  };
}

// The viewer app, built into web/dist, which `peerguard view` serves beside its JSON API.
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react(), preloadApp()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { "/api": "http://127.0.0.1:7371" } },
});
