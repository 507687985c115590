import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { OrganisationSettingsProblem } from '@/core/organisation/settings-check'
import { onLock, useSessionStore } from '@/identity/session.store'
import { PermissionError } from '@/identity/session'
import { useLobbyStorage } from '@/identity/device-storage'
import { setOrganisationIdleLock } from '@/platform/idle-lock-setting'
import { fromDraft, toDraft, type OrganisationDraft } from './organisation-draft'
import { useOrganisationStore } from './organisation.store'
import { saveOrganisationSettings } from './save-settings'

export type SaveOutcome = { kind: 'saved'; newAgreement?: number } | { kind: 'problems' } | { kind: 'not-allowed' }

/** Issue 9 §4: the organisation settings managers and admins keep, edited as a draft and saved as a whole. */
export const useOrganisationSettingsStore = defineStore('organisation-settings', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const draft = ref<OrganisationDraft>()
  /** Whether the organisation has saved settings (false: defaults are shown). */
  const saved = ref(false)
  const problems = ref<{ path: string; problem: OrganisationSettingsProblem }[]>([])
  const busy = ref(false)
  onLock(() => {
    draft.value = undefined
    problems.value = []
  })

  async function load(deviceZone: string): Promise<void> {
    const read = await storage.orgSettings.read()
    saved.value = read.saved
    // Nothing saved yet: the zone offered is this device's, as at founding.
    draft.value = toDraft(read.saved ? read.settings : { ...read.settings, timeZone: deviceZone })
    problems.value = []
  }

  async function save(): Promise<SaveOutcome> {
    const s = session.session
    if (!s || !draft.value) throw new PermissionError('organisation.manage')
    busy.value = true
    try {
      const before = draft.value.agreementVersion
      const edited = fromDraft(draft.value)
      const result = await saveOrganisationSettings(storage, s, edited)
      if (!result.ok) {
        problems.value = result.reason === 'problems' ? result.problems : []
        return { kind: result.reason }
      }
      // This device follows the new idle lock now, not at its next unlock (issue 9 §4).
      setOrganisationIdleLock(edited.idleLockSeconds)
      // Every page's times and the member card follow the new zone and name now.
      await useOrganisationStore().refresh()
      problems.value = []
      saved.value = true
      draft.value.agreementVersion = result.agreementVersion
      return { kind: 'saved', ...(result.agreementVersion !== before ? { newAgreement: result.agreementVersion } : {}) }
    } finally {
      busy.value = false
    }
  }

  return { draft, saved, problems, busy, load, save }
})
