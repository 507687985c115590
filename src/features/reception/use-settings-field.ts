import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useReceptionSettingsStore } from './reception-settings.store'

/** The id of the element drawn for a settings path (`categories.3.place` → `rs-categories-3-place`). */
export const settingsFieldId = (path: string) => `rs-${path.replaceAll('.', '-')}`

/**
 * A settings field's problems in the user's language, and the attributes that tie them to the field
 * (aria-invalid, aria-describedby), so each problem is read out with its field.
 */
export function useSettingsField() {
  const { t, locale } = useI18n()
  /** The language names are shown in: the user's. */
  const lang = computed(() => (locale.value === 'en' ? 'en' : 'zh-CN'))
  const store = useReceptionSettingsStore()
  const messagesAt = (path: string) => store.problemsAt(path).map((p) => t(`receptionSettings.problems.${p.problem}`))
  const fieldAttrs = (path: string) => {
    const invalid = store.problemsAt(path).length > 0
    return { id: settingsFieldId(path), 'aria-invalid': invalid ? ('true' as const) : undefined, 'aria-describedby': invalid ? `${settingsFieldId(path)}-problems` : undefined }
  }
  return { t, lang, store, messagesAt, fieldAttrs }
}
