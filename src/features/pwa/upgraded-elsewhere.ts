import { ref } from 'vue'
import { whenUpgradedElsewhere } from '@/storage/db'

/**
 * True once another tab opened a newer database schema and this tab closed its
 * connection to let it: this tab now runs old code and must reload.
 */
export const upgradedElsewhere = ref(false)
whenUpgradedElsewhere(() => (upgradedElsewhere.value = true))
