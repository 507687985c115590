import type { Person } from '@/core/directory/person'
import { foundDemoOrganisation, joinFresh, type SignedIn } from './organisation'
import { generatePeople } from './people'
import { ensureEmpty, serverCounts, type DemoServer } from './server'
import { demoSignIns, registrar } from './sign-ins'

/** People per sync round: each batch is sealed on the front-desk device, then pushed. */
const batchSize = 250

export interface DemoSummary {
  counts: { database: string; docs: number }[]
  seconds: { organisation: number; people: number; total: number }
}

const since = (t: number) => Math.round((performance.now() - t) / 100) / 10

/**
 * The front-desk user registers the people on their device, through the
 * people repository (field clocks, blind indexes, sealing, an audit entry for
 * each), and the device syncs after every batch.
 */
async function registerPeople(desk: SignedIn, people: Person[], out: (line: string) => void): Promise<void> {
  const engine = desk.device.engine(desk.session)
  try {
    for (let i = 0; i < people.length; i += batchSize) {
      for (const person of people.slice(i, i + batchSize)) await desk.device.storage.people.put(person)
      await desk.device.sync(desk.session, engine)
      out(`  people: ${Math.min(i + batchSize, people.length)}/${people.length} registered by ${desk.spec.username} and synced`)
    }
  } finally {
    await engine.close()
  }
}

/** Everything `npm run demo` does to a server, once it has one. */
export async function runDemo(server: DemoServer, options: { seed: number; people: number; forceNew: boolean }, out: (line: string) => void): Promise<DemoSummary> {
  const started = performance.now()
  await ensureEmpty(server, demoSignIns.map((s) => s.username), options.forceNew, out)
  out(`Demo organisation on ${server.base} (Argon2id at the app's cost: a few seconds)`)
  await foundDemoOrganisation(server.base, server.admin, demoSignIns, out)
  const organisation = since(started)

  const peopleStart = performance.now()
  const people = generatePeople(options.seed, options.people)
  out(`People: ${people.length} from seed ${options.seed}, in batches of ${batchSize}`)
  const desk = await joinFresh(server.base, registrar)
  out(`  ${registrar.username}: joined from a fresh front-desk device with their passphrase`)
  await registerPeople(desk, people, out)
  return { counts: await serverCounts(server.admin), seconds: { organisation, people: since(peopleStart), total: since(started) } }
}
