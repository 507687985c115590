import { broadbandAccountMessages } from './broadband-account.messages'
import { broadbandOpsMessages } from './broadband-ops.messages'
import { broadbandStatementMessages } from './broadband-statement.messages'
import { memberSigninsMessages } from '@/features/member-signins/member-signins.messages'

/** Every word the broadband pages show (the account page carries the phone sign-in panel, issue 14). */
export const broadbandWords = {
  en: { ...broadbandAccountMessages.en, ...broadbandOpsMessages.en, ...broadbandStatementMessages.en, ...memberSigninsMessages.en },
  'zh-CN': { ...broadbandAccountMessages['zh-CN'], ...broadbandOpsMessages['zh-CN'], ...broadbandStatementMessages['zh-CN'], ...memberSigninsMessages['zh-CN'] },
}
