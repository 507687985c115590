import type { Person } from '@/core/directory/person'
import type { ServiceCompletion, ServiceRequest } from '@/core/service/types'
import { createServiceRecords, type ServiceRecords } from '@/features/service/service-records'
import type { LobbyStorage } from '@/storage/lobby-storage'
import { createTestStorage, oneRealmKeys } from '@/storage/testing'
import { openMarkerId } from '@/features/service/service-ids'

export const minute = 60_000
export const hour = 60 * minute

/** Tests only: a storage whose session holds one key for every realm (field, directory, desk, accounts). */
export async function serviceStorage(userId = 'agent-1') {
  const t = createTestStorage()
  t.setKeys(await oneRealmKeys('field:1', userId))
  return { ...t, records: createServiceRecords(t.storage.recordContext) }
}

/** Tests only: a customer in the directory. */
export async function customer(storage: LobbyStorage, name = '欧阳修', phone = '13800138000'): Promise<string> {
  const person: Person = { name, phone, createdAt: '2027-03-01T00:00:00.000Z' }
  return storage.people.put(person)
}

/** Tests only: a request as intake writes it, with its open-work marker. */
export async function takeRequest(records: ServiceRecords, customerId: string, receivedAt: number, extra: Partial<ServiceRequest> = {}): Promise<string> {
  const id = await records.requests.put({
    customerId, address: '1 Harbour Road', phone: '13800138000', product: 'Fridge', model: 'BCD-470', spec: '470 L', purchasePlace: 'Suning',
    fault: 'Not cooling', kind: 'a', nature: 'request', complaint: false, faultReport: false, receivedAt, takenBy: 'agent-1', ...extra,
  })
  await records.open.put({ requestId: id }, openMarkerId(id))
  return id
}

/** Tests only: dispatched to `technicianId` at `at`. */
export const dispatch = (records: ServiceRecords, requestId: string, at: number, technicianId = 'tech-1') => records.dispatches.add({ requestId, technicianId, at, by: 'lead-1' })

/** Tests only: the finished job as a lead's device takes it in (the completion, under an id made from the job's). */
export async function finish(records: ServiceRecords, requestId: string, finishedAt: number, extra: Partial<ServiceCompletion> = {}): Promise<string> {
  const completion: ServiceCompletion = {
    requestId, technicianId: 'tech-1', startedAt: finishedAt - hour, finishedAt, workDone: 'Replaced the thermostat', parts: [{ name: 'Thermostat', qty: 1 }],
    minutes: 60, photoIds: [], ...extra,
  }
  return records.completions.put(completion, `svc-completion:${requestId.slice(requestId.indexOf(':') + 1)}:${finishedAt}`)
}
