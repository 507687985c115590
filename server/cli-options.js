/**
 * Command-line and environment options of `npm start` / `npm run serve` /
 * `npm run dev`. Arguments win over environment variables.
 */
import { parseArgs } from 'node:util'

export const USAGE = `Usage: node server/start.js [options]
  --port N              port to listen on (LOBBY_PORT, default 5480; 0 picks a free one)
  --host ADDR           address to listen on (LOBBY_HOST, default 127.0.0.1)
  --lan                 listen on all addresses (0.0.0.0) and print the LAN URLs
  --data DIR            data directory (LOBBY_DATA, default ./.lobby-data)
  --memory              keep all data in memory; nothing is written to disk
  --cors ORIGINS        comma-separated origins allowed cross-origin (LOBBY_CORS_ORIGINS)
  --https-cert FILE     serve HTTPS with this PEM certificate (needs --https-key)
  --https-key FILE      PEM private key for --https-cert
  --help                show this text`

/**
 * @typedef {object} CliOptions
 * @property {number} port
 * @property {string} host
 * @property {boolean} lan
 * @property {string} dataDir
 * @property {boolean} memory
 * @property {string[]} corsOrigins
 * @property {string | undefined} httpsCert
 * @property {string | undefined} httpsKey
 * @property {boolean} help
 */

/** @param {string | undefined} list */
function splitList(list) {
  return (list ?? '').split(',').map((item) => item.trim()).filter(Boolean)
}

/**
 * @param {string[]} argv arguments after the script name
 * @param {Record<string, string | undefined>} env
 * @returns {CliOptions}
 * @throws {Error} on unknown options or bad values, with a message for the user
 */
export function parseCliOptions(argv, env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      lan: { type: 'boolean', default: false },
      data: { type: 'string' },
      memory: { type: 'boolean', default: false },
      cors: { type: 'string' },
      'https-cert': { type: 'string' },
      'https-key': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  })

  const portText = values.port ?? env.LOBBY_PORT ?? '5480'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`Not a port number: ${portText}`)

  const httpsCert = values['https-cert']
  const httpsKey = values['https-key']
  if (Boolean(httpsCert) !== Boolean(httpsKey)) {
    throw new Error('--https-cert and --https-key go together')
  }

  const lan = Boolean(values.lan)
  if (lan && values.host) throw new Error('--lan already means --host 0.0.0.0; give one of them')
  return {
    port,
    host: lan ? '0.0.0.0' : (values.host ?? env.LOBBY_HOST ?? '127.0.0.1'),
    lan,
    dataDir: values.data ?? env.LOBBY_DATA ?? './.lobby-data',
    memory: Boolean(values.memory),
    corsOrigins: splitList(values.cors ?? env.LOBBY_CORS_ORIGINS),
    httpsCert,
    httpsKey,
    help: Boolean(values.help),
  }
}
