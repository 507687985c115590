import type { WordBundle } from '@/features/module'

/** The service office: the words the shell shows before the feature loads (nav labels and home cards). */
const en = {
  nav: { serviceRequests: 'Service requests', serviceDispatch: 'Dispatch' },
  home: {
    serviceRequestsText: 'Take a service request, an enquiry or a complaint for a customer.',
    serviceDispatchText: 'Requests waiting for a technician, complaints against the clock, and the day board.',
  },
}

const zhCN: typeof en = {
  nav: { serviceRequests: '服务受理', serviceDispatch: '派工' },
  home: {
    serviceRequestsText: '为客户受理服务请求、咨询或投诉。',
    serviceDispatchText: '待派工的请求、限时处理的投诉，以及当天的派工看板。',
  },
}

export const serviceNavWords: WordBundle = { en, 'zh-CN': zhCN }
