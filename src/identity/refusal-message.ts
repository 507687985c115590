import type { SignInRefusal } from './sign-in'

/** The i18n key and values that put a sign-in refusal into words. */
export function refusalMessage(r: SignInRefusal): [string, Record<string, number>] {
  switch (r.reason) {
    case 'wait':
      return ['auth.problems.wait', { seconds: r.seconds }]
    case 'wrong-pin':
      return ['auth.problems.wrong-pin', { attemptsLeft: r.attemptsLeft }]
    case 'untrusted-root':
      return ['trust.untrustedRoot', {}]
    default:
      return [`auth.problems.${r.reason}`, {}]
  }
}
