/** SVC-1, BB-3: a new service request as typed at the counter, checked before it is saved. */
import { looksLikePhone } from '@/core/directory/customer-file'
import { isLocalDate, localDateOf } from '@/core/shared/local-date'
import { textLimits, withinLimit } from '@/core/shared/text-limits'
import { requestKinds, requestNatures } from './schemas'
import type { Checked, FieldProblem, RequestKind, RequestNature, ServiceRequest } from './types'

/** What the request form holds: text as typed (untrimmed), choices possibly unmade (''). */
export interface RequestInput {
  customerId: string
  accountId?: string
  address: string
  phone: string
  product: string
  model: string
  spec: string
  /** `YYYY-MM-DD`; blank or absent when the customer does not know it. */
  purchaseDate?: string
  purchasePlace: string
  fault: string
  kind: string
  nature: string
  complaint: boolean
  faultReport: boolean
  /** When the customer called, if that was earlier than now (a complaint's clock runs from it, SVC-2). */
  receivedAt?: number
}

/** Who takes it, when, and the linked subscriber's standing (BB-3: the caller folds the ledger). */
export interface RequestContext {
  now: number
  zone: string
  takenBy: string
  /** The customer, as a broadband subscriber, is in arrears. */
  inArrears: boolean
}

export type RequestField =
  | 'customerId' | 'accountId' | 'address' | 'phone' | 'product' | 'model' | 'spec' | 'purchaseDate' | 'purchasePlace' | 'fault'
  | 'kind' | 'nature' | 'receivedAt'

export type RequestProblemCode =
  | 'customer-required' | 'fault-required' | 'phone-required' | 'phone-invalid' | 'address-required' | 'kind-required' | 'kind-unknown'
  | 'nature-unknown' | 'account-required' | 'purchase-date-invalid' | 'purchase-date-in-future' | 'received-invalid' | 'received-in-future' | 'too-long'
  | 'arrears'

export type RequestProblem = FieldProblem<RequestField, RequestProblemCode>

/**
 * The longest text each field takes, in characters: a product or model is a label, a specification or the place of
 * purchase a line, the fault a short paragraph.
 */
export const requestTextLimits = {
  address: textLimits.address,
  phone: textLimits.phone,
  product: textLimits.label,
  model: textLimits.label,
  spec: textLimits.reason,
  purchasePlace: textLimits.employer,
  fault: textLimits.notes,
} as const

type TextField = keyof typeof requestTextLimits
const requiredText: Partial<Record<TextField, RequestProblemCode>> = { address: 'address-required', phone: 'phone-required', fault: 'fault-required' }

const isOneOf = <T extends string>(list: readonly T[], s: string): s is T => (list as readonly string[]).includes(s)

/**
 * SVC-1, BB-3: the request to save, or every problem at once. Text is trimmed. Required: the customer, address,
 * phone, fault and kind; product, model, specification and purchase place may be blank (an enquiry, internal work).
 * A fault report names its broadband account. BB-3: while the subscriber is in arrears only a fault report is
 * taken; anything else is refused with `arrears` (on the customer field: it is who they are, not what was typed).
 */
export function checkRequest(input: RequestInput, ctx: RequestContext): Checked<ServiceRequest, RequestProblem> {
  const problems: RequestProblem[] = []
  const put = (field: RequestField, code: RequestProblemCode) => problems.push({ field, code })

  const customerId = input.customerId.trim()
  if (!customerId) put('customerId', 'customer-required')
  else if (ctx.inArrears && !input.faultReport) put('customerId', 'arrears')

  const trimmed = {} as Record<TextField, string>
  for (const field of Object.keys(requestTextLimits) as TextField[]) {
    const value = input[field].trim()
    trimmed[field] = value
    const required = requiredText[field]
    if (required && !value) put(field, required)
    else if (!withinLimit(value, requestTextLimits[field])) put(field, 'too-long')
    else if (field === 'phone' && !looksLikePhone(value)) put(field, 'phone-invalid')
  }

  const accountId = input.accountId?.trim() || undefined
  if (input.faultReport && !accountId) put('accountId', 'account-required')

  const today = localDateOf(ctx.now, ctx.zone)
  const purchaseDate = input.purchaseDate?.trim() || undefined
  if (purchaseDate && !isLocalDate(purchaseDate)) put('purchaseDate', 'purchase-date-invalid')
  else if (purchaseDate && purchaseDate > today) put('purchaseDate', 'purchase-date-in-future')

  if (input.kind === '') put('kind', 'kind-required')
  else if (!isOneOf(requestKinds, input.kind)) put('kind', 'kind-unknown')
  if (!isOneOf(requestNatures, input.nature)) put('nature', 'nature-unknown')

  const receivedAt = input.receivedAt ?? ctx.now
  if (!Number.isFinite(receivedAt)) put('receivedAt', 'received-invalid')
  else if (receivedAt > ctx.now) put('receivedAt', 'received-in-future')

  if (problems.length) return { ok: false, problems }
  return {
    ok: true,
    value: {
      customerId,
      ...(accountId ? { accountId } : {}),
      ...trimmed,
      ...(purchaseDate ? { purchaseDate } : {}),
      kind: input.kind as RequestKind,
      nature: input.nature as RequestNature,
      complaint: input.complaint,
      faultReport: input.faultReport,
      receivedAt,
      takenBy: ctx.takenBy,
    },
  }
}
