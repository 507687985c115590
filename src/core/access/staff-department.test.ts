import { describe, expect, it } from 'vitest'
import { textLimits } from '@/core/shared/text-limits'
import { checkDepartment } from './staff-department'

describe('REC-1 a host’s department, as staff screens take it', () => {
  it('REC-1: a department is kept trimmed', () => {
    expect(checkDepartment('  教务处 ')).toEqual({ ok: true, department: '教务处' })
  })

  it('REC-1: the department is optional: empty or blank means none', () => {
    expect(checkDepartment('')).toEqual({ ok: true })
    expect(checkDepartment('   ')).toEqual({ ok: true })
  })

  it(`REC-1: at most ${textLimits.label} characters (a CJK character counts one), longer is refused`, () => {
    const longest = '部'.repeat(textLimits.label)
    expect(checkDepartment(longest)).toEqual({ ok: true, department: longest })
    expect(checkDepartment(longest + '门')).toEqual({ ok: false, problem: 'department-too-long' })
  })
})
