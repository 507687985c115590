import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const alias = { '@': fileURLToPath(new URL('./src', import.meta.url)) }

export default defineConfig({
  plugins: [vue()],
  resolve: { alias },
  define: { __APP_VERSION__: '"test"', __BUILD_TIME__: '"1970-01-01T00:00:00.000Z"' },
  test: {
    // PouchDB's replicator leaves a few of its own requests without a handler; when a test kills the
    // server on purpose (test/sync/resume.test.ts), their "fetch failed" surfaces here. Only those
    // network failures are ignored: the test asserts what the device does about them.
    onUnhandledError(error) {
      const cause = (error as { cause?: { code?: string } }).cause
      const code = cause?.code ?? (error as { code?: string }).code
      if (error.message === 'fetch failed' && ['UND_ERR_SOCKET', 'ECONNREFUSED', 'ECONNRESET'].includes(code ?? '')) return false
    },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: { name: 'server', include: ['test/server/**/*.test.ts', 'test/sync/**/*.test.ts', 'test/demo/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
