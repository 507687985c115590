/**
 * Serves the built app from `distDir`: cache headers per kind of file (see
 * docs/operations.md), the SPA fallback to index.html for client-side routes,
 * a plain 503 while nothing has been built, and the Content-Security-Policy
 * and Permissions-Policy on every answer.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import express from 'express'

const IMMUTABLE = 'public, max-age=31536000, immutable'
// Everything that is not content-hashed must be revalidated, above all sw.js
// and index.html: a cached one would pin tablets to an old release.
const REVALIDATE = 'no-cache'

/**
 * What the app's pages and workers may load and run: only its own files (no
 * inline script or style: the build has none), WebAssembly compiled from
 * them (Argon2id, the QR decoder), images from itself, camera frames (blob:)
 * and data: URLs (QR codes), and no framing, `<base>` or plugins. An injected
 * inline script or a script from elsewhere does not run. Keep
 * docs/operations.md's reverse-proxy examples the same;
 * test/e2e/csp.e2e.ts walks the app under it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "img-src 'self' blob: data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ')

/**
 * Powerful features: the camera (check-in scanning) and the screen wake lock
 * (the check-in screen stays on) for the app itself, nothing for anyone else;
 * the rest, which Lobby never uses, for no one.
 */
export const PERMISSIONS_POLICY = [
  'camera=(self)', 'screen-wake-lock=(self)',
  'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()', 'bluetooth=()', 'hid=()', 'midi=()',
  'display-capture=()',
].join(', ')

/** Paths owned by the sync server, which never answer with the app. */
const SERVER_PATHS = /^\/(db|healthz)(\/|$)/i

/** @param {string} urlPath */
function cacheControlFor(urlPath) {
  return urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE
}

/** @param {import('express').Request} req */
function wantsPage(req) {
  // Only real navigations: a missing script or image fetched with `*/*`
  // should get a 404, not HTML.
  return (req.method === 'GET' || req.method === 'HEAD') &&
    (req.headers.accept ?? '').includes('text/html') &&
    !SERVER_PATHS.test(req.path)
}

/**
 * @param {string} distDir
 * @returns {import('express').Router}
 */
export function staticApp(distDir) {
  const root = resolve(distDir)
  const indexFile = join(root, 'index.html')
  const router = express.Router()

  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
    next()
  })
  router.use(express.static(root, {
    index: 'index.html',
    // Hashed files and the manifest are served as they are; ETag and
    // Last-Modified keep `no-cache` revalidation cheap.
    setHeaders: (res) => res.setHeader('Cache-Control', cacheControlFor(res.req.path)),
  }))

  router.use((req, res, next) => {
    const isRoot = req.path === '/' && (req.method === 'GET' || req.method === 'HEAD')
    if (!isRoot && !wantsPage(req)) return next()
    // Checked per request so a build made while the server runs is picked up.
    if (!existsSync(indexFile)) {
      return res.status(503).type('text/plain').send('Run npm run build first\n')
    }
    res.setHeader('Cache-Control', REVALIDATE)
    res.sendFile(indexFile, { cacheControl: false })
  })

  return router
}
