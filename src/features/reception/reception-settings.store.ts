import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { defaultReceptionSettings } from '@/core/reception/defaults'
import type { ReceptionLevel, ReceptionSettings, IncidentKind } from '@/core/reception/types'
import { randomId } from '@/crypto/bytes'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import { useUnsavedWork } from '@/platform/unsaved-work'
import { createReceptionRecords } from './reception-records'
import * as draftRules from './reception-settings-draft'
import { saveReceptionSettings } from './reception-settings-save'

export type SettingsOutcome = 'saved' | 'unchanged' | 'problems' | 'conflict'

// IndexedDB cannot store a Proxy, and comparisons must not see one either: plain JSON copies.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/**
 * REC-2, REC-3, REC-7: a manager's reception settings, edited as a draft and saved whole (or not at all). The
 * draft is dropped at lock: it lives only while the page is used.
 */
export const useReceptionSettingsStore = defineStore('reception-settings', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const draft = ref<draftRules.ReceptionSettingsDraft>()
  /** What was stored when the form opened (undefined: nothing, the defaults are shown). */
  const opened = shallowRef<ReceptionSettings>()
  const outcome = ref<SettingsOutcome>()
  const busy = ref(false)

  const openedDraftJson = computed(() => JSON.stringify(draftRules.toDraft(opened.value ?? defaultReceptionSettings())))
  const dirty = computed(() => draft.value !== undefined && JSON.stringify(draft.value) !== openedDraftJson.value)
  // After a refused save, the problems follow the draft as it is fixed.
  const problems = computed(() => (outcome.value === 'problems' && draft.value ? draftRules.draftProblems(draft.value).problems : []))
  /** The problems shown at a field (a row's: also its identifier's, which no one types). */
  const problemsAt = (path: string) => problems.value.filter((p) => p.path === path || p.path === `${path}.id`)
  useUnsavedWork(dirty)

  onLock(() => {
    draft.value = undefined
    opened.value = undefined
    outcome.value = undefined
  })

  function allowed(): string {
    if (!session.can('settings.manage')) throw new PermissionError('settings.manage')
    return session.session!.userId
  }

  const records = () => createReceptionRecords(storage.recordContext)

  async function load() {
    allowed()
    const stored = await records().settings.get()
    opened.value = stored && plain(stored)
    draft.value = draftRules.toDraft(stored ?? defaultReceptionSettings())
    outcome.value = undefined
  }

  async function save(overwrite = false): Promise<SettingsOutcome | undefined> {
    const userId = allowed()
    if (!draft.value) return undefined
    busy.value = true
    try {
      const result = await saveReceptionSettings({ records: records(), audit: storage.audit, userId }, opened.value, plain(draft.value), { overwrite })
      if (result.outcome === 'saved') {
        opened.value = plain(result.settings)
        draft.value = draftRules.toDraft(result.settings)
      }
      return (outcome.value = result.outcome)
    } finally {
      busy.value = false
    }
  }

  const edit = (change: (d: draftRules.ReceptionSettingsDraft) => draftRules.ReceptionSettingsDraft) => {
    if (draft.value) draft.value = change(draft.value)
  }

  return {
    draft,
    opened,
    outcome,
    problems,
    problemsAt,
    busy,
    dirty,
    load,
    save,
    setLevel: (index: number, level: ReceptionLevel) => edit((d) => ({ ...d, categories: d.categories.map((c, i) => (i === index ? draftRules.withLevel(c, level, d.places) : c)) })),
    addCategory: () => edit((d) => ({ ...d, categories: [...d.categories, draftRules.newCategoryDraft(`category-${randomId().slice(0, 10)}`, d.places[0]?.id ?? '')] })),
    removeCategory: (id: string) => edit((d) => draftRules.removeCategory(d, id)),
    restoreCategory: (id: string) => edit((d) => ({ ...d, categories: d.categories.map((c) => (c.id === id ? { ...c, retired: false } : c)) })),
    addPlace: () => edit((d) => ({ ...d, places: [...d.places, draftRules.newPlaceDraft(`place-${randomId().slice(0, 10)}`)] })),
    removePlace: (id: string) => edit((d) => draftRules.removePlace(d, id)),
    addStep: (kind: IncidentKind) => edit((d) => ({ ...d, ladders: { ...d.ladders, [kind]: [...d.ladders[kind], draftRules.newStepDraft()] } })),
    removeStep: (kind: IncidentKind, index: number) => edit((d) => ({ ...d, ladders: { ...d.ladders, [kind]: d.ladders[kind].filter((_, i) => i !== index) } })),
  }
})
