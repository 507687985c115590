import type { RequestField, RequestProblem, RequestProblemCode } from '@/core/service/request-check'
import type { IntakeDraft } from './service.store'

/** A blank request form: the nature defaults to a request for work; the kind must be chosen. */
export const emptyDraft = (): IntakeDraft => ({
  customerId: '', phone: '', address: '', product: '', model: '', spec: '', purchaseDate: '', purchasePlace: '', fault: '',
  kind: '', nature: 'request', complaint: false, faultReport: false, accountId: '',
})

/** The first problem of each field, for the form to show beside it (request-check.ts gives them all at once). */
export function problemsByField(problems: readonly RequestProblem[]): Partial<Record<RequestField, RequestProblemCode>> {
  const out: Partial<Record<RequestField, RequestProblemCode>> = {}
  for (const p of problems) out[p.field] ??= p.code
  return out
}
