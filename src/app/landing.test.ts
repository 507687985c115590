import { describe, expect, it } from 'vitest'
import type { RouteLocationNormalized } from 'vue-router'
import { can, type Permission } from '@/core/access/permissions'
import type { StaffRole } from '@/core/access/roles'
import { fieldModule } from '@/features/field/module'
import { landingsOf } from './compose-modules'
import { landingGuard } from './landing'

const as = (role: StaffRole) => () => ({ can: (p: Permission) => can(role, p) })
const to = (name: string, path: string) => ({ name, path, fullPath: path }) as unknown as RouteLocationNormalized
const run = (role: StaffRole, name: string, path: string) => (landingGuard(landingsOf([fieldModule]), as(role)) as (t: RouteLocationNormalized) => unknown)(to(name, path))

describe('issue 15 §4: a technician starts on their jobs', () => {
  it('sends a technician from the home page to /field; other roles stay on the home page', () => {
    expect(run('technician', 'home', '/')).toEqual({ path: '/field', replace: true })
    for (const role of ['frontdesk', 'agent', 'lead', 'manager', 'admin'] as const) expect(run(role, 'home', '/'), role).toBe(true)
  })

  it('leaves every other address alone, for a technician too', () => {
    expect(run('technician', 'diagnostics', '/diagnostics')).toBe(true)
    expect(run('technician', 'field-job', '/field/jobs/job:1')).toBe(true)
  })
})
