import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

// Issue 9: the layer edges of docs/architecture.md "Layers" are lint errors, not conventions; prove each one bites.
const eslint = new ESLint()
async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal')
}

// The first lint loads the config and its plugins: seconds on a busy machine, so it happens once, before the cases.
beforeAll(() => ruleIdsFor('export {}\n', 'src/core/example.ts'), 60_000)

describe('layer edges lint', () => {
  it.each([
    // ui/ is presentational: no feature, no app shell.
    ["import { useSessionStore } from '@/identity/session.store'\nexport const a = useSessionStore\n", 'src/ui/example.ts'],
    ["import { setLocale } from '@/app/i18n'\nexport const a = setLocale\n", 'src/ui/example.ts'],
    // sync and storage sit below features and the app.
    ["import { checkRoot } from '@/identity/trust'\nexport const a = checkRoot\n", 'src/sync/example.ts'],
    ["import { router } from '@/app/router'\nexport const a = router\n", 'src/sync/example.ts'],
    ["import { checkRoot } from '@/identity/trust'\nexport const a = checkRoot\n", 'src/storage/example.ts'],
    ["import { router } from '@/app/router'\nexport const a = router\n", 'src/storage/example.ts'],
    // features sit below the app: a feature states itself in its module.ts, the app composes (issue 9).
    ["import { router } from '@/app/router'\nexport const a = router\n", 'src/features/members/example.ts'],
    ['<script setup lang="ts">\nimport { provideMessages } from \'@/app/lazy-messages\'\nprovideMessages({})\n</script>\n', 'src/features/members/MembersPage.vue'],
    ["import { modules } from '../../app/modules'\nexport const a = modules\n", 'src/features/home/example.ts'],
    // storage sits below sync (sync replicates what storage keeps).
    ["import { tableFor } from '@/sync/replicated-tables'\nexport const a = tableFor\n", 'src/storage/records/example.ts'],
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
    ["import { useSessionStore } from '@/identity/session.store'\nexport const a = useSessionStore\n", 'src/app/shell/example.ts'],
    ["import { x } from '@/core/shared/rules'\nexport const a = x\n", 'src/core/membership/example.ts'],
    ["import type { FeatureModule } from '@/features/module'\nexport type A = FeatureModule\n", 'src/features/members/example.ts'],
    ["import { routes } from '@/app/routes'\nexport const a = routes\n", 'src/app/example.ts'],
    ["import { x } from '@/storage/db'\nexport const a = x\n", 'src/sync/example.ts'],
  ])('allows %s in %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toEqual([])
  })
})

describe('identity sits between storage/sync and the features', () => {
  it.each([
    ["import { useMembershipStore } from '@/features/members/membership.store'\nexport const a = useMembershipStore\n", 'src/identity/example.ts'],
    ["import { router } from '@/app/router'\nexport const a = router\n", 'src/identity/example.ts'],
  ])('refuses %s in %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toContain('no-restricted-imports')
  })

  it.each([
    ["import { createSealedRepo } from '@/storage/sealed-repo'\nexport const a = createSealedRepo\n", 'src/identity/example.ts'],
    ["import { joinFromServer } from '@/sync/join'\nexport const a = joinFromServer\n", 'src/identity/example.ts'],
    ["import { useSessionStore } from '@/identity/session.store'\nexport const a = useSessionStore\n", 'src/features/example.ts'],
  ])('allows %s in %s', async (code, filePath) => {
    expect(await ruleIdsFor(code, filePath)).toEqual([])
  })
})

describe('layer edge exceptions stay exact', () => {
  it('gives sync/ and storage/ no exception: neither reaches identity, a feature or the app', async () => {
    const identity = "import { checkRoot } from '@/identity/trust'\nexport const a = checkRoot\n"
    expect(await ruleIdsFor(identity, 'src/sync/join.ts')).toContain('no-restricted-imports')
    expect(await ruleIdsFor(identity, 'src/storage/audit-log.ts')).toContain('no-restricted-imports')
    expect(await ruleIdsFor("import { ref } from 'vue'\nexport const a = ref\n", 'src/storage/db.ts')).toContain('no-restricted-imports')
  })

  it('gives identity no exception: founding and departure take what features contribute as arguments', async () => {
    const feature = "import { ensureDeskSetup } from '@/features/members/desk-setup'\nexport const a = ensureDeskSetup\n"
    expect(await ruleIdsFor(feature, 'src/identity/organisation.ts')).toContain('no-restricted-imports')
    expect(await ruleIdsFor(feature, 'src/identity/deactivate-staff.ts')).toContain('no-restricted-imports')
  })
})

describe('the device storage is injected', () => {
  const singleton = "import { storage } from '@/storage/session-keys'\nexport const a = storage\n"
  it.each(['src/features/people/people.store.ts', 'src/identity/session.store.ts', 'src/identity/organisation.ts', 'src/app/access-guard.ts'])(
    'refuses the app singleton in %s',
    async (filePath) => {
      expect(await ruleIdsFor(singleton, filePath)).toContain('no-restricted-imports')
    },
  )
  it('lets app/main.ts pick it', async () => {
    expect(await ruleIdsFor(singleton, 'src/app/main.ts')).toEqual([])
  })
})

describe('a component works through its store', () => {
  it.each([
    ["import { storage } from '@/storage/session-keys'\nexport const a = storage\n"],
    ["import { signCard } from '@/crypto/card-key'\nexport const a = signCard\n"],
    ["import { createSealedRepo } from '@/storage/sealed-repo'\nexport const a = createSealedRepo\n"],
    ["import { joinFromServer } from '@/sync/join'\nexport const a = joinFromServer\n"],
  ])('refuses %s in a feature component', async (code) => {
    const vue = `<script setup lang="ts">\n${code}</script>\n<template><p>{{ a }}</p></template>\n`
    expect(await ruleIdsFor(vue, 'src/features/members/MemberCard.vue')).toContain('no-restricted-imports')
  })
})
