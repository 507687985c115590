import { useI18n } from 'vue-i18n'
import type { PersonProblem } from '@/core/directory/person'
import { localDateOf } from '@/core/shared/local-date'
import { textLimits } from '@/core/shared/text-limits'

const limitOf: Partial<Record<PersonProblem, number>> = {
  'name-too-long': textLimits.name,
  'organisation-too-long': textLimits.employer,
  'notes-too-long': textLimits.notes,
  'address-too-long': textLimits.address,
  'legal-representative-too-long': textLimits.name,
  'business-scope-too-long': textLimits.businessScope,
}

/** A person's problem in the user's language, with the maximum it names. */
export function usePersonProblemText() {
  const { t } = useI18n()
  return (problem: PersonProblem | undefined) => (problem ? t(`people.problems.${problem}`, { max: limitOf[problem] ?? 0 }) : undefined)
}

/**
 * The device's date, for what a form shows while typing. The save checks against the
 * organisation's date (people.store); the two differ only around midnight across zones.
 */
export const typingToday = () => localDateOf(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone)
