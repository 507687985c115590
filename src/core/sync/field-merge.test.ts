import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { mergeFields, stampChanges, type Clocked } from './field-merge'
import { formatHlc, parseHlc, receive, tick } from './hlc'

const at = (wall: number, device: string, count = 0) => formatHlc({ wall, count, device })

describe('hybrid logical clock', () => {
  it('orders by wall time, then counter, then device, as strings', () => {
    const a = at(1000, 'a')
    const b = at(1000, 'b')
    const c = at(1000, 'a', 1)
    const d = at(1001, 'a')
    expect([d, c, b, a].sort()).toEqual([a, b, c, d])
    expect(parseHlc(c)).toEqual({ wall: 1000, count: 1, device: 'a' })
  })
  it('keeps moving forward when the wall clock stalls or goes back', () => {
    const first = tick(undefined, 5000, 'a')
    const second = tick(first, 4000, 'a') // the tablet's clock was set back
    expect(formatHlc(second) > formatHlc(first)).toBe(true)
  })
  it('moves past a clock received from a device that runs ahead', () => {
    const mine = tick(undefined, 1000, 'a')
    const theirs = { wall: 9000, count: 3, device: 'b' }
    const next = receive(mine, theirs, 1000, 'a')
    expect(formatHlc(next) > formatHlc(theirs)).toBe(true)
  })
})

describe('field-by-field merge (ARCHITECTURE.md "Sync and conflicts")', () => {
  const base = stampChanges(undefined, { name: '张三', phone: '13800138000', notes: '' }, at(1, 'a'))

  it('keeps both edits when two devices changed different fields offline', () => {
    const onA = stampChanges(base, { ...base.fields, phone: '13900139000' }, at(5, 'a'))
    const onB = stampChanges(base, { ...base.fields, notes: '常客' }, at(6, 'b'))
    expect(mergeFields([onA, onB]).fields).toEqual({ name: '张三', phone: '13900139000', notes: '常客' })
  })

  it('takes the later edit when both changed the same field, and the device id breaks an exact tie', () => {
    const onA = stampChanges(base, { ...base.fields, phone: '13900139000' }, at(5, 'a'))
    const onB = stampChanges(base, { ...base.fields, phone: '13700137000' }, at(7, 'b'))
    expect(mergeFields([onA, onB]).fields.phone).toBe('13700137000')
    const tieA = stampChanges(base, { ...base.fields, phone: '1' }, at(9, 'a'))
    const tieB = stampChanges(base, { ...base.fields, phone: '2' }, at(9, 'b'))
    expect(mergeFields([tieA, tieB]).fields.phone).toBe('2')
  })

  it('does not restamp fields that did not change', () => {
    const next = stampChanges(base, { ...base.fields, notes: 'x' }, at(5, 'a'))
    expect(next.clocks.name).toBe(base.clocks.name)
    expect(next.clocks.notes).toBe(at(5, 'a'))
  })

  const version = fc.record({
    fields: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.oneof(fc.string(), fc.integer(), fc.constant(null))),
    device: fc.constantFrom('x', 'y', 'z'),
    wall: fc.nat(50),
  })
  const clocked = version.map(({ fields, device, wall }): Clocked => stampChanges(undefined, fields, at(wall, device)))

  it('converges whatever order the versions arrive in (commutative, associative, idempotent)', () => {
    fc.assert(
      fc.property(fc.array(clocked, { minLength: 1, maxLength: 5 }), (versions) => {
        const merged = mergeFields(versions)
        expect(mergeFields([...versions].reverse())).toEqual(merged)
        expect(mergeFields([merged, ...versions])).toEqual(merged)
        expect(mergeFields([mergeFields(versions.slice(0, 1)), mergeFields(versions.slice(1))])).toEqual(merged)
      }),
    )
  })
})
