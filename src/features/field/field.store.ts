import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useOrganisationStore } from '@/features/organisation-settings/organisation.store'
import { useLobbyStorage } from '@/identity/device-storage'
import { PermissionError } from '@/identity/session'
import { onLock, useSessionStore } from '@/identity/session.store'
import { createFieldRecords, type FieldRecords } from './field-records'
import { listJobs, openJob, type FieldContext, type JobRow, type JobView } from './job-reads'
import { addPhoto, finishJob, removePhoto, saveWork, signJob, startJob, type WorkChange } from './job-writes'
import type { Signature } from './signature-strokes'

export type { JobRow, JobView, WorkChange }

/**
 * The technician's phone (SVC-3): their own jobs, in their realm `tech:<id>`. Each action is written to the device
 * at once (job-writes.ts); the store keeps the list and the job on screen, and forgets both on lock (CONF-7).
 */
export const useFieldStore = defineStore('field', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const organisation = useOrganisationStore()
  const clock = { now: () => Date.now() }
  // One repository per session: made when a page first asks for it, dropped at lock with the rest.
  let records: FieldRecords | undefined
  const jobs = shallowRef<JobRow[]>([])
  const timeZone = computed(() => organisation.timeZone)

  onLock(() => {
    records = undefined
    jobs.value = []
  })

  // CONF-3 in the store too: the router is not the only way in.
  function context(): FieldContext {
    if (!session.can('field.work') || !session.session) throw new PermissionError('field.work')
    const userId = session.session.userId
    records ??= createFieldRecords(storage.recordContext, userId)
    return { records, audit: storage.audit, userId }
  }

  async function loadJobs(): Promise<void> {
    jobs.value = await listJobs(context())
  }

  const open = (jobId: string): Promise<JobView | undefined> => openJob(context(), jobId)

  return {
    jobs,
    timeZone,
    clock,
    loadJobs,
    open,
    start: (jobId: string) => startJob(context(), jobId, clock.now()),
    save: (jobId: string, change: WorkChange) => saveWork(context(), jobId, change),
    /** A compressed photo (FieldPhotoPicker), stored as sealed chunk records. */
    addPhoto: async (jobId: string, photo: Blob) => addPhoto(context(), jobId, new Uint8Array(await photo.arrayBuffer()), photo.type || 'image/jpeg'),
    removePhoto: (jobId: string, photoId: string, count: number) => removePhoto(context(), jobId, photoId, count),
    sign: (jobId: string, signature: Signature, signerName: string) => signJob(context(), jobId, signature, signerName, clock.now()),
    finish: (jobId: string) => finishJob(context(), jobId, clock.now()),
  }
})
