/** The runs' words (bill run, worklist, outages, notices, duplicates), under `broadbandOps`. zh-CN is typed as en. */
const en = {
  broadbandOps: {},
}

const zhCN: typeof en = {
  broadbandOps: {},
}

export const broadbandOpsMessages = { en, 'zh-CN': zhCN }
