import type { StaffRole } from '@/core/access/roles'

export interface DemoSignIn {
  username: string
  name: string
  role: StaffRole
  passphrase: string
}

/**
 * The demo organisation's staff, documented in README.md ("Demo"). The first
 * one founds the organisation; the others are created by that admin and then
 * sign in for the first time with these passphrases.
 */
export const demoSignIns: readonly DemoSignIn[] = [
  { username: 'admin', name: '赵管理', role: 'admin', passphrase: 'demo-custodian-2026' },
  { username: 'manager', name: '钱经理', role: 'manager', passphrase: 'demo-office-hours-2026' },
  { username: 'lead', name: '孙组长', role: 'lead', passphrase: 'demo-dispatch-2026' },
  { username: 'desk1', name: '李前台', role: 'frontdesk', passphrase: 'demo-counter-one-2026' },
  { username: 'desk2', name: '周前台', role: 'frontdesk', passphrase: 'demo-counter-two-2026' },
  { username: 'agent', name: '吴专员', role: 'agent', passphrase: 'demo-broadband-2026' },
  { username: 'tech', name: '郑师傅', role: 'technician', passphrase: 'demo-toolbox-2026' },
  { username: 'tech2', name: '王师傅', role: 'technician', passphrase: 'demo-ladder-2026' },
]

/** The front-desk user who registers the demo people. */
export const registrar = demoSignIns.find((s) => s.username === 'desk1')!
