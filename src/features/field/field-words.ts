import { fieldMediaMessages } from './field-media.messages'
import { fieldMessages } from './field.messages'

/** Every word the technician's pages show: the jobs and a job's page, the photo picker and the signature pad. */
export const fieldWords = {
  en: { ...fieldMessages.en, ...fieldMediaMessages.en },
  'zh-CN': { ...fieldMessages['zh-CN'], ...fieldMediaMessages['zh-CN'] },
}
