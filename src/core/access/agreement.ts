/**
 * CONF-8: the default confidentiality agreement every staff account accepts at
 * first sign-in (distilled from 客服部保密制度 / 客户信息保密制度). Managers may replace it in settings.
 */
export const defaultAgreement = {
  'zh-CN':
    '本人承诺：对工作中接触的客户与会员信息严格保密；不私自复印、摘录或外传；只在工作需要且经批准的范围内查看完整信息；离开座位前锁定屏幕；调岗或离职时交接全部资料。违反者按公司保密制度处理。',
  en:
    'I undertake to keep confidential all customer and member information I meet at work; not to copy, extract or pass it on without approval; to view full details only when my work needs it and it has been approved; to lock the screen before leaving my seat; and to hand over all files when I change jobs or leave. Breaches are dealt with under the company’s confidentiality rules.',
} as const

/** CONF-7 default idle lock, in seconds, per device kind. */
export const defaultIdleLockSeconds = { frontdesk: 120, personal: 300 } as const
