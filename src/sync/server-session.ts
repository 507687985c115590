/** Signs in to the CouchDB-compatible server with the derived server password (never the passphrase). */
export async function serverLogin(base: string, name: string, password: string, fetchFn: typeof fetch = fetch): Promise<{ ok: true; roles: string[] } | { ok: false; status: number; reason: string }> {
  let res: Response
  try {
    res = await fetchFn(`${base}_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ name, password }),
      credentials: 'include',
    })
  } catch (e) {
    return { ok: false, status: 0, reason: e instanceof Error ? e.message : 'network error' }
  }
  const body = (await res.json().catch(() => ({}))) as { ok?: boolean; roles?: string[]; reason?: string }
  if (!res.ok || !body.ok) return { ok: false, status: res.status, reason: body.reason ?? res.statusText }
  return { ok: true, roles: body.roles ?? [] }
}
