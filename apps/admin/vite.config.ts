import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  base: "/admin/",
  build: {
    // Staff work on desktops and tablets on the project's own network; ECharts is split into the
    // impact pages' lazy chunk, so only the pages' own code warns above Vite's default.
    chunkSizeWarningLimit: 900,
  },
});
