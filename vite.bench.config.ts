/**
 * The bench's seed page (bench/browser/seed.html), built with the app's code into
 * dist-bench/ and served by bench/run.ts under /bench/ on the app's origin, so it
 * writes the IndexedDB the app reads. Never part of dist/ or the service worker's
 * precache: `npm run bench` builds it, the app's build does not know it.
 */
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('./bench/browser', import.meta.url)),
  base: '/bench/',
  define: {
    __APP_VERSION__: JSON.stringify('bench'),
    __BUILD_TIME__: JSON.stringify(new Date().toISOString()),
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('./dist-bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // LOBBY_BENCH_PROFILE: readable function names in a CPU profile of what runs in this page (the broadband bench's store path).
    ...(process.env.LOBBY_BENCH_PROFILE ? { minify: false } : {}),
    rollupOptions: { input: fileURLToPath(new URL('./bench/browser/seed.html', import.meta.url)) },
  },
  plugins: [vue()],
})
