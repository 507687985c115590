import { computed, ref, type Ref } from 'vue'
import { useUnsavedWork } from '@/platform/unsaved-work'

/** What the desk records with a payment: how it was taken and the receipt it was taken on. */
export interface PaymentInput<M extends string> {
  method: M
  receiptNo: string
}

/**
 * The payment half of every "quote, take payment, confirm" form (membership today; reception and
 * broadband next): the method and receipt typed, the last refusal, and one try at a time, so a
 * double tap on confirm never takes the money twice. The form says what to do with the payment.
 */
export function usePayment<M extends string, P extends { problem: string } = { problem: string }>(
  firstMethod: M,
  options: { unsaved?: () => boolean } = {},
) {
  const method = ref(firstMethod) as Ref<M>
  const receiptNo = ref('')
  const problem = ref<P>() as Ref<P | undefined>
  const busy = ref(false)
  // A receipt number typed and not yet recorded must survive an automatic update.
  useUnsavedWork(() => receiptNo.value.trim() !== '' || (options.unsaved?.() ?? false))

  /**
   * Sends the payment once: a refusal becomes `problem` (what was typed stays), success clears the
   * receipt. `undefined` when a try is already running.
   */
  async function take<R extends { ok: true } | ({ ok: false } & P)>(send: (payment: PaymentInput<M>) => Promise<R>): Promise<R | undefined> {
    if (busy.value) return undefined
    busy.value = true
    problem.value = undefined
    try {
      const result = await send({ method: method.value, receiptNo: receiptNo.value })
      if (result.ok) receiptNo.value = ''
      else problem.value = result as R & { ok: false } & P
      return result
    } finally {
      busy.value = false
    }
  }

  return {
    method,
    receiptNo,
    problem,
    busy,
    take,
    /** A missing receipt number is said under its field… */
    receiptMissing: computed(() => problem.value?.problem === 'receipt-required'),
    /** …and the form says every other problem. */
    formProblem: computed(() => (problem.value?.problem === 'receipt-required' ? undefined : problem.value)),
  }
}
