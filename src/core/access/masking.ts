/**
 * CONF-4: day-to-day screens show masked values; full values only under an
 * approved access grant. Each function takes the clear value and returns what
 * a list screen may show. They work on code points, so CJK and emoji are never split.
 * The stars are a fixed number, never one per hidden character: a mask that grows
 * with the value tells its length (and a 10,000-character name would widen every list).
 */

const star = '*'
const stars = (n: number) => star.repeat(Math.max(0, n))
const chars = (s: string) => Array.from(s.trim())

/** CONF-4: phone `13812345678` → `138****5678` (4 stars for any longer number too); short numbers keep only their last 2 digits. */
export function maskPhone(phone: string): string {
  const c = chars(phone).filter((ch) => ch !== ' ' && ch !== '-')
  if (c.length === 0) return ''
  if (c.length <= 4) return stars(c.length)
  if (c.length < 8) return stars(c.length - 2) + c.slice(-2).join('')
  return c.slice(0, 3).join('') + stars(4) + c.slice(-4).join('')
}

/** Two-character surnames common enough to keep whole (`欧阳修` → `欧阳*`). */
const compoundSurnames = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕',
  '令狐', '钟离', '端木', '南宫', '西门', '独孤', '申屠', '太史', '呼延', '闻人', '百里', '澹台', '公冶', '赫连',
])
const han = /\p{Script=Han}/u

const hidden = stars(2)

/**
 * CONF-4: a Chinese name keeps its surname and shows 2 stars for the rest: `张三` → `张**`,
 * `张小明` → `张**`, `欧阳娜娜` → `欧阳**`; a name in Latin letters keeps the initials of its first
 * two words (`Ann Lee` → `A** L**`).
 */
export function maskName(name: string): string {
  const c = chars(name)
  if (c.length === 0) return ''
  if (!han.test(c[0] ?? '')) {
    return name
      .trim()
      .split(/\s+/)
      .slice(0, 2)
      .map((word) => (Array.from(word)[0] ?? '') + hidden)
      .join(' ')
  }
  if (c.length === 1) return hidden
  const surnameLength = c.length >= 3 && (compoundSurnames.has(c.slice(0, 2).join('')) || c.length >= 4) ? 2 : 1
  return c.slice(0, surnameLength).join('') + hidden
}

/**
 * CONF-4: the employer (单位) shown with a name identifies the person as much as the name does
 * (a small employer and a masked name are often one person): first character and 2 stars.
 */
export function maskEmployer(employer: string): string {
  const c = chars(employer)
  return c.length === 0 ? '' : (c[0] ?? '') + hidden
}

/** CONF-4: ID number `440106199001011234` → `4401**********1234` (region prefix and last 4 kept, always 10 stars between). */
export function maskIdNumber(id: string): string {
  const c = chars(id).filter((ch) => ch !== ' ')
  if (c.length === 0) return ''
  if (c.length < 9) return stars(c.length - 2) + c.slice(-2).join('')
  return c.slice(0, 4).join('') + stars(10) + c.slice(-4).join('')
}

const provinceLevel = /^(.+?(?:特别行政区|自治区|省))/u
const cityLevel = /^(.+?(?:自治州|地区|盟|市))/u
const districtLevel = /^(.+?(?:新区|区|县|旗|市))/u

/**
 * CONF-4: an address is shown down to its district: `广东省广州市天河区天河路385号` → `广东省广州市天河区****`.
 * Municipalities (`北京市朝阳区…`) and addresses without a province work too; an address we cannot
 * parse keeps only its first 6 characters.
 */
export function maskAddress(address: string): string {
  let rest = address.trim()
  if (rest === '') return ''
  let kept = ''
  for (const level of [provinceLevel, cityLevel, districtLevel]) {
    const m = level.exec(rest)
    if (m?.[1] && Array.from(m[1]).length <= 12) {
      kept += m[1]
      rest = rest.slice(m[1].length)
    }
  }
  if (kept === '' || rest === address.trim()) kept = chars(address).slice(0, 6).join('')
  return rest === '' ? kept : `${kept}****`
}
