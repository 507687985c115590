/**
 * The longest text each kind of field takes, in characters (code points: a CJK character or an
 * emoji is one). Long enough for any real value, short enough that one typo or paste cannot make a
 * list unreadable or a record huge: a 10,000-character name once made the People page 80,000 px wide.
 */
export const textLimits = {
  /** A person's name: the longest Chinese names are under 10 characters; Latin names with middle names fit too. */
  name: 60,
  /** A phone number as typed, with spaces, hyphens and a country code (E.164 numbers have at most 15 digits). */
  phone: 20,
  /** An identity document number as typed, spaces included (the longest, a resident ID, has 18). */
  idNumber: 30,
  /** An employer or organisation (单位): the longest registered company names are around 50 characters. */
  employer: 100,
  /** A postal address (CUST-1): province to room number, with a building's name. */
  address: 200,
  /** A business's registered scope (经营范围, CUST-1): copied from its licence, often several hundred characters. */
  businessScope: 2000,
  /** Free notes on a record. */
  notes: 500,
  /** Why something was done (a suspension, an override, a deposit kept): a sentence or two. */
  reason: 200,
  /** A short label a manager names something with (a tier's name). */
  label: 60,
} as const

/** Is `text` at most `max` characters long? */
export function withinLimit(text: string, max: number): boolean {
  if (text.length <= max) return true // at most `max` UTF-16 units is at most `max` code points
  let count = 0
  for (const _ of text) if (++count > max) return false
  return true
}
