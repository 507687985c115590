/** The statement's words (BB-2, BB-5, BB-8, BB-13). zh-CN is typed as en: a missing word fails typecheck. */
const en = {
  broadbandStatement: {
    title: 'Statement',
    heading: 'Statement {month}',
    account: 'Account {accountNo}: {accountName}',
    print: 'Print',
    previous: 'Previous month',
    next: 'Next month',
    opening: 'Opening balance',
    debits: 'Charges',
    credits: 'Payments and credits',
    closing: 'Closing balance',
    overdue: 'Overdue',
    back: 'Back to the account',
    accrued: 'Late fee accrued through {through}, not yet charged: {amount}',
    notices: {
      heading: 'Notices this month',
      titled: '{kind}: {title}',
      posted: 'Posted {day}',
      kinds: { maintenance: 'Planned maintenance', terms: 'Change of terms' },
      work: 'Work from {start} to {end}',
      effective: 'The new terms apply from {day}',
      standing: {
        open: 'You may object before {day}; not objecting means you accept the new terms.',
        accepted: 'No objection was raised: the new terms apply.',
        objected: 'Your objection is recorded.',
        agreed: 'You objected, then agreed to the new terms.',
        ended: 'You could not agree to the new terms: the agreement ended.',
      },
    },
  },
}

const zhCN: typeof en = {
  broadbandStatement: {
    title: '账单',
    heading: '{month} 账单',
    account: '账号 {accountNo}：{accountName}',
    print: '打印',
    previous: '上个月',
    next: '下个月',
    opening: '期初余额',
    debits: '本期应收',
    credits: '本期已收及减免',
    closing: '期末余额',
    overdue: '逾期欠费',
    back: '返回账户',
    accrued: '截至 {through} 已产生、尚未计收的滞纳金：{amount}',
    notices: {
      heading: '本月通知',
      titled: '{kind}：{title}',
      posted: '{day} 发布',
      kinds: { maintenance: '计划维护', terms: '条款变更' },
      work: '施工时间 {start} 至 {end}',
      effective: '新条款自 {day} 起生效',
      standing: {
        open: '如有异议请在 {day} 前提出；未提出异议视为接受新条款。',
        accepted: '未提出异议：新条款已生效。',
        objected: '您的异议已记录。',
        agreed: '您曾提出异议，后已同意新条款。',
        ended: '您不同意新条款：协议已终止。',
      },
    },
  },
}

export const broadbandStatementMessages = { en, 'zh-CN': zhCN }
