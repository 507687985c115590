import { describe, expect, it } from 'vitest'
import { readOpenForm, type OpenFormText } from './open-form'

const typed: OpenFormText = {
  subscriberId: 'person-1',
  agentName: '',
  agentIdNumber: '',
  agentAuthorisation: '',
  accountNo: 'KD-0001',
  accountName: '王小明',
  planName: '100M 校园',
  monthlyFee: '100',
  singlePortFee: '30.50',
  cycleStart: '2027-01-01',
  cycleEnd: '2027-12-31',
}

describe('BB-1 opening an account: the form as typed', () => {
  it('reads the fees in fen and the agreement draft', () => {
    expect(readOpenForm(typed)).toEqual({
      ok: true,
      draft: { subscriberId: 'person-1', accountNo: 'KD-0001', accountName: '王小明', plan: { name: '100M 校园', monthlyFee: 100_00, singlePortFee: 30_50 }, cycleStart: '2027-01-01', cycleEnd: '2027-12-31' },
    })
  })

  it('refuses a monthly fee of 0 and a negative single-port fee, each next to its field', () => {
    expect(readOpenForm({ ...typed, monthlyFee: '0', singlePortFee: '-5' })).toEqual({ ok: false, problems: { monthlyFee: 'fee-not-positive', singlePortFee: 'fee-not-positive' } })
  })

  it('refuses a fee that is not an amount, and blank required fields', () => {
    expect(readOpenForm({ ...typed, monthlyFee: 'abc', accountNo: ' ', accountName: '', planName: '', subscriberId: '' })).toEqual({
      ok: false,
      problems: { monthlyFee: 'fee-format', accountNo: 'required', accountName: 'required', planName: 'required', subscriberId: 'required' },
    })
  })

  it('refuses a cycle that ends before it starts', () => {
    expect(readOpenForm({ ...typed, cycleEnd: '2026-12-31' })).toEqual({ ok: false, problems: { cycleEnd: 'cycle-order' } })
    expect(readOpenForm({ ...typed, cycleStart: '' })).toEqual({ ok: false, problems: { cycleStart: 'required' } })
  })

  it('an agent acting for the subscriber needs name, ID number and authorisation all given', () => {
    expect(readOpenForm({ ...typed, agentName: '李代理' })).toEqual({ ok: false, problems: { agentIdNumber: 'required', agentAuthorisation: 'required' } })
    const withAgent = readOpenForm({ ...typed, agentName: '李代理', agentIdNumber: '110101199003074573', agentAuthorisation: '授权书 2027-001' })
    expect(withAgent.ok && withAgent.draft.agent).toEqual({ name: '李代理', idNumber: '110101199003074573', authorisation: '授权书 2027-001' })
  })
})

describe('BB-1 account numbers the blind index can read one way only', () => {
  it('refuses an account number with spaces or other signs, on its field', () => {
    expect(readOpenForm({ ...typed, accountNo: 'KD 0001!' })).toEqual({ ok: false, problems: { accountNo: 'account-no-format' } })
  })
})
