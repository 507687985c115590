import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { createI18n } from 'vue-i18n'
import { en } from '@/locales/en'
import { zhCN } from '@/locales/zh-CN'
import BaseMoneyField from './BaseMoneyField.vue'

/** The field as the server renderer writes it, in one UI language. */
async function render(locale: 'en' | 'zh-CN', props: Record<string, unknown>): Promise<string> {
  const app = createSSRApp({ render: () => h(BaseMoneyField, { label: 'Amount kept (yuan)', testid: 'kept', ...props }) })
  app.use(createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } }))
  return renderToString(app)
}
const attribute = (html: string, name: string) => new RegExp(`<input[^>]* ${name}="([^"]*)"`).exec(html)?.[1]

describe('BaseMoneyField: an amount of yuan typed at the desk', () => {
  it('brings up the numeric keypad with a decimal point on phones, and its label names it', async () => {
    const html = await render('en', { modelValue: '' })
    expect(attribute(html, 'inputmode')).toBe('decimal')
    expect(new RegExp(`<label for="${attribute(html, 'id')}"`).test(html)).toBe(true)
    expect(attribute(html, 'aria-invalid')).toBeUndefined()
  })

  it('once the form is checked, says an amount money.ts cannot read is not one, in both languages, tied to the input', async () => {
    for (const [locale, words] of [['en', 'Enter an amount in yuan'], ['zh-CN', '请填写以元为单位的金额']] as const) {
      const html = await render(locale, { modelValue: '200.505', checked: true })
      expect(attribute(html, 'aria-invalid')).toBe('true')
      const note = attribute(html, 'aria-describedby')
      expect(new RegExp(`id="${note}"[^>]*role="alert"[^>]*>${words}`).test(html)).toBe(true)
    }
  })

  it('takes what parseYuan takes (fullwidth digits from a Chinese IME, grouped thousands), and says nothing of an amount still being typed before the check', async () => {
    for (const typed of ['２００', '1,000.50', '¥960']) expect(attribute(await render('zh-CN', { modelValue: typed, checked: true }), 'aria-invalid')).toBeUndefined()
    for (const typed of ['', '960.', '1,0']) expect(attribute(await render('en', { modelValue: typed }), 'aria-invalid'), typed).toBeUndefined()
  })

  it('says while typing what no more typing can fix: letters, a minus, a third decimal', async () => {
    for (const typed of ['abc', '-5', '200.505']) expect(attribute(await render('en', { modelValue: typed }), 'aria-invalid'), typed).toBe('true')
  })

  it('names its ceiling while typing, in both languages: the ceiling itself is taken, one fen more is not', async () => {
    const max = 1_000_000_00
    expect(attribute(await render('en', { modelValue: '1,000,000.00', max }), 'aria-invalid')).toBeUndefined()
    for (const [locale, words] of [['en', 'At most ¥1,000,000.00'], ['zh-CN', '最多 ¥1,000,000.00']] as const) {
      const html = await render(locale, { modelValue: '1000000.01', max })
      expect(attribute(html, 'aria-invalid')).toBe('true')
      expect(html).toContain(words)
    }
    expect(await render('en', { modelValue: '99999999999', max })).toContain('At most ¥1,000,000.00')
  })

  it('shows the form\'s own problem with the amount before its help', async () => {
    const html = await render('en', { modelValue: '900', checked: true, help: 'The rest is refunded.', error: 'More than held.' })
    expect(attribute(html, 'aria-invalid')).toBe('true')
    expect(html).toContain('More than held.')
    expect(html).not.toContain('The rest is refunded.')
  })
})
