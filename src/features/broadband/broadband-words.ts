import { broadbandAccountMessages } from './broadband-account.messages'
import { broadbandOpsMessages } from './broadband-ops.messages'

/** Every word the broadband pages show. */
export const broadbandWords = {
  en: { ...broadbandAccountMessages.en, ...broadbandOpsMessages.en },
  'zh-CN': { ...broadbandAccountMessages['zh-CN'], ...broadbandOpsMessages['zh-CN'] },
}
