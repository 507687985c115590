import type { Person } from '@/core/directory/person'

/** mulberry32: a tiny seeded PRNG (32-bit state), plenty for sample data and the same on every machine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Common surnames, most frequent first (the pick is skewed toward the front), then a few compound ones.
const surnames = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
)
const compoundSurnames = ['欧阳', '司马', '上官', '诸葛', '东方', '慕容', '司徒', '令狐']
const givenChars = Array.from(
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞辉婷雪琳晨浩宇轩子涵欣怡梓睿博文思佳嘉一诺雨泽俊昊然瑞凯家建国志海丹宁颖慧倩晓云鑫斌亮波春龙彬诚萌璐瑶',
)
const mobilePrefixes = ['130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189']
// Administrative division codes (the first 6 digits of an ID number) of districts in large cities.
const regions = ['110101', '110105', '310104', '310115', '440106', '440305', '330106', '510107', '420111', '320102', '370102', '610113', '500103', '120101', '430104']
const organisations = [
  '华信科技有限公司', '东方贸易集团', '城南社区服务中心', '星河物业管理有限公司', '长江建筑工程公司', '蓝天教育咨询中心', '南山区第一中学', '市人民医院',
  '海天餐饮管理公司', '鸿运物流有限公司', '绿源农业合作社', '明德律师事务所', '顺丰快递网点', '新华书店', '青松养老院', '万家超市',
]
const notes = ['常客', '需要发票', '周末来访', '带访客', '电话联系优先', 'VIP 候选']

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
/** GB 11643-1999 check character of the first 17 digits of a resident ID number. */
export function idCheckDigit(first17: string): string {
  const sum = Array.from(first17).reduce((s, d, i) => s + Number(d) * idWeights[i]!, 0)
  return '10X98765432'[sum % 11]!
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

/**
 * `count` people, the same for the same seed on every run and machine: Chinese
 * names, unique mobile numbers, and for some an 18-digit ID number (valid birth
 * date and check digit), an organisation and a note. Registration times fall in
 * 2025–2026 in the order generated.
 */
export function generatePeople(seed: number, count: number): Person[] {
  const rng = mulberry32(seed)
  const int = (n: number) => Math.floor(rng() * n)
  const pick = <T>(list: readonly T[]) => list[int(list.length)]!
  const phones = new Set<string>()
  const start = Date.UTC(2025, 0, 1, 1, 0, 0)
  const span = Date.UTC(2026, 10, 1) - start
  const people: Person[] = []
  for (let i = 0; i < count; i++) {
    const surname = rng() < 0.03 ? pick(compoundSurnames) : surnames[Math.floor(rng() * rng() * surnames.length)]!
    const given = Array.from({ length: rng() < 0.7 ? 2 : 1 }, () => pick(givenChars)).join('')
    let phone: string
    do phone = pick(mobilePrefixes) + pad(int(100_000_000), 8)
    while (phones.has(phone))
    phones.add(phone)
    const person: Person = { name: surname + given, phone, createdAt: new Date(start + Math.floor((span * i) / count) + int(3_600_000)).toISOString() }
    if (rng() < 0.45) {
      const birth = new Date(Date.UTC(1950, 0, 1) + int(Date.UTC(2006, 0, 1) - Date.UTC(1950, 0, 1)))
      const first17 = pick(regions) + birth.toISOString().slice(0, 10).replaceAll('-', '') + pad(int(1000), 3)
      person.idNumber = first17 + idCheckDigit(first17)
    }
    if (rng() < 0.6) person.organisation = pick(organisations)
    if (rng() < 0.1) person.notes = pick(notes)
    people.push(person)
  }
  return people
}
