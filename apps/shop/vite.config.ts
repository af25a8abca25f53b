import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  base: "/shop/",
  build: {
    // The initial chunk (React, Apollo, router, i18next and the pages) is ~620 kB minified but
    // ~176 kB gzip; what counts is the gzip budget of 200 KB that bench/shop-size enforces, so
    // Vite's 500 kB (uncompressed) warning is raised to just above the current size.
    chunkSizeWarningLimit: 700,
  },
});
