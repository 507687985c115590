/**
 * REC-4: the visitor badge's words: the printed badge, its print button and what the screen says after it, and
 * why a scanned badge does not read (reception's check-out scanner). Their own top-level key, `visitorBadge`, so
 * the reception module merges them into its words with a spread.
 */
const en = {
  visitorBadge: {
    heading: 'Visitor badge',
    kind: 'Visitor',
    host: 'Visiting',
    date: 'Date',
    validUntil: 'Valid until',
    qrLabel: 'Visitor badge QR code of {name}',
    print: 'Print badge',
    sizes: {
      label: 'Label 62 × 100 mm',
      a6: 'A6 sheet',
    },
    // window.print() says nothing when no printer is there or the label roll is empty: the desk is told what to check.
    printSent: 'Sent to the print dialog. If nothing printed, check that the printer is on, connected and has labels or paper, then print again.',
    noKey: 'Badges cannot be signed on this device yet: it holds no card key. A manager must open the membership settings once on a device.',
    reasons: {
      'not-a-badge': 'This is not a visitor badge.',
      forged: 'This badge was not issued by us, or was altered.',
      'unknown-key': 'This badge cannot be checked on this device yet: sync, then scan it again.',
      expired: 'This badge expired at {time}.',
      'retired-key': 'This badge was signed with a card key that has since been replaced. Check the visitor out by hand, and print a new badge if they stay.',
    },
  },
}

const zhCN: typeof en = {
  visitorBadge: {
    heading: '访客证',
    kind: '访客',
    host: '被访人',
    date: '日期',
    validUntil: '有效期至',
    qrLabel: '{name}的访客证二维码',
    print: '打印访客证',
    sizes: {
      label: '标签 62 × 100 毫米',
      a6: 'A6 纸',
    },
    printSent: '已发送到打印对话框。如果没有打印出来，请检查打印机是否开机、已连接并装有标签或纸张，然后重新打印。',
    noKey: '本设备暂时无法签发访客证：尚无卡密钥。需由经理在任一设备上打开一次会员设置。',
    reasons: {
      'not-a-badge': '这不是访客证。',
      forged: '此访客证不是本机构签发的，或已被篡改。',
      'unknown-key': '本设备暂时无法核验此访客证：请先同步，然后重新扫描。',
      expired: '此访客证已于 {time} 过期。',
      'retired-key': '此访客证由已更换的卡密钥签发。请手动为访客签退；如访客仍需停留，请重新打印访客证。',
    },
  },
}

export const badgeMessages = { en, 'zh-CN': zhCN }
