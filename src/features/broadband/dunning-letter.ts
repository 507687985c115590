import { addDaysTo } from '@/core/shared/local-date'
import { formatFen } from '@/core/shared/money'
import type { Fen, LocalDate } from '@/core/shared/units'

/** BB-4: the days between the dunning notice and the credit-record entry if still unpaid. */
export const creditRecordAfterDays = 6

/** What a dunning notice says: whose account, what is owed since when, and on which day it was given. */
export interface DunningLetterFacts {
  organisation: string
  accountNo: string
  accountName: string
  owed: Fen
  /** The due date of the oldest unpaid amount. */
  due: LocalDate
  /** The day the notice is given. */
  on: LocalDate
  /** BB-4: the subscriber's department, when it is told as well. */
  department?: string
}

interface Filled {
  org: string
  no: string
  name: string
  owed: string
  due: string
  on: string
  last: string
  dept?: string
}

type Locale = 'en' | 'zh-CN'

// Written out here rather than in the page's words: the letter is a document the subscriber keeps, its text a
// pure function of the facts (tested to the character), whatever the screen around it.
const en = {
  title: 'Notice of unpaid broadband charges',
  lines: (f: Filled) => [
    `Date: ${f.on}`,
    `Account: ${f.no} (${f.name})`,
    ...(f.dept ? [`Copy to: ${f.dept}`] : []),
    `Our records show ${f.owed} unpaid on this broadband account, due on ${f.due}.`,
    `Please pay at the counter or on our website by ${f.last}. Arrears still unpaid then are entered in the credit record, and an account more than one month overdue may be suspended.`,
    f.org,
  ],
  message: (f: Filled) =>
    `${f.org}: broadband account ${f.no} (${f.name}) owes ${f.owed}, due on ${f.due}. Please pay at the counter or on our website by ${f.last}, or the arrears will be entered in the credit record.`,
}

const zhCN: typeof en = {
  title: '宽带欠费催缴通知',
  lines: (f) => [
    `日期：${f.on}`,
    `账号：${f.no}（${f.name}）`,
    ...(f.dept ? [`抄送：${f.dept}`] : []),
    `经查，该宽带账号欠费 ${f.owed}，应缴日期为 ${f.due}。`,
    `请于 ${f.last} 前到柜台或官网缴费。逾期未缴将记入信用记录；欠费超过一个月的账号可被暂停服务。`,
    f.org,
  ],
  message: (f) => `【${f.org}】宽带账号 ${f.no}（${f.name}）欠费 ${f.owed}，应缴日期 ${f.due}。请于 ${f.last} 前到柜台或官网缴费，逾期将记入信用记录。`,
}

const texts: Record<Locale, typeof en> = { en, 'zh-CN': zhCN }

function fill(facts: DunningLetterFacts, locale: Locale): Filled {
  return {
    org: facts.organisation,
    no: facts.accountNo,
    name: facts.accountName,
    owed: formatFen(facts.owed, locale),
    due: facts.due,
    on: facts.on,
    last: addDaysTo(facts.on, creditRecordAfterDays),
    ...(facts.department ? { dept: facts.department } : {}),
  }
}

/** BB-4: the printable dunning letter, a title and its lines, in the subscriber's language. */
export function dunningLetter(facts: DunningLetterFacts, locale: Locale): { title: string; lines: string[] } {
  return { title: texts[locale].title, lines: texts[locale].lines(fill(facts, locale)) }
}

/** BB-4: the same notice as one message text to copy into an SMS or a group chat. */
export function dunningMessage(facts: DunningLetterFacts, locale: Locale): string {
  return texts[locale].message(fill(facts, locale))
}
