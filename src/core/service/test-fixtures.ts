/** Records for the service rules' tests: each builder takes what a test varies and fills in the rest. */
import type {
  ContactOutcome, ServiceClose, ServiceCompletion, ServiceContact, ServiceDispatch, ServiceReopen, ServiceRequest, WithId,
} from './types'

export const minute = 60_000
export const hour = 60 * minute

export function serviceRequest(id: string, receivedAt: number, extra: Partial<ServiceRequest> = {}): WithId<ServiceRequest> {
  return {
    id,
    record: {
      customerId: 'person:1', address: '1 Harbour Road', phone: '13800138000', product: 'Fridge', model: 'BCD-470', spec: '470 L',
      purchasePlace: 'Suning', fault: 'Not cooling', kind: 'a', nature: 'request', complaint: false, faultReport: false,
      receivedAt, takenBy: 'agent-1', ...extra,
    },
  }
}

export const dispatchOf = (id: string, requestId: string, at: number, technicianId = 'tech-1'): WithId<ServiceDispatch> => ({
  id, record: { requestId, technicianId, at, by: 'lead-1' },
})

export const completionOf = (id: string, requestId: string, finishedAt: number, technicianId = 'tech-1'): WithId<ServiceCompletion> => ({
  id,
  record: { requestId, technicianId, startedAt: finishedAt - hour, finishedAt, workDone: 'Replaced the thermostat', parts: [{ name: 'Thermostat', qty: 1 }], minutes: 60, photoIds: [] },
})

export const contactOf = (id: string, requestId: string, at: number, outcome: ContactOutcome, extra: Partial<ServiceContact> = {}): WithId<ServiceContact> => ({
  id, record: { requestId, at, by: 'agent-1', outcome, ...extra },
})

export const closeOf = (id: string, requestId: string, at: number, outcome: ServiceClose['outcome']): WithId<ServiceClose> => ({
  id, record: { requestId, at, by: 'agent-1', outcome },
})

export const reopenOf = (id: string, requestId: string, at: number, reason = 'Still not cooling'): WithId<ServiceReopen> => ({
  id, record: { requestId, at, by: 'agent-1', reason },
})
