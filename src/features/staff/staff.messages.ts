/** REC-1: the words of a staff member's department on the staff screen (the reception desk finds hosts by it). */
const en = {
  staffDepartment: {
    label: 'Department',
    help: 'Optional. The reception desk finds a host by name or department.',
    none: '—',
    edit: 'Change',
    editWho: 'Change the department of {name}',
    fieldWho: 'Department of {name}',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Department of {name} saved.',
    problems: {
      'department-too-long': 'The department is too long (at most 60 characters).',
      'unknown-staff': 'This account has no profile on this device yet: sync, then try again.',
      failed: 'The department could not be saved. Try again.',
    },
  },
}

const zhCN: typeof en = {
  staffDepartment: {
    label: '部门',
    help: '选填。前台可按姓名或部门查找被访人。',
    none: '—',
    edit: '修改',
    editWho: '修改 {name} 的部门',
    fieldWho: '{name} 的部门',
    save: '保存',
    cancel: '取消',
    saved: '已保存 {name} 的部门。',
    problems: {
      'department-too-long': '部门名称过长（最多 60 个字）。',
      'unknown-staff': '本设备上还没有该账户的资料：请先同步，然后重试。',
      failed: '部门未能保存，请重试。',
    },
  },
}

export const staffMessages = { en, 'zh-CN': zhCN }
