import { describe, expect, it } from 'vitest'
import { dunningLetter, dunningMessage, type DunningLetterFacts } from './dunning-letter'

const facts: DunningLetterFacts = {
  organisation: '东湖校园网络中心',
  accountNo: 'KD-0042',
  accountName: '欧阳修',
  owed: 12_345,
  due: '2026-10-31',
  on: '2026-11-02',
}

describe('BB-4 dunning notice: the letter and the message text', () => {
  it('BB-4: the English letter names the account, the amount owed to the fen, the due date and the credit-record day 6 days after the notice', () => {
    const letter = dunningLetter(facts, 'en')
    expect(letter.title).toBe('Notice of unpaid broadband charges')
    expect(letter.lines).toContain('Account: KD-0042 (欧阳修)')
    expect(letter.lines.join('\n')).toContain('¥123.45')
    expect(letter.lines.join('\n')).toContain('due on 2026-10-31')
    expect(letter.lines.join('\n')).toContain('by 2026-11-08')
    expect(letter.lines[0]).toBe('Date: 2026-11-02')
  })

  it('BB-4: the Chinese letter says the same in Chinese', () => {
    const letter = dunningLetter(facts, 'zh-CN')
    expect(letter.title).toBe('宽带欠费催缴通知')
    expect(letter.lines).toContain('账号：KD-0042（欧阳修）')
    expect(letter.lines.join('\n')).toContain('¥123.45')
    expect(letter.lines.join('\n')).toContain('2026-11-08')
    expect(letter.lines.at(-1)).toBe('东湖校园网络中心')
  })

  it('BB-4: the message text for SMS or a group is one paragraph with account, amount and the last day', () => {
    expect(dunningMessage(facts, 'en')).toBe(
      '东湖校园网络中心: broadband account KD-0042 (欧阳修) owes ¥123.45, due on 2026-10-31. Please pay at the counter or on our website by 2026-11-08, or the arrears will be entered in the credit record.',
    )
    expect(dunningMessage(facts, 'zh-CN')).toBe('【东湖校园网络中心】宽带账号 KD-0042（欧阳修）欠费 ¥123.45，应缴日期 2026-10-31。请于 2026-11-08 前到柜台或官网缴费，逾期将记入信用记录。')
  })

  it('BB-4: copied to the subscriber\'s department, the letter says so', () => {
    const letter = dunningLetter({ ...facts, department: '历史系' }, 'en')
    expect(letter.lines).toContain('Copy to: 历史系')
    expect(dunningLetter(facts, 'en').lines.some((l) => l.startsWith('Copy to'))).toBe(false)
  })
})
