/**
 * CUST-1: the few businesses on campus that take broadband, with their customer file (legal representative,
 * licence number with its GB 32100-2015 check character, address, postcode, phone, fax, business scope, registered
 * capital). The agent registers each in the directory when it subscribes (broadband-writes.ts). Pure and seeded.
 */
import { licenceCheckCharacter } from '@/core/directory/customer-file'
import type { Person } from '@/core/directory/person'
import { generatePeople, mulberry32 } from './people'

const shops = [
  { name: '启明图文快印有限公司', scope: '图文设计制作；打印、复印、装订服务', capital: 10_000_000, street: '学苑路 18 号' },
  { name: '拾光咖啡有限公司', scope: '餐饮服务；咖啡、饮品制售', capital: 30_000_000, street: '学苑路 26 号' },
  { name: '优选便利店有限公司', scope: '日用百货、预包装食品零售', capital: 5_000_000, street: '东区商业街 3 号' },
  { name: '东区速递服务部', scope: '快递收寄、代收代投服务', capital: 2_000_000, street: '东区商业街 9 号' },
]
// The characters of a unified social credit code (no I, O, S, V, Z).
const codeCharacters = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** How many businesses subscribe (fewer in a demo with few accounts). */
export const businessCount = shops.length

/** The businesses, without `createdAt` (the plan registers each just before its agreement opens). */
export function generateBusinesses(seed: number): Omit<Person, 'createdAt'>[] {
  const rng = mulberry32((seed ^ 0x62697a21) >>> 0)
  const int = (n: number) => Math.floor(rng() * n)
  // Representatives and phones from the demo's people generator, with a seed of their own.
  const people = generatePeople(seed + 17, shops.length)
  return shops.map((shop, i) => {
    // Registered by market regulation (9, 1: a company), in Guangzhou's Panyu district, then the organisation code.
    const first17 = `91440113${Array.from({ length: 9 }, () => codeCharacters[int(codeCharacters.length)]).join('')}`
    return {
      name: shop.name,
      kind: 'business',
      phone: people[i]!.phone!,
      legalRepresentative: people[i]!.name,
      licenceNo: first17 + licenceCheckCharacter(first17),
      address: `广州市番禺区大学城${shop.street}`,
      postcode: '510006',
      fax: `020-3938${String(1000 + int(9000))}`,
      businessScope: shop.scope,
      registeredCapital: shop.capital,
    }
  })
}
