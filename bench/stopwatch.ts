/**
 * In-page timing, so a figure is the app's time and not Playwright's round trips: `arm` starts
 * the clock at the next trusted Enter key or click (or now) and stops it at the first DOM change
 * after which the condition holds (a MutationObserver: the verdict or rows are in the document).
 * Plain JavaScript, installed with addInitScript before the app loads.
 */
export const stopwatchScript = `
(() => {
  const conditions = {
    verdict: () => document.querySelector('[data-testid=checkin-verdict]') !== null,
    newPeopleRows: (before) => {
      const row = document.querySelector('[data-testid=people-table] tbody tr')
      return row !== null && row.getAttribute('data-person') !== before
    },
    memberRows: (n) => document.querySelectorAll('[data-testid=members-table] tbody tr').length >= n,
    // A new "visit saved" panel: the look-up removes the last one, so the same element is not this visit's.
    visitSaved: (before) => {
      const saved = document.querySelector('[data-testid=reception-registered]')
      return saved !== null && saved !== before
    },
    // The member's phone: a month's statement with its closing balance on screen.
    statementShown: () => document.querySelector('[data-testid=self-statement-closing]')?.checkVisibility() === true,
  }
  window.__stopwatch = {
    // Resolves once check() holds (at the first DOM change after which it does); rejects after ms, saying what the page shows.
    until(what, check, ms) {
      return new Promise((resolve, reject) => {
        if (check()) return resolve()
        const timer = setTimeout(() => {
          observer.disconnect()
          const screen = (document.querySelector('main') ?? document.body).textContent?.replace(/\s+/g, ' ').slice(0, 300)
          reject(new Error(what + ' did not happen within ' + ms / 1000 + ' s; the page shows: ' + screen))
        }, ms)
        const observer = new MutationObserver(() => {
          if (!check()) return
          observer.disconnect()
          clearTimeout(timer)
          resolve()
        })
        observer.observe(document.body, { childList: true, subtree: true, attributes: true })
      })
    },
    firstPerson: () => document.querySelector('[data-testid=people-table] tbody tr')?.getAttribute('data-person') ?? '',
    arm(name, arg, startOn) {
      let t0 = startOn === 'now' ? performance.now() : undefined
      const start = (e) => {
        if (t0 !== undefined) return
        if (startOn === 'enter' && e.key !== 'Enter') return
        t0 = performance.now()
      }
      const event = startOn === 'enter' ? 'keydown' : 'click'
      if (startOn !== 'now') document.addEventListener(event, start, { capture: true })
      this.result = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (t0 === undefined || !conditions[name](arg)) return
          observer.disconnect()
          document.removeEventListener(event, start, { capture: true })
          resolve(performance.now() - t0)
        })
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
      })
    },
  }
})()
`

export interface Stopwatch {
  arm(name: 'verdict' | 'newPeopleRows' | 'memberRows' | 'visitSaved' | 'statementShown', arg: unknown, startOn: 'enter' | 'click' | 'now'): void
  result: Promise<number>
  until(what: string, check: () => boolean, ms: number): Promise<void>
  firstPerson(): string
}
