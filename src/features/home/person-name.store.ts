import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { useLobbyStorage } from '@/identity/device-storage'
import { useSessionStore } from '@/identity/session.store'
import { keySourceFrom } from '@/storage/keyring-key-source'
import { personName } from './person-name'

/** The signed-in person's name for the header and the home page; follows sign-in, lock and sign-out. */
export const usePersonNameStore = defineStore('person-name', () => {
  const storage = useLobbyStorage()
  const session = useSessionStore()
  const name = ref<string>()
  /** At a first sign-in (setup code) the keyring is open but no session yet: the profile is read with it. */
  const pendingName = ref<string>()

  watch(
    () => session.session,
    async (s) => {
      name.value = s?.username
      if (!s) return
      const found = await personName(storage, s)
      if (session.session === s) name.value = found
    },
    { immediate: true },
  )

  watch(
    () => session.pending,
    async (p) => {
      pendingName.value = p?.username
      if (!p) return
      const found = await personName(storage.withKeys(keySourceFrom(p.keyring)), p)
      if (session.pending === p) pendingName.value = found
    },
    { immediate: true },
  )

  return { name, pendingName }
})
