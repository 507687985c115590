/** What the bench runner (Node) and the broadband seed page (browser) exchange (bench/browser/broadband-seed.ts). */
import type { SeedUser } from './seed-types'

export interface BroadbandSeedSizes {
  seed: number
  /** Agreements (each with its subscriber in the directory and its status events). */
  accounts: number
  /** Fresh months kept for the timed bill runs (last month and the ones before it, none billed by the seed). */
  billRunMonths: number
  /** The history account's years of monthly history. */
  years: number
  /** Writes in flight at once; agreements and events go in bulk (`putMany`, `addMany`) of `batch`. */
  width: number
  batch: number
}

/** The broadband bench signs in as an agent: the `accounts` realm's key holder (front desk holds none). */
export interface BroadbandSeedUsers {
  admin: SeedUser
  manager: SeedUser
  agent: SeedUser
}

export interface BroadbandSeedResult {
  accounts: number
  suspended: number
  terminated: number
  statusEvents: number
  /** The history account: its id, its ledger's size and the months its statements are opened for. */
  historyAccountId: string
  /** Another account, opened between two timed statements so each reads the history account's ledger again. */
  otherAccountId: string
  historyLines: number
  statementMonths: string[]
  /** The months the timed bill runs bill, newest first. */
  billRunMonths: string[]
  today: string
  timeZone: string
  seconds: number
}

/** One bill run timed in the page through the store's actions and the core rules (before the bill-run screen exists). */
export interface StoreBillRun {
  month: string
  /** Agreements and their status events read and folded, the month's charges read, the preview computed. */
  previewMs: number
  /** The plan's entries sealed and written with their audit entries (one transaction). */
  postMs: number
  totalMs: number
  charged: number
  skipped: number
  /** Where the preview's time went. */
  parts: { agreementsMs: number; statusesMs: number; billedMs: number; planMs: number }
}

/** One statement opened in the page through the store (before the statement screen exists). */
export interface StoreStatement {
  month: string
  ms: number
  lines: number
}

/** One month's charges posted without audit on an in-memory clock, and another's audited on it (each a fresh month). */
export interface PostBreakdown {
  charges: number
  /** Sealed (AES-GCM, two blind indexes each) and written in one bulkPut. */
  sealAndWriteMs: number
  /** The same with an audit entry each (sealed to the audit key, hashed, signed, chained) in one transaction. */
  auditedMs: number
}
