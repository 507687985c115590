import { personSigninSchema } from '@/core/self-service/signin'
import { defineMutable, mutableRecords } from '@/storage/records'
import type { RepoContext } from '@/storage/sealed-repo'

// Issue 14: one sign-in per person (`person-signin:<personId>`, read by id), and found by the member's server name
// (`parent`), so a sign-in name another person already holds is refused at the desk: a new code under it would reset
// that person's account.
const signin = defineMutable({
  type: 'person-signin',
  realm: 'directory',
  version: 1,
  schema: personSigninSchema,
  indexes: (s) => ({ parent: s.userId }),
})

export const signinIdOf = (personId: string): string => `person-signin:${personId}`

/** Members' sign-ins as the serving staff keep them (directory realm). */
export const createSigninRecords = (ctx: RepoContext) => mutableRecords(ctx, signin)
export type SigninRecords = ReturnType<typeof createSigninRecords>
