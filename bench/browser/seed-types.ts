/** What the bench runner (Node) and the seed page (browser) exchange. */
import type { StaffRole } from '@/core/access/roles'

export interface SeedSizes {
  seed: number
  people: number
  members: number
  checkIns: number
  years: number
  /** How many member numbers to hand back for scanning. */
  sample: number
  /** Writes in flight at once. */
  width: number
}

export interface SeedUser {
  name: string
  username: string
  passphrase: string
  role: StaffRole
}

export interface SeedUsers {
  admin: SeedUser
  manager: SeedUser
  desk: SeedUser
}

export interface SeedResult {
  people: number
  members: number
  fees: number
  checkIns: number
  today: string
  memberNos: string[]
  phones: string[]
  seconds: number
}
