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

/** The reception bench's seed (bench/browser/reception-seed.ts): past visits by returning visitors. */
export interface ReceptionSeedSizes {
  seed: number
  visitors: number
  visits: number
  years: number
  /** Staff a visitor comes to see, besides the manager and the desk user. */
  hosts: number
  /** How many returning visitors' phones to hand back for the timed registrations. */
  sample: number
  width: number
}

export interface ReceptionSeedResult {
  visitors: number
  visits: number
  hosts: number
  today: string
  /** Phones of returning visitors (suppliers and parents), spread over all of them. */
  phones: string[]
  seconds: number
}
