/**
 * Member numbers: what a member and the desk type and read aloud. 'M' and 7
 * Crockford base32 characters (no I, L, O or U: nothing to confuse with 1, 0
 * or V, and no accidental words), 35 random bits — room for billions of
 * numbers, so a clash is rare and caught when the number is registered.
 */
import { normaliseMemberNo } from '@/core/shared/normalise'

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const length = 7
const memberNoPattern = /^M[0-9A-HJKMNP-TV-Z]{7}$/

/** A member number from at least 5 random bytes (the caller's CSPRNG: core takes no randomness of its own). */
export function memberNumberFrom(random: Uint8Array): string {
  if (random.length * 8 < length * 5) throw new RangeError(`need ${Math.ceil((length * 5) / 8)} random bytes, got ${random.length}`)
  let out = 'M'
  for (let i = 0; i < length; i++) {
    // The i-th group of 5 bits, read big-endian across byte boundaries: every character is uniform.
    let value = 0
    for (let bit = i * 5; bit < i * 5 + 5; bit++) value = (value << 1) | (((random[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1)
    out += crockford[value]
  }
  return out
}

/** Does `s`, as typed (any case, fullwidth, spaces around), read as a member number? */
export function looksLikeMemberNo(s: string): boolean {
  return memberNoPattern.test(normaliseMemberNo(s))
}

/**
 * A typed member number in the form it was issued, reading the letters
 * Crockford base32 reads as digits (O → 0, I and L → 1) and dropping the
 * hyphens and spaces people add: "m7k3-qx9a" → "M7K3QX9A". Anything that is
 * then not a member number comes back as `normaliseMemberNo` left it.
 */
export function canonicalMemberNo(s: string): string {
  const plain = normaliseMemberNo(s).replace(/[\s-]+/g, '')
  if (!plain.startsWith('M')) return normaliseMemberNo(s)
  const canonical = 'M' + plain.slice(1).replace(/O/g, '0').replace(/[IL]/g, '1')
  return memberNoPattern.test(canonical) ? canonical : normaliseMemberNo(s)
}
