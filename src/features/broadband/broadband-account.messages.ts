/** The account side's words (search, open, account, payment, statement). zh-CN is typed as en: a missing word fails typecheck. */
const en = {
  broadband: {},
}

const zhCN: typeof en = {
  broadband: {},
}

export const broadbandAccountMessages = { en, 'zh-CN': zhCN }
