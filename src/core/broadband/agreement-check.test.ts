import { describe, expect, it } from 'vitest'
import { arrearsAllows, checkAgreementDraft, noticeWindow, type AgreementDraft } from './agreement-check'

const draft: AgreementDraft = {
  accountNo: 'KD-2027-0001',
  accountName: 'Room 301 broadband',
  subscriberId: 'person-1',
  plan: { name: '100M campus', monthlyFee: 10_000, singlePortFee: 3_000 },
  cycleStart: '2027-03-01',
  cycleEnd: '2028-02-29',
}

describe('BB-1 agreement draft', () => {
  it('BB-1: a complete draft has no problems, with or without an agent', () => {
    expect(checkAgreementDraft(draft)).toEqual({})
    expect(checkAgreementDraft({ ...draft, agent: { name: 'Li Wei', idNumber: '110101199001011234', authorisation: 'Letter of 2027-02-20' } })).toEqual({})
  })

  it('BB-1: account number, name and subscriber are required; the number is letters, digits and hyphens', () => {
    expect(checkAgreementDraft({ ...draft, accountNo: '  ', accountName: '', subscriberId: '' })).toEqual({
      accountNo: 'account-no-required',
      accountName: 'account-name-required',
      subscriberId: 'subscriber-required',
    })
    expect(checkAgreementDraft({ ...draft, accountNo: 'KD 0001' })).toEqual({ accountNo: 'account-no-format' })
    expect(checkAgreementDraft({ ...draft, accountNo: 'ab' })).toEqual({ accountNo: 'account-no-format' })
    expect(checkAgreementDraft({ ...draft, accountNo: 'ｋｄ－２０２７０１' })).toEqual({}) // fullwidth from a Chinese IME folds to KD-202701
  })

  it('BB-1, BB-2: the plan needs a name and a monthly fee above 0; the single-port fee may be 0 but not negative', () => {
    expect(checkAgreementDraft({ ...draft, plan: { ...draft.plan, name: ' ' } })).toEqual({ plan: 'plan-name-required' })
    expect(checkAgreementDraft({ ...draft, plan: { ...draft.plan, monthlyFee: 0 } })).toEqual({ plan: 'fee-not-positive' })
    expect(checkAgreementDraft({ ...draft, plan: { ...draft.plan, monthlyFee: -100 } })).toEqual({ plan: 'fee-not-positive' })
    expect(checkAgreementDraft({ ...draft, plan: { ...draft.plan, monthlyFee: 99.5 } })).toEqual({ plan: 'fee-not-positive' }) // not whole fen
    expect(checkAgreementDraft({ ...draft, plan: { ...draft.plan, monthlyFee: 1 } })).toEqual({})
    expect(checkAgreementDraft({ ...draft, plan: { ...draft.plan, singlePortFee: 0 } })).toEqual({})
    expect(checkAgreementDraft({ ...draft, plan: { ...draft.plan, singlePortFee: -1 } })).toEqual({ plan: 'single-port-fee-negative' })
  })

  it('BB-12: the cycle may not end before it starts', () => {
    expect(checkAgreementDraft({ ...draft, cycleEnd: '2027-02-28' })).toEqual({ cycleEnd: 'cycle-end-before-start' })
    expect(checkAgreementDraft({ ...draft, cycleEnd: '2027-03-01' })).toEqual({})
  })

  it('BB-1: an agent needs a name, an ID number and the authorisation shown', () => {
    const agent = { name: 'Li Wei', idNumber: '110101199001011234', authorisation: 'Letter' }
    expect(checkAgreementDraft({ ...draft, agent: { ...agent, name: '' } })).toEqual({ agent: 'agent-name-required' })
    expect(checkAgreementDraft({ ...draft, agent: { ...agent, idNumber: ' ' } })).toEqual({ agent: 'agent-id-required' })
    expect(checkAgreementDraft({ ...draft, agent: { ...agent, authorisation: '' } })).toEqual({ agent: 'agent-authorisation-required' })
  })
})

describe('BB-3 arrears block everything but payment', () => {
  it('BB-3: in arrears only a payment and a fault report are allowed', () => {
    const actions = ['payment', 'fault-report', 'plan-change', 'transfer', 'service-request', 'reactivate'] as const
    expect(actions.map((a) => [a, arrearsAllows(a, true)])).toEqual([
      ['payment', { allowed: true }],
      ['fault-report', { allowed: true }],
      ['plan-change', { allowed: false, reason: 'arrears' }],
      ['transfer', { allowed: false, reason: 'arrears' }],
      ['service-request', { allowed: false, reason: 'arrears' }],
      ['reactivate', { allowed: false, reason: 'arrears' }],
    ])
  })
  it('BB-3: out of arrears every action is allowed', () => {
    for (const a of ['payment', 'fault-report', 'plan-change', 'transfer', 'service-request', 'reactivate'] as const) expect(arrearsAllows(a, false)).toEqual({ allowed: true })
  })
})

describe('BB-12 notice window', () => {
  it('BB-12: written notice is allowed within the 30 days before the cycle ends: 30 days before opens, 31 does not', () => {
    const window = { opensOn: '2027-05-31', closesOn: '2027-06-30' }
    expect(noticeWindow('2027-06-30', '2027-05-30')).toEqual({ open: false, ...window, why: 'too-early' }) // 31 days before
    expect(noticeWindow('2027-06-30', '2027-05-31')).toEqual({ open: true, ...window }) // 30 days before
    expect(noticeWindow('2027-06-30', '2027-06-30')).toEqual({ open: true, ...window }) // the last day of the cycle
    expect(noticeWindow('2027-06-30', '2027-07-01')).toEqual({ open: false, ...window, why: 'cycle-ended' })
  })
  it('BB-12: across a month end and a leap day', () => {
    expect(noticeWindow('2028-03-15', '2028-02-14')).toMatchObject({ open: true, opensOn: '2028-02-14' })
    expect(noticeWindow('2028-03-15', '2028-02-13')).toMatchObject({ open: false, why: 'too-early' })
  })
})
