/**
 * A phone's fetch in Node: its own cookie jar holding the sync server's session, as a browser keeps one (Node's
 * fetch keeps none). For tests, the demo and the bench that sign a member in outside a browser.
 */
export function phoneFetch(): typeof fetch {
  let cookie = ''
  return async (url, init = {}) => {
    const headers = new Headers(init.headers)
    if (cookie) headers.set('cookie', cookie)
    const res = await fetch(url, { ...init, headers })
    const set = res.headers.get('set-cookie')
    if (set?.startsWith('AuthSession=')) cookie = set.split(';')[0]!
    return res
  }
}
