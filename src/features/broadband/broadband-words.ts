import { broadbandAccountMessages } from './broadband-account.messages'
import { broadbandOpsMessages } from './broadband-ops.messages'
import { broadbandStatementMessages } from './broadband-statement.messages'

/** Every word the broadband pages show. */
export const broadbandWords = {
  en: { ...broadbandAccountMessages.en, ...broadbandOpsMessages.en, ...broadbandStatementMessages.en },
  'zh-CN': { ...broadbandAccountMessages['zh-CN'], ...broadbandOpsMessages['zh-CN'], ...broadbandStatementMessages['zh-CN'] },
}
