import { describe, expect, it } from 'vitest'
import { channelsFor } from './channels'

describe('REC-7: an incident leaves a device only in its author\'s own round', () => {
  const channels = channelsFor(['desk'], false, 'lobby_', 'desk1')
  const incident = (by: string) => ({ _id: `incident:host1:i1`, type: 'incident', to: 'host1', by })
  const pushing = (row: Record<string, unknown>) => channels.filter((c) => c.push && c.tables.includes('notices') && (c.accept?.(row) ?? true))

  it('REC-7: the signed-in author\'s incident goes through their own push-only channel, not the shared one', () => {
    expect(pushing(incident('desk1')).map((c) => [c.database, c.pull])).toEqual([['lobby_org', false]])
  })
  it('REC-7: a colleague\'s incident on a shared tablet is not pushed in this user\'s round (the server would refuse it for good)', () => {
    expect(pushing(incident('desk2'))).toEqual([])
  })
})
