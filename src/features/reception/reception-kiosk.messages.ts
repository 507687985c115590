/**
 * The reception kiosk's words (issue 11 §8: kiosk mode, the visitor-facing privacy mode and the desk taking the
 * tablet back) and calling off an expected visitor (REC-1). Their own top-level key, `receptionKiosk`, so the
 * reception module merges them into its words with a spread.
 */
const en = {
  receptionKiosk: {
    bar: 'Kiosk',
    enter: 'Kiosk mode',
    leave: 'Leave kiosk mode',
    awake: 'The screen stays on.',
    privacyOn: 'Turn to the visitor',
    privacyHeading: 'Welcome: please type your phone and name',
    privacyIntro: 'Only what you type shows here. When you are done, hand the tablet back to the front desk.',
    handBack: 'Front desk: take the tablet back',
    handBackSecret: 'Front desk staff: your PIN or passphrase',
    handBackConfirm: 'Take back',
    handBackCancel: 'Cancel',
    handBackWrong: 'That is not the PIN or passphrase of the staff member signed in here. The visitor’s screen stays on.',
    handBackWait: 'Too many wrong attempts: try again in {seconds} seconds.',
    handBackOther: 'The tablet could not be taken back this way. Lock it and unlock with your PIN.',
    callOff: 'Call off',
    callOffQuestion: 'Call off {who}’s visit? They leave today’s list; the record is kept.',
    callOffYes: 'Call it off',
    callOffNo: 'Keep',
    calledOff: '{who}’s visit is called off.',
    callOffProblems: {
      'not-allowed': 'Only the front desk or the host who expected this visitor may call the visit off.',
      arrived: 'This visitor has already arrived: nothing was changed.',
      cancelled: 'This visit was already called off.',
      unknown: 'This expected visit is not on this tablet: sync, then try again.',
    },
  },
}

const zhCN: typeof en = {
  receptionKiosk: {
    bar: '自助模式',
    enter: '自助模式',
    leave: '退出自助模式',
    awake: '屏幕保持常亮。',
    privacyOn: '转给访客填写',
    privacyHeading: '欢迎：请填写您的手机号和姓名',
    privacyIntro: '此处只显示您自己填写的内容。填写完毕后，请将平板交还前台。',
    handBack: '前台：收回平板',
    handBackSecret: '前台员工：您的 PIN 或密码',
    handBackConfirm: '收回',
    handBackCancel: '取消',
    handBackWrong: '这不是本机已登录员工的 PIN 或密码。访客界面保持不变。',
    handBackWait: '错误次数过多：请在 {seconds} 秒后重试。',
    handBackOther: '无法以此方式收回平板。请锁定平板，再用您的 PIN 解锁。',
    callOff: '取消预约',
    callOffQuestion: '取消 {who} 的预约？该访客将从今日名单中移除，记录会保留。',
    callOffYes: '确认取消',
    callOffNo: '保留',
    calledOff: '已取消 {who} 的预约。',
    callOffProblems: {
      'not-allowed': '只有前台或预约该访客的接待人可以取消预约。',
      arrived: '该访客已到达：未做任何更改。',
      cancelled: '该预约已被取消。',
      unknown: '本平板上没有这条预约：请先同步，然后重试。',
    },
  },
}

export const receptionKioskMessages = { en, 'zh-CN': zhCN }
