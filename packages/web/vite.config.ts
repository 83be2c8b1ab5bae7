import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The SPA is served by the API server from `dist/` (same origin, so the session cookie and CSP `'self'` hold).
 * antd and ECharts each get their own chunk: together they are ~1.5 MB, and ECharts is only needed by the
 * workbench chart, which loads it lazily (see /work/shared/notes/stack.md).
 */
const ANTD = /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@emotion|dayjs|stylis|compute-scroll-into-view|scroll-into-view-if-needed|throttle-debounce|json2mq|string-convert|is-mobile|clsx)[\\/]/;

/**
 * antd's core (theme, ConfigProvider, what the first paint needs) is one chunk; the components only lazy pages
 * use (Table, Tree, DatePicker, …) stay with those pages, so the portal does not download the back office's
 * widgets. ECharts is one chunk, reached only through the workbench chart's dynamic import.
 */
const VENDOR_GROUPS = [
  { name: "echarts", test: /[\\/]node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 30 },
  { name: "antd", test: ANTD, tags: ["$initial" as const], priority: 20 },
  { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|react-is|cookie|set-cookie-parser)[\\/]/, priority: 10 },
];

export default defineConfig({
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Vite 8 bundles with Rolldown, whose `codeSplitting.groups` replaces Rollup's `manualChunks`.
        codeSplitting: { groups: VENDOR_GROUPS },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
});
