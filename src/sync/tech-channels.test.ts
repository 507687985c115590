import { describe, expect, it } from 'vitest'
import { replicatedRealms } from '@/core/access/realm-access'
import { readsAudit } from '@/core/access/roles'
import { channelsFor } from './channels'
import { techniciansWatched, watchedChannel } from './remote-watch'

/** What a device of `role` replicates, holding the keys of `held` (as browser-sync.ts works it out each round). */
const channelsOf = (role: 'technician' | 'lead' | 'agent' | 'frontdesk', userId: string, held: string[]) =>
  channelsFor(replicatedRealms({ role, userId }, held), readsAudit(role), 'lobby_', userId)

describe('issue 15 §4: the technician\'s phone replicates its own realm and watches it', () => {
  it('a technician replicates their own database and the organisation\'s public, org and audit ones, nothing else', () => {
    // Holding a colleague's key by mistake does not add their database: a technician holds only their own realm.
    const channels = channelsOf('technician', 't1', ['tech:t1', 'tech:t2', 'desk'])
    expect([...new Set(channels.map((c) => c.database))].sort()).toEqual(['lobby_audit', 'lobby_org', 'lobby_public', 'lobby_tech_7431'])
    expect(channels.filter((c) => c.realm).map((c) => [c.realm, c.push, c.pull])).toEqual([['tech:t1', true, true]])
    // The audit log goes out (their own chain) and never comes in: technicians do not read it.
    expect(channels.filter((c) => c.database === 'lobby_audit').map((c) => [c.push, c.pull])).toEqual([[true, false]])
  })

  it('the live feed between rounds watches the technician\'s own database, so a dispatched job arrives in seconds', () => {
    expect(watchedChannel(channelsOf('technician', 't1', ['tech:t1']), 't1')?.database).toBe('lobby_tech_7431')
    // Without the user's id (an older caller), or before the realm's key is held: the organisation's, as before.
    expect(watchedChannel(channelsOf('technician', 't1', ['tech:t1']))?.database).toBe('lobby_org')
    expect(watchedChannel(channelsOf('technician', 't1', []), 't1')?.database).toBe('lobby_org')
  })

  it('a lead watches the desk, not a technician\'s database; an agent the organisation\'s', () => {
    expect(watchedChannel(channelsOf('lead', 'l1', ['tech:t1']), 'l1')?.database).toBe('lobby_desk')
    expect(watchedChannel(channelsOf('agent', 'a1', []), 'a1')?.database).toBe('lobby_org')
  })

  it('a lead\'s or manager\'s feed takes turns with every technician\'s database it replicates, a technician\'s with none', () => {
    const watched = (role: 'technician' | 'lead' | 'agent', userId: string, held: string[]) => techniciansWatched(channelsOf(role, userId, held), userId).map((c) => c.database)
    expect(watched('lead', 'l1', ['tech:t1', 'tech:t2'])).toEqual(['lobby_tech_7431', 'lobby_tech_7432'])
    expect(watched('lead', 'l1', [])).toEqual([])
    // Their own is the technician's main feed already; a colleague's key held by mistake is not replicated at all.
    expect(watched('technician', 't1', ['tech:t1', 'tech:t2'])).toEqual([])
    expect(watched('agent', 'a1', ['tech:t1'])).toEqual([])
  })
})
