/**
 * Registers the generated month at the reception desk through the desk's own actions (reception-actions.ts), on
 * the front-desk user's device, as the register page does: the phone typed first (a returning visitor is found
 * and their directory record kept), then the visit; check-outs by hand; pre-registrations, one checked in with
 * a tap. Each action runs with the clock at the planned instant. Synced at the end.
 */
import { defaultReceptionSettings } from '@/core/reception/defaults'
import { localDateOf } from '@/core/shared/local-date'
import { checkInExpected, checkOutByHand, preRegister, registerVisit, returningVisitor, type Host, type ReceptionContext } from '@/features/reception/reception-actions'
import { createReceptionRecords } from '@/features/reception/reception-records'
import type { SignedIn } from './organisation'
import type { ReceptionPlan } from './reception'

export async function registerReception(desk: SignedIn, staff: SignedIn[], plan: ReceptionPlan, out: (line: string) => void): Promise<void> {
  const storage = desk.device.storage
  const records = createReceptionRecords(storage.recordContext)
  const hosts: Host[] = staff.map((s) => ({ userId: s.session.userId, name: s.spec.name, active: true }))
  const base = {
    records,
    people: storage.people,
    audit: storage.audit,
    settings: (await records.settings.get()) ?? defaultReceptionSettings(),
    org: (await storage.orgSettings.read()).settings,
    hosts,
    userId: desk.session.userId,
    deviceId: (await storage.deviceIdentity()).deviceId,
  }
  const at = (now: number): ReceptionContext => ({ ...base, now })
  const must = <T extends { ok: boolean }>(what: string, result: T): T & { ok: true } => {
    if (!result.ok) throw new Error(`reception: ${what} refused: ${JSON.stringify(result)}`)
    return result as T & { ok: true }
  }

  const checkOuts: { visitId: string; at: number }[] = []
  const visitIds: string[] = []
  for (const v of plan.visits) {
    const visitor = plan.visitors[v.visitor]!
    const ctx = at(v.at)
    const back = await returningVisitor(ctx, visitor.phone)
    const done = must(
      `the visit of ${visitor.phone}`,
      await registerVisit(ctx, {
        phone: visitor.phone,
        // A returning visitor: the desk leaves name and organisation blank (shown masked, kept from before).
        name: back ? '' : visitor.name,
        organisation: back ? '' : (visitor.organisation ?? ''),
        category: v.category,
        purpose: v.purpose,
        hostId: hosts[v.host]!.userId,
        ...(back ? { personId: back.personId } : {}),
        ...(v.interview ? { interview: v.interview } : {}),
        ...(v.refuseReason ? { refuseReason: v.refuseReason } : {}),
      }),
    )
    visitIds.push(done.visitId)
    if (v.checkOutAt) checkOuts.push({ visitId: done.visitId, at: v.checkOutAt })
  }
  out(`  reception: ${plan.visits.length} visits registered by ${desk.spec.username} (${plan.visits.filter((v) => v.refuseReason).length} refused)`)

  for (const e of plan.expected) {
    const visitor = plan.visitors[e.visitor]!
    const made = must(
      `the pre-registration of ${visitor.phone}`,
      await preRegister(at(e.madeAt), { day: e.day, name: visitor.name, phone: visitor.phone, ...(visitor.organisation ? { organisation: visitor.organisation } : {}), category: e.category, purpose: e.purpose, hostId: hosts[e.host]!.userId }),
    )
    if (!e.arrivesAt) continue
    const arrived = must(`the check-in of expected ${visitor.phone}`, await checkInExpected(at(e.arrivesAt), made.id))
    if (e.checkOutAt) checkOuts.push({ visitId: arrived.visitId, at: e.checkOutAt })
  }
  for (const c of checkOuts.sort((a, b) => a.at - b.at)) must('a check-out', await checkOutByHand(at(c.at), c.visitId))
  // REC-7: visitors seen without their badge, recorded by the desk against their hosts (sealed to each host and the managers).
  for (const incident of plan.incidents) {
    const visit = plan.visits[incident.visit]!
    const staffId = hosts[visit.host]!.userId
    await storage.incidents.record({ kind: 'no-badge', staffId, visitId: visitIds[incident.visit]!, note: incident.note, at: incident.at, day: localDateOf(incident.at, base.org.timeZone) }, base.settings.ladders['no-badge'])
  }
  await desk.device.sync(desk.session)
  out(`  reception: ${plan.expected.length} pre-registrations, ${checkOuts.length} check-outs by hand, ${plan.incidents.length} badge incidents; synced`)
}
