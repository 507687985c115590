/** REC-7: the words of the incidents pages and of the in-building list's "seen without a badge". */
const en = {
  receptionIncidents: {
    title: 'Incidents',
    mineTitle: 'My incidents',
    mineIntro: 'Incidents recorded against you this year, where you stand on each ladder and the fine due. Only you and the managers can read them.',
    mineNone: 'No incident has been recorded against you this year.',
    allLink: 'All staff’s incidents',
    allIntro: 'Incidents against each staff member this calendar year ({year}): the step reached and the fine due, from the reception settings’ ladders.',
    none: 'No incident has been recorded this year.',
    staff: 'Staff member',
    kind: 'Incident',
    step: 'Step reached',
    fine: 'Fine due',
    stepOf: 'Step {step} of {of}: {actions}',
    exhausted: 'Ladder exhausted ({count} incidents, {last} steps): escalate. No fine is set past the last step.',
    history: 'Recorded',
    recordedOn: '{day}, by {who}: {note}',
    recordedOnMine: '{day}: {note}',
    kinds: { 'improper-reception': 'Improper reception (complaint)', 'no-badge': 'Visitor seen without a badge' },
    actions: { education: 'education', 'verbal-warning': 'verbal warning', 'written-warning': 'written warning', fine: 'fine' },
    complaint: {
      heading: 'Record a complaint of improper reception',
      staff: 'Against',
      choose: 'Choose a staff member…',
      note: 'What happened',
      submit: 'Record the complaint',
      done: 'Complaint recorded against {who}.',
      staffRequired: 'Choose the staff member the complaint is about.',
      noteRequired: 'Say what happened.',
    },
    noBadge: {
      button: 'Seen without a badge',
      buttonWho: 'Visitor {who} seen without a badge',
      note: 'Note (optional)',
      submit: 'Record against the host',
      cancel: 'Cancel',
      done: 'Recorded against {host}, the host.',
    },
    failed: 'The incident could not be recorded: {reason}',
    loadProblem: 'The incidents could not be read on this device.',
  },
}

const zhCN: typeof en = {
  receptionIncidents: {
    title: '违规记录',
    mineTitle: '我的违规记录',
    mineIntro: '本年度针对你的违规记录、你在各处罚阶梯上的位置和应缴罚款。只有你本人和经理能看到。',
    mineNone: '本年度没有针对你的违规记录。',
    allLink: '全体员工的违规记录',
    allIntro: '本年度（{year}年）每位员工的违规记录：按接待设置中的处罚阶梯，已到的档次和应缴罚款。',
    none: '本年度尚无违规记录。',
    staff: '员工',
    kind: '违规类型',
    step: '已到档次',
    fine: '应缴罚款',
    stepOf: '第 {step} 档（共 {of} 档）：{actions}',
    exhausted: '处罚阶梯已用尽（{count} 次，共 {last} 档）：请上报处理。最后一档之后不设罚款。',
    history: '记录',
    recordedOn: '{day}，{who} 记录：{note}',
    recordedOnMine: '{day}：{note}',
    kinds: { 'improper-reception': '接待不当（投诉）', 'no-badge': '访客未佩戴访客证' },
    actions: { education: '教育', 'verbal-warning': '口头警告', 'written-warning': '书面警告', fine: '罚款' },
    complaint: {
      heading: '记录接待不当投诉',
      staff: '被投诉员工',
      choose: '选择员工…',
      note: '事情经过',
      submit: '记录投诉',
      done: '已记录对 {who} 的投诉。',
      staffRequired: '请选择被投诉的员工。',
      noteRequired: '请填写事情经过。',
    },
    noBadge: {
      button: '未佩戴访客证',
      buttonWho: '访客 {who} 未佩戴访客证',
      note: '备注（可选）',
      submit: '记在被访员工名下',
      cancel: '取消',
      done: '已记在被访员工 {host} 名下。',
    },
    failed: '无法记录：{reason}',
    loadProblem: '无法在本设备上读取违规记录。',
  },
}

export const incidentsMessages = { en, 'zh-CN': zhCN }

/** The shell's words for the incidents entry (nav label), eager and tiny. */
export const incidentsNavWords = {
  en: { nav: { incidents: 'Incidents' } },
  'zh-CN': { nav: { incidents: '违规记录' } },
}
