import { describe, expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import BaseConfirmAction from './BaseConfirmAction.vue'

const words = { label: 'Reissue card', question: 'The old card stops working.', confirmLabel: 'Reissue', cancelLabel: 'Keep it' }

describe('BaseConfirmAction: a button that asks in place before it acts', () => {
  it('shows only its opener, closed and named by its test id, until it is pressed', async () => {
    const html = await renderToString(createSSRApp({ render: () => h(BaseConfirmAction, { ...words, testid: 'card-reissue' }) }))
    expect(html).toMatch(/<button[^>]*aria-expanded="false"[^>]*data-testid="card-reissue"[^>]*>(<!--\[-->)?Reissue card/)
    expect(html).not.toContain('card-reissue-confirm')
    expect(html).not.toContain(words.question)
  })

  it('keeps the opener disabled when asked to', async () => {
    const html = await renderToString(createSSRApp({ render: () => h(BaseConfirmAction, { ...words, testid: 'tier-remove', disabled: true }) }))
    expect(html).toMatch(/<button[^>]*disabled[^>]*data-testid="tier-remove"/)
  })
})
