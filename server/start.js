/**
 * `npm start` / `npm run serve`: the built app from dist/ plus the embedded
 * CouchDB-compatible sync server under /db/, on one origin.
 * Options: node server/start.js --help (see server/cli-options.js).
 */
import { runServer } from './run-server.js'

await runServer({ distDir: 'dist' })
