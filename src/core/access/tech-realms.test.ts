import { describe, expect, it } from 'vitest'
import { replicatedRealms } from './realm-access'
import { realmsByRole } from './roles'
import { departedTechnicians, holdsRealmKey, isClosedTechRealm, jobsOfDepartedTechnicians, openTechRealms, receivesTechKeys, techRealm, technicianOf, type AccountStanding } from './tech-realms'

const accounts: AccountStanding[] = [
  { userId: 't1', role: 'technician', status: 'active' },
  { userId: 't2', role: 'technician', status: 'deactivated' },
  { userId: 'l1', role: 'lead', status: 'deactivated' },
  { userId: 'm1', role: 'manager', status: 'active' },
]

describe('issue 15 §3: technicians\' own realms', () => {
  it('names the realm after the technician, and nothing else is one', () => {
    expect(techRealm('t1')).toBe('tech:t1')
    expect(technicianOf('tech:t1')).toBe('t1')
    for (const realm of ['field', 'member:t1', 'tech:', 'tech', 'techx:t1']) expect([realm, technicianOf(realm)]).toEqual([realm, undefined])
  })

  it('CONF-3: a technician holds no shared realm\'s key, only their own realm\'s', () => {
    expect(realmsByRole.technician).toEqual([])
    expect(holdsRealmKey('technician', 't1', 'tech:t1')).toBe(true)
    expect(holdsRealmKey('technician', 't1', 'tech:t2')).toBe(false)
    for (const realm of ['field', 'directory', 'desk', 'accounts']) expect([realm, holdsRealmKey('technician', 't1', realm)]).toEqual([realm, false])
  })

  it('leads and managers hold every technician\'s key, admins keep it as custodians; the front desk and agents never', () => {
    for (const role of ['lead', 'manager', 'admin'] as const) expect([role, receivesTechKeys(role), holdsRealmKey(role, 'x', 'tech:t1')]).toEqual([role, true, true])
    for (const role of ['frontdesk', 'agent', 'technician', 'member'] as const) expect([role, receivesTechKeys(role), holdsRealmKey(role, 'x', 'tech:t1')]).toEqual([role, false, false])
    // A member's key is kept in the directory and never granted, whoever asks.
    expect(holdsRealmKey('manager', 'x', 'member:m-1')).toBe(false)
    expect(holdsRealmKey('agent', 'x', 'accounts')).toBe(true)
  })

  it('a device replicates the technicians\' databases its user reads: the technician their own, a lead or manager each one granted, an admin none', () => {
    const held = ['tech:t1', 'tech:t2', 'field', 'tech:t1']
    expect(replicatedRealms({ role: 'technician', userId: 't1' }, held)).toEqual(['tech:t1'])
    expect(replicatedRealms({ role: 'technician', userId: 't3' }, held)).toEqual([])
    expect(replicatedRealms({ role: 'lead', userId: 'l1' }, held)).toEqual([...realmsByRole.lead, 'tech:t1', 'tech:t2'])
    expect(replicatedRealms({ role: 'manager', userId: 'm1' }, held)).toEqual([...realmsByRole.manager, 'tech:t1', 'tech:t2'])
    expect(replicatedRealms({ role: 'admin', userId: 'a1' }, held)).toEqual(realmsByRole.admin)
    expect(replicatedRealms({ role: 'agent', userId: 'g1' }, held)).toEqual(realmsByRole.agent)
  })

  it('a departed technician\'s realm is closed: handed to nobody new', () => {
    expect(departedTechnicians(accounts)).toEqual(new Set(['t2']))
    expect(isClosedTechRealm('tech:t2', accounts)).toBe(true)
    expect(isClosedTechRealm('tech:t1', accounts)).toBe(false)
    expect(isClosedTechRealm('field', accounts)).toBe(false)
    expect(openTechRealms(['tech:t1', 'tech:t2', 'field', 'tech:t1', 'tech:t9'], accounts)).toEqual(['tech:t1', 'tech:t9'])
  })

  it('SVC-2: lists the open jobs of technicians who left, for their lead to reassign (a departed lead is no technician)', () => {
    const jobs = [
      { requestId: 'r1', technicianId: 't1' },
      { requestId: 'r2', technicianId: 't2' },
      { requestId: 'r3' },
      { requestId: 'r4', technicianId: 'l1' },
      { requestId: 'r5', technicianId: 't2' },
    ]
    expect(jobsOfDepartedTechnicians(jobs, accounts).map((j) => j.requestId)).toEqual(['r2', 'r5'])
    expect(jobsOfDepartedTechnicians(jobs, [])).toEqual([])
  })
})
