import { defineStore } from 'pinia'
import { ref } from 'vue'
import { maskIdNumber, maskName, maskPhone } from '@/core/access/masking'
import { licenceNoText, type CustomerKind } from '@/core/directory/customer-file'
import type { IdKind } from '@/core/directory/id-document'
import { checkPerson, checkPersonChanges, type Person, type TypedPerson } from '@/core/directory/person'
import { deskTimeZone } from '@/core/organisation/time-zone'
import { localDateOf } from '@/core/shared/local-date'
import { fenToYuanText, parseYuan } from '@/core/shared/money'
import { useLobbyStorage } from '@/identity/device-storage'
import { onLock, useSessionStore } from '@/identity/session.store'
import { PermissionError } from '@/identity/session'
import { useStoragePersistence } from '@/platform/storage-persistence'

/** What a list may show of a person: masked values only (CONF-4). */
export interface MaskedPerson {
  id: string
  name: string
  phone: string
  idNumber: string
  organisation: string
  notes: string
  kind: CustomerKind
  /** CUST-1: the customer file, for the edit form (the list shows only the kind). */
  file: CustomerFileText
}

/** The CUST-1 file fields as a form holds them: text, registered capital as yuan. */
export interface CustomerFileText {
  address: string
  postcode: string
  fax: string
  legalRepresentative: string
  licenceNo: string
  businessScope: string
  registeredCapital: string
}
const fileTextFields = ['address', 'postcode', 'fax', 'legalRepresentative', 'licenceNo', 'businessScope'] as const
const businessOnly = new Set<keyof CustomerFileText>(['legalRepresentative', 'licenceNo', 'businessScope', 'registeredCapital'])

function fileText(p: Person): CustomerFileText {
  const text = Object.fromEntries(fileTextFields.map((f) => [f, p[f] ?? ''])) as Omit<CustomerFileText, 'registeredCapital'>
  return { ...text, registeredCapital: p.registeredCapital === undefined ? '' : fenToYuanText(p.registeredCapital) }
}

function masked(id: string, p: Person): MaskedPerson {
  return {
    id,
    name: maskName(p.name),
    phone: maskPhone(p.phone ?? ''),
    idNumber: maskIdNumber(p.idNumber ?? ''),
    organisation: p.organisation ?? '',
    notes: p.notes ?? '',
    kind: p.kind ?? 'individual',
    file: fileText(p),
  }
}

/** A file field as stored: trimmed, a licence number in its one spelling, capital in fen (absent when empty). */
function storeFileField(person: Person, field: keyof CustomerFileText, text: string) {
  const trimmed = text.trim()
  if (field === 'registeredCapital') {
    const fen = parseYuan(trimmed)
    if (fen === undefined) delete person.registeredCapital
    else person.registeredCapital = fen
  } else person[field] = field === 'licenceNo' ? licenceNoText(trimmed) : trimmed
}

/** How many recent people the page lists before anyone searches. */
export const recentShown = 20

/**
 * People registered at the desk. Holds masked rows only (the most recent people, or what a search
 * found, never the whole directory: thousands of people are not decrypted to draw one list),
 * and forgets them when the app locks.
 */
export const usePeopleStore = defineStore('people', () => {
  const storage = useLobbyStorage()
  const rows = ref<MaskedPerson[]>([])
  const searched = ref(false)
  /** How many searches this session has answered: the page numbers its answer, so a test can wait for the new one. */
  const searches = ref(0)

  onLock(() => {
    rows.value = []
    searched.value = false
  })

  // CONF-3 in the store too: the router is not the only way in.
  function allowed() {
    if (!useSessionStore().can('desk.use')) throw new PermissionError('desk.use')
  }

  /** The organisation's date: an ID's birth date may not be after it. */
  async function today() {
    const organisation = await storage.orgSettings.read()
    return localDateOf(Date.now(), deskTimeZone(organisation.saved ? organisation.settings.timeZone : undefined, undefined))
  }

  async function register(input: { name: string; phone: string; idKind?: IdKind; idNumber: string; organisation: string; kind?: CustomerKind } & Partial<CustomerFileText>) {
    allowed()
    const problems = checkPerson(input, await today())
    if (Object.keys(problems).length) return { ok: false as const, problems }
    const person: Person = { name: input.name.trim(), createdAt: new Date().toISOString() }
    if (input.phone.trim()) person.phone = input.phone.trim()
    if (input.idNumber.trim()) Object.assign(person, { idKind: input.idKind ?? 'cn-resident', idNumber: input.idNumber.trim().toUpperCase() })
    if (input.organisation.trim()) person.organisation = input.organisation.trim()
    // CUST-1: a business is marked as one; its business-only fields are kept for a business only.
    if (input.kind === 'business') person.kind = 'business'
    for (const field of [...fileTextFields, 'registeredCapital'] as const) {
      const text = input[field] ?? ''
      if (text.trim() !== '' && (person.kind === 'business' || !businessOnly.has(field))) storeFileField(person, field, text)
    }
    const id = await storage.people.put(person)
    // The first save is when this device starts holding data worth keeping: ask not to be evicted.
    void useStoragePersistence().requestPersistence()
    rows.value = [masked(id, person), ...rows.value.filter((r) => r.id !== id)]
    return { ok: true as const, id }
  }

  /**
   * Updates what the desk may change without seeing the full record: organisation, notes, and a new
   * phone number or identity document (typed in full, never shown back unmasked). Only what changes is
   * checked: a person stored before a rule tightened still takes a new note. Only changed fields get a new clock, so
   * an edit made offline on another device to other fields survives the sync (field-by-field merge).
   */
  async function update(id: string, changes: { organisation?: string; notes?: string; phone?: string; idKind?: IdKind; idNumber?: string; kind?: CustomerKind } & Partial<CustomerFileText>) {
    allowed()
    const current = await storage.people.get(id)
    if (!current) return { ok: false as const, problems: {} }
    const next: Person = { ...current }
    if (changes.organisation !== undefined) next.organisation = changes.organisation.trim()
    if (changes.notes !== undefined) next.notes = changes.notes.trim()
    if (changes.phone?.trim()) next.phone = changes.phone.trim()
    if (changes.idNumber?.trim()) Object.assign(next, { idKind: changes.idKind ?? 'cn-resident', idNumber: changes.idNumber.trim().toUpperCase() })
    if (changes.kind !== undefined) next.kind = changes.kind
    // Checked as typed (capital as yuan text), stored as the record keeps it.
    const typed: TypedPerson = { ...next }
    for (const field of [...fileTextFields, 'registeredCapital'] as const) {
      const text = changes[field]
      if (text === undefined) continue
      typed[field] = text.trim()
      storeFileField(next, field, text)
    }
    const problems = checkPersonChanges(current, typed, await today())
    if (Object.keys(problems).length) return { ok: false as const, problems }
    await storage.people.put(next, id)
    rows.value = rows.value.map((r) => (r.id === id ? masked(id, next) : r))
    return { ok: true as const }
  }

  /** The people who arrived on this device last (people.repo.ts `recent`: only those are opened). */
  async function showRecent() {
    allowed()
    rows.value = (await storage.people.recent(recentShown)).map((s) => masked(s.id, s.record))
    searched.value = false
  }

  /** By name, phone or ID number, through blind indexes, never a clear-text scan; an empty query lists the recent again. */
  async function find(query: string) {
    if (query.trim() === '') return showRecent()
    allowed()
    rows.value = (await storage.people.search(query)).map((s) => masked(s.id, s.record))
    searched.value = true
    searches.value++
  }

  return { rows, searched, searches, register, find, update, showRecent }
})
