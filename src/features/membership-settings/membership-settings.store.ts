import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useEventListener } from '@vueuse/core'
import { defaultMembershipSettings } from '@/core/membership/defaults'
import { checkSettings } from '@/core/membership/settings-check'
import { deskTimeZone } from '@/core/organisation/time-zone'
import type { MembershipSettings } from '@/core/membership/types'
import { randomId } from '@/crypto/bytes'
import { onLock, useSessionStore } from '@/identity/session.store'
import { PermissionError } from '@/identity/session'
import { useUnsavedWork } from '@/platform/unsaved-work'
import { useLobbyStorage } from '@/identity/device-storage'
import { anchorsOf, placeProblems } from './problem-placement'
import { draftProblems, newOverrideDraft, newTierDraft, problemsWhileTyping, toDraft, withoutTier, type SettingsDraft } from './settings-draft'
import { mergeForSave } from './settings-merge'

// IndexedDB cannot store a Proxy, and comparisons must not see one either: plain JSON copies.
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

export type SaveOutcome = 'saved' | 'unchanged' | 'problems' | 'conflict'

/**
 * MEM-1/2/4/5/10: the manager's membership settings. Holds a draft (numbers as typed) next to
 * the settings it was opened on; saving checks the draft, refuses with the problems and keeps
 * it, and writes only the parts changed here over what another device may have saved since.
 * An unsaved draft survives leaving the page and a screen lock of the same user (the page is
 * unmounted then, the store is not) and holds off automatic updates.
 */
export const useMembershipSettingsStore = defineStore('membership-settings', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const draft = ref<SettingsDraft>()
  /** The settings the draft was opened on (defaults while nothing is stored). */
  const base = ref<MembershipSettings>()
  const isStored = ref(false)
  const ownerId = ref<string>()
  /** Set by a save attempt: from then on problems follow the draft as it is fixed. */
  const attempted = ref(false)
  const conflicts = ref<string[]>([])
  const lastOutcome = ref<SaveOutcome>()
  const busy = ref(false)
  /** Issue 9 §4: the zone the hours are read in: the organisation's (edited on its settings page), shown here. */
  const timeZone = ref<string>()

  const baseDraftJson = computed(() => (base.value ? JSON.stringify(toDraft(base.value)) : ''))
  const dirty = computed(() => draft.value !== undefined && JSON.stringify(draft.value) !== baseDraftJson.value)
  const checked = computed(() => (draft.value ? draftProblems(draft.value) : undefined))
  // Before a save: what typing cannot fix (a price over its ceiling); after one, every problem.
  const problems = computed(() => (attempted.value ? (checked.value?.problems ?? []) : draft.value ? problemsWhileTyping(draft.value) : []))
  const placed = computed(() => placeProblems(problems.value, draft.value ? anchorsOf(draft.value) : new Set([''])))

  useUnsavedWork(dirty)
  // A reload would lose the draft (it lives in memory only): let the browser ask first.
  useEventListener(window, 'beforeunload', (e: BeforeUnloadEvent) => {
    if (dirty.value) e.preventDefault()
  })

  function reset() {
    draft.value = undefined
    base.value = undefined
    isStored.value = false
    ownerId.value = undefined
    attempted.value = false
    conflicts.value = []
    lastOutcome.value = undefined
  }

  // Sign-out drops everything. A lock keeps an unsaved draft for its owner's return (the lock
  // sets the locked user before dropping keys; sign-out clears it right after): settings are the
  // business's terms, not anyone's personal data, and losing a half-made price list helps nobody.
  onLock(() => {
    queueMicrotask(() => {
      if (!dirty.value || session.lockedUser?.userId !== ownerId.value) reset()
    })
  })

  function allowed(): string {
    if (!session.can('settings.manage')) throw new PermissionError('settings.manage')
    return session.session!.userId
  }

  /** Opens the stored settings (or the defaults). An unsaved draft of the same user is kept, not replaced. */
  async function load(): Promise<{ restored: boolean }> {
    const userId = allowed()
    if (ownerId.value !== userId) reset()
    const [stored, organisation] = await Promise.all([storage.desk.settings.get(), storage.orgSettings.read()])
    isStored.value = stored !== undefined
    timeZone.value = deskTimeZone(organisation.saved ? organisation.settings.timeZone : undefined, stored?.timeZone)
    if (draft.value && dirty.value) return { restored: true }
    base.value = plain(stored ?? defaultMembershipSettings())
    draft.value = toDraft(base.value)
    ownerId.value = userId
    attempted.value = false
    conflicts.value = []
    return { restored: false }
  }

  async function save(options: { overwrite?: boolean } = {}): Promise<SaveOutcome> {
    allowed()
    if (!draft.value || !base.value || !checked.value) return 'unchanged'
    busy.value = true
    try {
      attempted.value = true
      lastOutcome.value = undefined
      const { settings, problems: found } = checked.value
      if (found.length) return (lastOutcome.value = 'problems')
      if (!dirty.value && isStored.value) return (lastOutcome.value = 'unchanged')
      const latest = await storage.desk.settings.get()
      const merged = mergeForSave(base.value, plain(settings), latest && plain(latest), options.overwrite)
      if (!merged.ok || checkSettings(merged.settings).length) {
        conflicts.value = merged.ok ? ['tiers'] : merged.conflicts
        return (lastOutcome.value = 'conflict')
      }
      await storage.desk.settings.save(merged.settings)
      base.value = plain(merged.settings)
      draft.value = toDraft(base.value)
      isStored.value = true
      attempted.value = false
      conflicts.value = []
      return (lastOutcome.value = 'saved')
    } finally {
      busy.value = false
    }
  }

  /** Drops this form's changes and opens what is stored now (after a conflict, or on request). */
  async function discard() {
    draft.value = undefined
    base.value = undefined
    await load()
    lastOutcome.value = undefined
  }

  function addTier(): string {
    const id = `tier-${randomId().slice(0, 10)}`
    draft.value?.tiers.push(newTierDraft(id, draft.value.tiers))
    return id
  }

  function removeTier(id: string) {
    if (draft.value) draft.value = withoutTier(draft.value, id)
  }

  function addOverride(): string {
    const id = `override-${randomId().slice(0, 10)}`
    draft.value?.overrides.push(newOverrideDraft(id))
    return id
  }

  function removeOverride(id: string) {
    if (draft.value) draft.value.overrides = draft.value.overrides.filter((o) => o.id !== id)
  }

  return { draft, base, isStored, dirty, busy, timeZone, attempted, problems, placed, conflicts, lastOutcome, checked, load, save, discard, addTier, removeTier, addOverride, removeOverride }
})
