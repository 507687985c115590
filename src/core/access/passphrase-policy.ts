/** Why a passphrase was refused; the UI turns each into words in the user's language. */
export type PassphraseProblem = 'too-short' | 'too-simple' | 'contains-name' | 'common'

/** Minimum length: a passphrase of a few words, not a password. */
export const minPassphraseLength = 12

const common = ['password', 'passw0rd', 'qwerty', '123456', 'letmein', 'welcome', 'iloveyou', 'admin', 'lobby', '11111111', 'abc123', 'woaini', 'zhongguo']

/**
 * A passphrase guards a key that cannot be reset by anyone, so it must resist
 * offline guessing: at least 12 characters, not one repeated or sequential
 * pattern, not built on a known weak word or the user's own name.
 */
export function checkPassphrase(passphrase: string, context: { username?: string; name?: string } = {}): PassphraseProblem | null {
  const p = passphrase.normalize('NFKC')
  const chars = Array.from(p)
  if (chars.length < minPassphraseLength) return 'too-short'
  const lower = p.toLowerCase()
  for (const part of [context.username, context.name]) {
    const n = part?.trim().toLowerCase()
    if (n && n.length >= 3 && lower.includes(n)) return 'contains-name'
  }
  if (common.some((w) => lower.replace(/[^a-z0-9]/g, '').startsWith(w) && lower.length < w.length + 6)) return 'common'
  if (new Set(chars).size < 5) return 'too-simple'
  if (isSequence(chars)) return 'too-simple'
  return null
}

// 'abcdefghijkl', '123456789012', 'zyxwvu…': each step the same distance.
function isSequence(chars: string[]): boolean {
  const codes = chars.map((c) => c.codePointAt(0) ?? 0)
  const steps = new Set(codes.slice(1).map((c, i) => c - (codes[i] ?? 0)))
  return steps.size === 1
}
