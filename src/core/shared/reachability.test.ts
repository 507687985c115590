import { describe, expect, it } from 'vitest'
import { probeEveryMs, reachability } from './reachability'

describe('network indicator', () => {
  it('says offline when the browser is offline, whatever the server said last', () => {
    expect(reachability(false, true)).toBe('offline')
    expect(reachability(false, undefined)).toBe('offline')
  })
  it('says offline when the browser is online but the sync server did not answer (a LAN with no route to it)', () => {
    expect(reachability(true, false)).toBe('offline')
  })
  it('says online when the sync server answers, and takes the browser’s word before it was first asked', () => {
    expect(reachability(true, true)).toBe('online')
    expect(reachability(true, undefined)).toBe('online')
  })
  it('asks more often while offline, to notice the way back soon', () => {
    expect(probeEveryMs.offline).toBeLessThan(probeEveryMs.online)
  })
})
