/** REC-1: what is wrong with a visit as typed at the desk, field by field (REC-2: and a refusal's reason). */
import { checkPerson } from '@/core/directory/person'
import { isLocalTime } from '@/core/shared/local-date'
import { textLimits, withinLimit } from '@/core/shared/text-limits'
import type { ReceptionSettings } from './types'

export type VisitField = 'name' | 'phone' | 'organisation' | 'category' | 'purpose' | 'host' | 'reason' | 'appointment'
export type VisitProblem = 'required' | 'too-long' | 'not-a-phone' | 'unknown-category' | 'retired-category' | 'host-unknown' | 'host-left' | 'not-a-time'

export interface VisitInput {
  name: string
  phone?: string
  organisation?: string
  category: string
  purpose: string
  hostId: string
  /** The desk refuses this visitor (REC-2); absent: when the category's level is `refuse`. */
  refused?: boolean
  /** Why the visitor is refused: required then, at most `textLimits.reason`. */
  reason?: string
  /** REC-1: the time of their appointment, if they have one (`HH:MM`, the organisation's local time that day). */
  appointmentTime?: string
}

/** The directory's phone rule (person.ts), on a stand-in person: a visitor's phone is the same field. */
function phoneProblem(phone: string): VisitProblem | undefined {
  if (!withinLimit(phone, textLimits.phone)) return 'too-long'
  // No ID number is given, so the date (which only ID birth dates are checked against) plays no part.
  return checkPerson({ name: '-', phone }, '2000-01-01').phone ? 'not-a-phone' : undefined
}

function textProblem(text: string, max: number): VisitProblem | undefined {
  if (text.trim() === '') return 'required'
  return withinLimit(text, max) ? undefined : 'too-long'
}

/**
 * REC-1: every problem at once, so the form can show each next to its field; empty when the visit may be saved.
 * Name (at most 60), purpose (at most 200), category and host are required; phone and organisation are optional
 * (checked when given, as the directory checks them). A retired category takes no new visit; a host must be on
 * the staff (`hosts`: the staff directory) and not have left.
 */
export function checkVisitInput(
  input: VisitInput,
  ctx: { settings: ReceptionSettings; hosts: { userId: string; active: boolean }[] },
): Partial<Record<VisitField, VisitProblem>> {
  const problems: Partial<Record<VisitField, VisitProblem>> = {}
  const put = (field: VisitField, problem: VisitProblem | undefined) => {
    if (problem) problems[field] = problem
  }
  put('name', textProblem(input.name, textLimits.name))
  if (input.phone) put('phone', phoneProblem(input.phone))
  if (input.organisation && !withinLimit(input.organisation, textLimits.employer)) put('organisation', 'too-long')

  const category = ctx.settings.categories.find((c) => c.id === input.category)
  if (input.category === '') put('category', 'required')
  else if (!category) put('category', 'unknown-category')
  else if (category.retired) put('category', 'retired-category')

  put('purpose', textProblem(input.purpose, textLimits.reason))

  const host = ctx.hosts.find((h) => h.userId === input.hostId)
  if (input.hostId === '') put('host', 'required')
  else if (!host) put('host', 'host-unknown')
  else if (!host.active) put('host', 'host-left')

  const refusing = input.refused ?? category?.level === 'refuse'
  if (refusing) put('reason', textProblem(input.reason ?? '', textLimits.reason))
  else if (input.reason && !withinLimit(input.reason, textLimits.reason)) put('reason', 'too-long')
  if (input.appointmentTime && !isLocalTime(input.appointmentTime)) put('appointment', 'not-a-time')
  return problems
}
