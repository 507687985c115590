import { describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useUnsavedWork } from '@/platform/unsaved-work'
import { usePayment } from './usePayment'

type Answer = { ok: true } | { ok: false; problem: string }

/** A desk action the test answers by hand. */
function pendingAction() {
  const answers: ((a: Answer) => void)[] = []
  const send = vi.fn((_payment: { method: string; receiptNo: string }) => new Promise<Answer>((resolve) => answers.push(resolve)))
  return { send, answer: (a: Answer) => answers.shift()!(a) }
}

describe('usePayment: method and receipt, one try at a time', () => {
  it('takes one payment when confirm is tapped twice before the first answer (never two ledger entries)', async () => {
    const scope = effectScope()
    const pay = scope.run(() => usePayment<string>('cash'))!
    const { send, answer } = pendingAction()
    pay.receiptNo.value = 'R-001'
    const first = pay.take(send)
    const second = pay.take(send)
    expect(await second).toBeUndefined()
    answer({ ok: true })
    expect(await first).toEqual({ ok: true })
    expect(send).toHaveBeenCalledExactlyOnceWith({ method: 'cash', receiptNo: 'R-001' })
    scope.stop()
  })

  it('keeps what was typed and shows the problem on a refusal; clears both once taken', async () => {
    const scope = effectScope()
    const pay = scope.run(() => usePayment<string>('cash'))!
    const { send, answer } = pendingAction()
    pay.method.value = 'transfer'
    pay.receiptNo.value = 'R-002'
    const refused = pay.take(send)
    expect(pay.busy.value).toBe(true)
    answer({ ok: false, problem: 'receipt-taken' })
    await refused
    expect(pay.busy.value).toBe(false)
    expect(pay.problem.value).toEqual({ ok: false, problem: 'receipt-taken' })
    expect(pay.receiptNo.value).toBe('R-002')
    const taken = pay.take(send)
    expect(pay.problem.value).toBeUndefined()
    answer({ ok: true })
    await taken
    expect(pay.receiptNo.value).toBe('')
    expect(pay.method.value).toBe('transfer')
    scope.stop()
  })

  it('says a receipt number is missing under its field, and every other problem for the form', async () => {
    const scope = effectScope()
    const pay = scope.run(() => usePayment<string>('cash'))!
    pay.problem.value = { problem: 'receipt-required' }
    expect([pay.receiptMissing.value, pay.formProblem.value]).toEqual([true, undefined])
    pay.problem.value = { problem: 'blacklisted' }
    expect([pay.receiptMissing.value, pay.formProblem.value]).toEqual([false, { problem: 'blacklisted' }])
    scope.stop()
  })

  it('counts a typed receipt number (or what the form adds) as unsaved work, until the form is gone', async () => {
    const { hasUnsavedWork } = useUnsavedWork()
    const scope = effectScope()
    const reason = ref('')
    const pay = scope.run(() => usePayment<string>('cash', { unsaved: () => reason.value.trim() !== '' }))!
    await nextTick()
    expect(hasUnsavedWork.value).toBe(false)
    pay.receiptNo.value = 'R-003'
    await nextTick()
    expect(hasUnsavedWork.value).toBe(true)
    pay.receiptNo.value = ''
    reason.value = 'damaged locker'
    await nextTick()
    expect(hasUnsavedWork.value).toBe(true)
    scope.stop()
    await nextTick()
    expect(hasUnsavedWork.value).toBe(false)
  })
})
