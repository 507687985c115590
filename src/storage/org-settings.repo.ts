import { defaultOrganisationSettings } from '@/core/organisation/defaults'
import type { OrganisationSettings } from '@/core/organisation/types'
import type { createAuditLog } from './audit-log'
import { liveQuery } from 'dexie'
import type { LobbyDb } from './db'
import type { LocalMark, OrgDoc } from './documents'

/**
 * Issue 9 §4: the organisation's settings, clear (none of it is personal data) in `lobby_public`
 * beside the organisation document, so every staff role reads them, before sign-in too.
 * Managers and admins write them (server/provision/rules.js `org-settings`).
 */
export interface OrgSettingsDoc extends LocalMark, OrganisationSettings {
  _id: 'org-settings'
  type: 'org-settings'
  savedBy: string
  savedAt: string
}

/** The settings in force, and whether they were saved (false: an organisation from before them, read with defaults). */
export interface OrgSettingsRead {
  settings: OrganisationSettings
  saved: boolean
}

const id = 'org-settings'

/** IndexedDB cannot store a Vue proxy, and the document must hold the settings' fields only. */
function plain(s: OrganisationSettings): OrganisationSettings {
  const { name, timeZone, hours, holidays, idleLockSeconds, agreement, memberPasswordDays } = s
  return structuredClone({
    name: { ...name }, timeZone, hours: { ...hours }, holidays: holidays.map((h) => ({ ...h })), idleLockSeconds: { ...idleLockSeconds }, agreement: { ...agreement },
    ...(memberPasswordDays !== undefined ? { memberPasswordDays } : {}),
  })
}

export function createOrgSettingsRepo(db: LobbyDb, audit: Pick<ReturnType<typeof createAuditLog>, 'append'>) {
  const table = () => db.table<OrgSettingsDoc, string>('org')

  async function get(): Promise<OrgSettingsDoc | undefined> {
    const doc = await table().get(id)
    return doc?.type === 'org-settings' && !doc._deleted ? doc : undefined
  }

  async function write(settings: OrganisationSettings, by: string, at: string): Promise<OrgSettingsDoc> {
    const rev = (await table().get(id))?._rev
    const doc: OrgSettingsDoc = { ...plain(settings), _id: id, type: 'org-settings', savedBy: by, savedAt: at, _local: 1, ...(rev ? { _rev: rev } : {}) }
    await table().put(doc)
    return doc
  }

  /**
   * The settings in force: the saved ones, else (an organisation from before them) the defaults with
   * the organisation document's agreement and idle lock; the zone then is Asia/Shanghai, and the
   * membership desk keeps reading its own stored one (core/organisation/time-zone.ts `deskTimeZone`).
   */
  async function read(): Promise<OrgSettingsRead> {
    const stored = await get()
    if (stored) return { settings: plain(stored), saved: true }
    const org = (await db.org.get('org')) as OrgDoc | undefined
    return { settings: defaultOrganisationSettings(undefined, org?.settings), saved: false }
  }

  return {
    get,
    read,
    /**
     * The settings in force now and whenever they change: a save here, sync bringing another device's, another tab's
     * (Dexie's live queries see them all). Returns the unsubscribe.
     */
    follow(next: (read: OrgSettingsRead) => void): () => void {
      const subscription = liveQuery(read).subscribe({ next, error: () => undefined })
      return () => subscription.unsubscribe()
    },
    /** Founding: the first settings, audited with the founding itself (`org.create`). */
    found: (settings: OrganisationSettings, by: string, at: string): Promise<OrgSettingsDoc> => write(settings, by, at),
    /** A manager's or admin's save, over the revision this device holds; audited. */
    async save(settings: OrganisationSettings, by: string, at: string): Promise<OrgSettingsDoc> {
      const doc = await write(settings, by, at)
      await audit.append({ action: 'org-settings.change', by, recordId: id, recordType: 'org-settings', detail: `agreement v${doc.agreement.version}` })
      return doc
    },
  }
}

export type OrgSettingsRepo = ReturnType<typeof createOrgSettingsRepo>
