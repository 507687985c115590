import type { ActionState } from '@/core/broadband/account-actions'

type Translate = (key: string, params?: Record<string, unknown>) => string

/** Why a disabled action is disabled, in the user's language (shown next to its button); nothing when it is open. */
export function refusalText(t: Translate, state: ActionState): string | undefined {
  if (state.allowed) return undefined
  return state.reason === 'notice-window' ? t('broadband.refusal.notice-window', { date: state.opensOn }) : t(`broadband.refusal.${state.reason}`)
}
