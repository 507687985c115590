/**
 * Shared life cycle of the `npm start` and `npm run dev` servers: parse the
 * options, create the Lobby server, listen, print where it is, and shut down
 * cleanly on SIGINT/SIGTERM.
 */
import { adminPasswordPath } from './admin-password.js'
import { parseCliOptions, USAGE } from './cli-options.js'
import { createLobbyServer } from './app.js'
import { createHttpServer, lanUrls, listen, localUrl, stopServer } from './http-listener.js'

/**
 * @typedef {object} RunHooks
 * @property {string | null} distDir passed to createLobbyServer (null: no built app)
 * @property {(app: import('express').Express, server: import('node:http').Server) => Promise<() => Promise<void>>} [extend]
 *   adds to the app once the HTTP server exists; returns what to close on shutdown
 */

/** @param {RunHooks} hooks */
export async function runServer({ distDir, extend }) {
  let options
  try {
    options = parseCliOptions(process.argv.slice(2), process.env)
  } catch (err) {
    console.error(`${/** @type {Error} */ (err).message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (options.help) {
    console.log(USAGE)
    return
  }

  const { dataDir, memory, corsOrigins } = options
  /** @type {Awaited<ReturnType<typeof createLobbyServer>>} */
  let lobby
  try {
    lobby = await createLobbyServer({ dataDir, memory, distDir, corsOrigins })
  } catch (err) {
    console.error(`Lobby cannot start: ${/** @type {Error} */ (err).message}`)
    process.exit(1)
  }
  const server = createHttpServer(lobby.app, options)
  const closeExtension = extend ? await extend(lobby.app, server) : async () => {}

  let stopping = false
  async function shutdown() {
    if (stopping) process.exit(1) // a second Ctrl+C: stop waiting
    stopping = true
    try {
      await stopServer(server)
      await closeExtension()
      await lobby.close()
    } catch (err) {
      console.error('Lobby did not stop cleanly:', err)
      process.exit(1)
    }
    console.log('Lobby stopped')
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  // express-pouchdb 4.2 leaves some promise rejections unhandled (the known
  // ones are handled in server/pouch-repairs.js). One such request must not
  // take the sync server down for every device: log it and keep serving.
  process.on('unhandledRejection', (reason) => {
    console.error('Unhandled rejection (Lobby keeps running):', reason)
  })

  let port
  try {
    port = await listen(server, options.port, options.host)
  } catch (err) {
    console.error(`Cannot listen on ${options.host}:${options.port}: ${/** @type {Error} */ (err).message}`)
    await closeExtension()
    await lobby.close()
    process.exit(1)
  }

  // The ready line comes last, so whoever waits for it has seen everything else.
  if (!memory) console.log(`Admin password (user "${lobby.adminUser}") is in ${adminPasswordPath(dataDir)}`)
  if (options.lan) {
    for (const url of lanUrls(server, port)) console.log(`On the LAN: ${url}`)
    if (!options.httpsCert) {
      console.log('Warning: tablets get offline mode (service worker) only over HTTPS; see docs/operations.md')
    }
  }
  console.log(`Lobby ready at ${localUrl(server, options.host, port)}`)
}
