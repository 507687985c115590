import { broadbandOpsMessages } from '@/features/broadband/broadband-ops.messages'
import { serviceMessages } from './service.messages'

/** Every word the service pages show: the request page of a fault report carries the broadband desk's outage form (§6). */
export const serviceWords = {
  en: { ...serviceMessages.en, ...broadbandOpsMessages.en },
  'zh-CN': { ...serviceMessages['zh-CN'], ...broadbandOpsMessages['zh-CN'] },
}
