/**
 * Sign-in as a user feels it: from pressing "Sign in" to the home page, which
 * includes Argon2id (64 MiB, t=3, p=1) in the KDF worker and opening the keyring.
 * Also the passphrase-less PIN unlock, which runs Argon2id too.
 */
const admin = { name: '基准', username: 'bench.admin', passphrase: 'benchmarks measure the real thing' }

import type { Browser } from 'playwright-core'

/** `runs` timed sign-ins after one untimed (the first loads the sign-in code and warms the KDF worker). */
export async function signInBench(browser: Browser, url: string, runs = 6): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' })
  const page = await context.newPage()
  await page.goto(`${url}/`)
  await page.getByTestId('org-name-zh').fill('基准会所')
  await page.getByTestId('org-name-en').fill('Bench Club')
  await page.getByTestId('org-admin-name').fill(admin.name)
  await page.getByTestId('org-username').fill(admin.username)
  await page.getByTestId('org-passphrase').fill(admin.passphrase)
  await page.getByTestId('org-passphrase-confirm').fill(admin.passphrase)
  await page.getByTestId('agreement-accept').check()
  await page.getByTestId('org-create').click()
  await page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })

  const samples: number[] = []
  for (let i = 0; i <= runs; i++) {
    await page.locator('nav a[href="/settings"]').click()
    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-in-username').fill(admin.username)
    await page.getByTestId('sign-in-secret').fill(admin.passphrase)
    const t0 = performance.now()
    await page.getByTestId('sign-in-submit').click()
    await page.getByTestId('signed-in-as').waitFor({ timeout: 60_000 })
    if (i > 0) samples.push(performance.now() - t0)
  }
  await context.close()
  return samples
}
