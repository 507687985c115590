/**
 * The HTTP(S) server around the express app: listening, the URLs to print,
 * and a shutdown that does not wait for open `_changes` feeds.
 */
import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import { networkInterfaces } from 'node:os'

/**
 * @param {import('node:http').RequestListener} handler
 * @param {{ httpsCert?: string, httpsKey?: string }} tls PEM file paths, both or neither
 */
export function createHttpServer(handler, { httpsCert, httpsKey }) {
  if (httpsCert && httpsKey) {
    return https.createServer({ cert: readFileSync(httpsCert), key: readFileSync(httpsKey) }, handler)
  }
  return http.createServer(handler)
}

/**
 * @param {http.Server} server
 * @param {number} port 0 picks a free port
 * @param {string} host
 * @returns {Promise<number>} the port actually bound
 */
export function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(/** @type {import('node:net').AddressInfo} */ (server.address()).port)
    })
  })
}

/** @param {http.Server} server */
function protocolOf(server) {
  return server instanceof https.Server ? 'https' : 'http'
}

/**
 * The URL to open on this machine; a wildcard address is reached via loopback.
 * @param {http.Server} server @param {string} host @param {number} port
 */
export function localUrl(server, host, port) {
  const name = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host
  return `${protocolOf(server)}://${name}:${port}/`
}

/**
 * URLs under which tablets on the local network reach this machine.
 * @param {http.Server} server @param {number} port
 */
export function lanUrls(server, port) {
  return Object.values(networkInterfaces()).flat()
    .filter((net) => net && net.family === 'IPv4' && !net.internal)
    .map((net) => `${protocolOf(server)}://${net?.address}:${port}/`)
}

/**
 * Stops accepting connections and ends the open ones: keep-alive sockets and
 * long-poll or continuous `_changes` feeds would otherwise keep close() waiting.
 * @param {http.Server} server
 * @returns {Promise<void>}
 */
export function stopServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
