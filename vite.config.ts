import { readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { manifest } from './src/platform/pwa-manifest.ts'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }
// LOBBY_VERSION lets the update test build a "newer" app without editing package.json.
const version = process.env.LOBBY_VERSION ?? pkg.version

/** Paths the sync server owns: the service worker must never answer or cache them. */
export const serverPaths = [/^\/db(\/|$)/, /^\/healthz$/]

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(version),
    __BUILD_TIME__: JSON.stringify(new Date().toISOString()),
    // vue-i18n: composition API only, no global <i18n-t> components: keeps the first load small.
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // LOBBY_BENCH_PROFILE (bench/README in docs/performance.md): readable function names in a CPU profile.
  build: {
    outDir: process.env.LOBBY_OUT_DIR ?? 'dist',
    target: 'es2022',
    sourcemap: false,
    // Issue 14: the member's app is a page of its own (`/me/`), so a phone loads none of the staff app.
    rollupOptions: { input: { main: fileURLToPath(new URL('./index.html', import.meta.url)), me: fileURLToPath(new URL('./me/index.html', import.meta.url)) } },
    ...(process.env.LOBBY_BENCH_PROFILE ? { minify: false } : {}),
  },
  plugins: [
    vue(),
    VitePWA({
      registerType: 'prompt',
      strategies: 'generateSW',
      injectRegister: false,
      manifest,
      workbox: {
        // Without clientsClaim the very first visit is not controlled until a reload.
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2,wasm}'],
        // The QR reader's ZXing wasm (~1.1 MB, src/platform/qr) must be precached or camera and photo
        // scanning fail offline; workbox only warns when it skips a file over this limit.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // Screenshots are for install dialogs only; keep them out of the offline cache.
        globIgnores: ['screenshots/**'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: serverPaths,
        // No runtimeCaching on purpose: database and API answers are never cached (CONF-1).
        runtimeCaching: [],
      },
    }),
  ],
})
