import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// Issue 9: the layer edges of docs/architecture.md "Layers" are lint errors, not conventions; prove each one bites.
const eslint = new ESLint()
async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal')
}

// The first lint loads the whole config and its parsers: slow on a busy machine, so no 5 s default.
describe('layer edges lint', { timeout: 60_000 }, () => {
  it.each([
    // ui/ is presentational: no feature, no app shell.
    ["import { useSessionStore } from '@/features/auth/session.store'\nexport const a = useSessionStore\n", 'src/ui/example.ts'],
    ["import { setLocale } from '@/app/i18n'\nexport const a = setLocale\n", 'src/ui/example.ts'],
    // sync and storage sit below features and the app.
    ["import { checkRoot } from '@/features/auth/trust'\nexport const a = checkRoot\n", 'src/sync/example.ts'],
    ["import { router } from '@/app/router'\nexport const a = router\n", 'src/sync/example.ts'],
    ["import { checkRoot } from '@/features/auth/trust'\nexport const a = checkRoot\n", 'src/storage/example.ts'],
    ["import { router } from '@/app/router'\nexport const a = router\n", 'src/storage/example.ts'],
    // features sit below the app: a feature states itself in its module.ts, the app composes (issue 9).
    ["import { router } from '@/app/router'\nexport const a = router\n", 'src/features/members/example.ts'],
    ['<script setup lang="ts">\nimport { provideMessages } from \'@/app/lazy-messages\'\nprovideMessages({})\n</script>\n', 'src/features/members/MembersPage.vue'],
    ["import { modules } from '../../app/modules'\nexport const a = modules\n", 'src/features/home/example.ts'],
    // storage is framework-free.
    ["import { ref } from 'vue'\nexport const a = ref\n", 'src/storage/example.ts'],
    ["import { defineStore } from 'pinia'\nexport const a = defineStore\n", 'src/storage/example.ts'],
    // core/shared knows no domain folder.
    ["import { x } from '@/core/membership/rules'\nexport const a = x\n", 'src/core/shared/example.ts'],
    ["import { x } from '@/core/access/rules'\nexport const a = x\n", 'src/core/shared/example.ts'],
    ["import { x } from '@/core/directory/rules'\nexport const a = x\n", 'src/core/shared/example.ts'],
    ["import { x } from '@/core/sync/rules'\nexport const a = x\n", 'src/core/shared/example.ts'],
    ["import { x } from '../membership/rules'\nexport const a = x\n", 'src/core/shared/example.ts'],
  ])('refuses %s in %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toContain('no-restricted-imports')
  })

  it('still keeps core pure when a file is in core/shared', async () => {
    expect(await ruleIdsFor("import { ref } from 'vue'\nexport const a = ref\n", 'src/core/shared/example.ts')).toContain('no-restricted-imports')
  })

  it('still keeps features away from the database libraries', async () => {
    expect(await ruleIdsFor("import Dexie from 'dexie'\nexport const a = Dexie\n", 'src/features/members/example.ts')).toContain('no-restricted-imports')
  })

  it('still keeps ui away from the database libraries', async () => {
    expect(await ruleIdsFor("import Dexie from 'dexie'\nexport const a = Dexie\n", 'src/ui/example.ts')).toContain('no-restricted-imports')
  })

  it.each([
    ["import { ref } from 'vue'\nexport const a = ref\n", 'src/ui/example.ts'],
    ["import { setLocale } from '@/app/i18n'\nexport const a = setLocale\n", 'src/app/shell/example.ts'],
    ["import { useSessionStore } from '@/features/auth/session.store'\nexport const a = useSessionStore\n", 'src/app/shell/example.ts'],
    ["import { x } from '@/core/shared/rules'\nexport const a = x\n", 'src/core/membership/example.ts'],
    ["import type { FeatureModule } from '@/features/module'\nexport type A = FeatureModule\n", 'src/features/members/example.ts'],
    ["import { routes } from '@/app/routes'\nexport const a = routes\n", 'src/app/example.ts'],
    ["import { x } from '@/storage/db'\nexport const a = x\n", 'src/sync/example.ts'],
  ])('allows %s in %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toEqual([])
  })
})

describe('layer edge exceptions stay exact', { timeout: 60_000 }, () => {
  it('gives sync/ no exception: joining checks the root through storage, never features/auth', async () => {
    const features = "import { checkRoot } from '@/features/auth/trust'\nexport const a = checkRoot\n"
    expect(await ruleIdsFor(features, 'src/sync/join.ts')).toContain('no-restricted-imports')
  })

  it('lets only the named storage file use vue, and still not the features', async () => {
    const vue = "import { ref } from 'vue'\nexport const a = ref\n"
    expect(await ruleIdsFor(vue, 'src/storage/upgraded-elsewhere.ts')).toEqual([])
    expect(await ruleIdsFor(vue, 'src/storage/audit-log.test.ts')).toContain('no-restricted-imports')
    expect(await ruleIdsFor("import { checkRoot } from '@/features/auth/trust'\nexport const a = checkRoot\n", 'src/storage/upgraded-elsewhere.ts')).toContain(
      'no-restricted-imports',
    )
  })
})
