import { databaseNameFor } from '@/sync/remote-names'

/** What a member's phone knows of the organisation: its id (their name and salt are worked out from it), names and zone. */
export interface MemberOrg {
  orgId: string
  name?: { 'zh-CN'?: string; en?: string }
  timeZone?: string
}

/**
 * The organisation's public documents, each fetched by id (CONF-11: the phone never lists the public database,
 * which holds every staff sign-in's parameters). `no-server`: no Lobby organisation answers here.
 */
export async function fetchOrganisation(base: string, fetchFn: typeof fetch = fetch): Promise<MemberOrg | 'no-server'> {
  const get = (id: string) => fetchFn(`${base}${databaseNameFor('public')}/${id}`, { credentials: 'omit', headers: { Accept: 'application/json' } })
  const org = await get('org')
  if (org.status === 404) return 'no-server'
  if (!org.ok) throw new Error(`organisation: ${org.status}`)
  const { orgId } = (await org.json()) as { orgId?: string }
  if (typeof orgId !== 'string') return 'no-server'
  const settings = await get('org-settings')
  const body = settings.ok ? ((await settings.json()) as { name?: MemberOrg['name']; timeZone?: string }) : {}
  return { orgId, name: body.name, timeZone: body.timeZone }
}
