import { BroadbandOpsPage } from './broadband-ops.page'

/** What the three-month journey (issue 12) reads and does on top of the runs' page object: worklist steps, the late fee, a statement. */
export class BroadbandJourneyPage extends BroadbandOpsPage {
  /** The worklist's rows as `step` names (data-step) for one account, with the amount owed each shows. */
  async worklistSteps(accountNo: string): Promise<Array<{ step: string; text: string; owed: string }>> {
    await this.page.locator('[data-testid=worklist-row], [data-testid=worklist-none]').first().waitFor()
    const out: Array<{ step: string; text: string; owed: string }> = []
    for (const row of await this.page.locator(`[data-testid=worklist-row][data-account-no="${accountNo}"]`).all()) {
      out.push({
        step: (await row.getAttribute('data-step')) ?? '',
        text: ((await row.locator('.step').textContent()) ?? '').trim(),
        owed: ((await row.getByTestId('worklist-owed').textContent()) ?? '').trim(),
      })
    }
    return out
  }

  /** Confirms the worklist's `step` for the account; resolves with the page's confirmation. */
  async confirmStep(accountNo: string, step: string): Promise<string> {
    const row = this.page.locator(`[data-testid=worklist-row][data-account-no="${accountNo}"][data-step="${step}"]`)
    await row.getByTestId('worklist-act').click()
    await row.getByTestId('worklist-act-yes').click()
    await this.page.waitForFunction(() => !document.querySelector('[data-testid=worklist-done]')?.hasAttribute('hidden'))
    return ((await this.page.getByTestId('worklist-done').textContent()) ?? '').trim()
  }

  /** BB-5: the late-fee panel's sentences (the formula with its numbers), or [] when nothing is due. */
  async lateFeeFormula(): Promise<string[]> {
    const panel = this.page.getByTestId('broadband-late-fee')
    await panel.waitFor()
    return (await panel.getByTestId('broadband-line-why').allTextContents()).map((s) => s.trim())
  }

  /** BB-5: posts the late fee the panel shows; waits for the confirmation. */
  async postLateFee(): Promise<void> {
    await this.page.getByTestId('broadband-late-fee-submit').click()
    await this.page.getByTestId('broadband-late-fee').getByRole('status').waitFor()
  }

  /** A statement's figures and lines as shown: each line its date, kind, reasons, debit and credit. */
  /** BB-5: the statement's late fee accrued and not yet charged: its heading and formula lines (none: []). */
  async statementAccrued(): Promise<string[]> {
    await this.page.getByTestId('broadband-statement-lines').waitFor()
    const section = this.page.getByTestId('broadband-statement-accrued')
    if ((await section.count()) === 0) return []
    return [((await section.locator('h2').textContent()) ?? '').trim(), ...(await section.getByTestId('broadband-line-why').allTextContents()).map((s) => s.trim())]
  }

  async statement(): Promise<{ opening: string; debits: string; credits: string; closing: string; overdue: string; lines: Array<{ on: string; kind: string; why: string[]; debit: string; credit: string }> }> {
    await this.page.getByTestId('broadband-statement-lines').waitFor()
    const text = async (testid: string) => ((await this.page.getByTestId(testid).textContent()) ?? '').trim()
    const lines = []
    for (const row of await this.page.getByTestId('broadband-statement-line').all()) {
      const cells = (await row.locator('td').allTextContents()).map((s) => s.trim())
      lines.push({
        on: cells[0] ?? '',
        kind: ((await row.locator('strong').textContent()) ?? '').trim(),
        why: (await row.getByTestId('broadband-line-why').allTextContents()).map((s) => s.trim()),
        debit: cells[2] ?? '',
        credit: cells[3] ?? '',
      })
    }
    return {
      opening: await text('broadband-statement-opening'),
      debits: await text('broadband-statement-debits'),
      credits: await text('broadband-statement-credits'),
      closing: await text('broadband-statement-closing'),
      overdue: await text('broadband-statement-overdue'),
      lines,
    }
  }

  /** Moves to the previous or next month's statement (an in-app move); waits for its heading to name `month`. */
  async statementMonth(direction: 'previous' | 'next', month: string): Promise<void> {
    await this.page.getByTestId(`broadband-statement-${direction}`).click()
    await this.page.waitForURL((u) => u.pathname.endsWith(`/statement/${month}`))
    await this.page.locator('h1', { hasText: month }).waitFor()
  }
}
