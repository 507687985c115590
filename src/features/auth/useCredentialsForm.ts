import { ref } from 'vue'

/** A message key and its values, as the form shows it. */
export type FormProblem = [string, Record<string, number>]

/**
 * A sign-in name and passphrase form (sign in, join from a new device): sent
 * once both are given, one request at a time; the passphrase is cleared as
 * soon as it has been used, whatever the answer. `handle` turns the answer
 * into a problem to show, or moves on (and returns nothing).
 */
export function useCredentialsForm<R>(send: (username: string, secret: string) => Promise<R>, handle: (result: R) => Promise<FormProblem | undefined>) {
  const username = ref('')
  const secret = ref('')
  const problem = ref<FormProblem>()
  const busy = ref(false)

  async function submit(): Promise<void> {
    problem.value = undefined
    if (!username.value.trim() || !secret.value) {
      problem.value = ['auth.problems.name-required', {}]
      return
    }
    busy.value = true
    try {
      const result = await send(username.value, secret.value)
      secret.value = ''
      problem.value = await handle(result)
    } finally {
      busy.value = false
    }
  }

  return { username, secret, problem, busy, submit }
}
