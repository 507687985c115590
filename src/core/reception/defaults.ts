/**
 * REC-2, REC-3, REC-7: the reception settings of an organisation that has saved none, taken from
 * 客户接待管理制度. Managers edit the table; the ids below stay, so tests, the demo and old visits name them.
 */
import type { LadderStep, ReceptionPlace, ReceptionSettings, VisitorCategory } from './types'

/** The place of a refused category: the visitor is not let in anywhere (REC-2). Never a place's id. */
export const noPlace = 'none'

export const defaultPlaceIds = {
  meetingRoom: 'meeting-room',
  receptionArea: 'reception-area',
  /** 指定地点: a place HR sets aside for interviews. */
  interviewPlace: 'interview-place',
  /** REC-5: 学术区域, where no visitor goes without the principal's approval. */
  academicArea: 'academic-area',
} as const

export const defaultCategoryIds = {
  seniorLeadership: 'senior-leadership',
  educationAuthority: 'education-authority',
  governmentDepartment: 'government-department',
  bookedVip: 'booked-vip',
  media: 'media',
  supplier: 'supplier',
  parent: 'parent',
  complainant: 'complainant',
  appointment: 'appointment',
  temporary: 'temporary',
  lowerRank: 'lower-rank',
  jobApplicant: 'job-applicant',
  insuranceSales: 'insurance-sales',
  disruptive: 'disruptive',
} as const

/** REC-3: minutes a host has to acknowledge a notice before the desk is reminded to chase. */
export const defaultAckMinutes = 5

function places(): ReceptionPlace[] {
  const p = defaultPlaceIds
  return [
    { id: p.meetingRoom, name: { 'zh-CN': '会议室', en: 'Meeting room' }, restricted: false },
    { id: p.receptionArea, name: { 'zh-CN': '接待区', en: 'Reception area' }, restricted: false },
    { id: p.interviewPlace, name: { 'zh-CN': '指定面试地点', en: 'Interview place (set by HR)' }, restricted: false },
    { id: p.academicArea, name: { 'zh-CN': '教学区/学术区', en: 'Teaching/academic area' }, restricted: true },
  ]
}

function categories(): VisitorCategory[] {
  const c = defaultCategoryIds
  const p = defaultPlaceIds
  // 高规格: the meeting room (or the reception area, as arranged), coffee, cold drinks or tea, the host with the department.
  const high = { level: 'high', place: p.meetingRoom, hospitality: 'coffee-drinks-tea', receivedBy: 'host-with-department' } as const
  // 一般规格 (临时接待 too, "the same as normal"): the reception area, water, the host or a colleague.
  const normal = { level: 'normal', place: p.receptionArea, hospitality: 'water', receivedBy: 'host-or-colleague' } as const
  const low = { level: 'low', place: p.receptionArea, hospitality: 'water', receivedBy: 'host' } as const
  // 拒绝: not let in, nothing offered; the front desk turns them away politely and the refusal is recorded.
  const refuse = { level: 'refuse', place: noPlace, hospitality: 'none', receivedBy: 'front-desk' } as const
  // 应聘者: HR arranges it in the reception area (or a place set aside). The row is the first interview, which the
  // regulation offers nothing at; the second interview adds water (suggestion.ts).
  const applicant = { level: 'applicant', place: p.receptionArea, hospitality: 'none', receivedBy: 'hr' } as const
  return [
    { id: c.seniorLeadership, name: { 'zh-CN': '上级领导', en: 'Senior leadership' }, ...high },
    { id: c.educationAuthority, name: { 'zh-CN': '教育主管部门', en: 'Education authority' }, ...high },
    { id: c.governmentDepartment, name: { 'zh-CN': '重要政府部门', en: 'Important government department' }, ...high },
    { id: c.bookedVip, name: { 'zh-CN': '预约贵宾', en: 'VIP who booked ahead' }, ...high },
    { id: c.media, name: { 'zh-CN': '媒体', en: 'Media' }, ...high },
    { id: c.supplier, name: { 'zh-CN': '供应商', en: 'Supplier' }, ...normal },
    { id: c.parent, name: { 'zh-CN': '学生家长', en: 'Student’s parent' }, ...normal },
    { id: c.complainant, name: { 'zh-CN': '投诉人', en: 'Person with a complaint' }, ...normal },
    { id: c.appointment, name: { 'zh-CN': '预约访客', en: 'Visitor with an appointment' }, ...normal },
    { id: c.temporary, name: { 'zh-CN': '临时访客', en: 'Temporary visitor' }, ...normal },
    { id: c.lowerRank, name: { 'zh-CN': '低于接待人级别的访客', en: 'Visitor of lower rank than the host' }, ...low },
    { id: c.jobApplicant, name: { 'zh-CN': '求职者', en: 'Job applicant' }, ...applicant },
    { id: c.insuranceSales, name: { 'zh-CN': '保险推销', en: 'Insurance sales' }, ...refuse },
    { id: c.disruptive, name: { 'zh-CN': '其他影响正常办公的人员', en: 'Others who disturb normal work' }, ...refuse },
  ]
}

/** REC-7, 处罚规定 1: improper reception (an internal complaint). */
function improperReceptionLadder(): LadderStep[] {
  return [
    { actions: ['education'], fine: 0 },
    { actions: ['verbal-warning'], fine: 0 },
    { actions: ['written-warning'], fine: 0 },
    { actions: ['fine'], fine: 50_00 },
  ]
}

/** REC-7, 处罚规定 3: the host's visitor seen without a badge. */
function noBadgeLadder(): LadderStep[] {
  return [
    { actions: ['verbal-warning', 'fine'], fine: 50_00 },
    { actions: ['written-warning', 'fine'], fine: 100_00 },
  ]
}

/** A fresh copy every call: callers may edit it into a manager's draft. */
export function defaultReceptionSettings(): ReceptionSettings {
  return {
    categories: categories(),
    places: places(),
    ackMinutes: defaultAckMinutes,
    ladders: { 'improper-reception': improperReceptionLadder(), 'no-badge': noBadgeLadder() },
  }
}
