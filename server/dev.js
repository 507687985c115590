/**
 * `npm run dev`: the same sync server as `npm start` (/db/, /healthz), with
 * the app served by Vite in middleware mode for hot reload instead of dist/.
 * Vite loads the project's vite.config.ts as usual.
 */
import { createServer as createViteServer } from 'vite'
import { runServer } from './run-server.js'

await runServer({
  distDir: null,
  async extend(app, server) {
    const vite = await createViteServer({
      // Hot reload over our own HTTP server instead of a second port.
      server: { middlewareMode: true, hmr: { server } },
      appType: 'spa',
    })
    // After /db/ and /healthz, which the Lobby app has already mounted.
    app.use(vite.middlewares)
    return () => vite.close()
  },
})
