import { describe, expect, it } from 'vitest'
import { maskAddress, maskEmployer, maskIdNumber, maskName, maskPhone } from './masking'

describe('CONF-4 masking', () => {
  describe('phone', () => {
    it('shows the first 3 and last 4 digits of a mobile number', () => {
      expect(maskPhone('13812345678')).toBe('138****5678')
    })
    it('ignores spaces and hyphens typed into the number', () => {
      expect(maskPhone('138 1234-5678')).toBe('138****5678')
    })
    it('keeps only the last 2 digits of a short number and hides very short ones entirely', () => {
      expect(maskPhone('8765432')).toBe('*****32')
      expect(maskPhone('1234')).toBe('****')
      expect(maskPhone('')).toBe('')
    })
    it('shows 4 stars in a longer number too (the mask does not tell the length)', () => {
      expect(maskPhone('+86 138 1234 5678')).toBe('+86****5678')
      expect(maskPhone('1'.repeat(10_000))).toBe('111****1111')
    })
    it('masks a landline with area code the same way', () => {
      expect(maskPhone('02087654321')).toBe('020****4321')
    })
  })

  describe('name', () => {
    it('keeps the surname of a 2-character name, with the same 2 stars as any other (the mask does not tell the length)', () => {
      expect(maskName('张三')).toBe('张**')
    })
    it('keeps the surname of a 3-character name', () => {
      expect(maskName('张小明')).toBe('张**')
    })
    it('keeps a compound surname of a 3- and 4-character name', () => {
      expect(maskName('欧阳修')).toBe('欧阳**')
      expect(maskName('欧阳娜娜')).toBe('欧阳**')
    })
    it('keeps the first two characters of any 4-character name', () => {
      expect(maskName('陈林志远')).toBe('陈林**')
    })
    it('hides a single character entirely and handles blanks', () => {
      expect(maskName('张')).toBe('**')
      expect(maskName('  ')).toBe('')
    })
    it('keeps initials of the first two words of a name in Latin letters', () => {
      expect(maskName('Ann Lee')).toBe('A** L**')
      expect(maskName('Ann')).toBe('A**')
      expect(maskName('Ann Mary Lee')).toBe('A** M**')
    })
    it('shows a fixed-length mask however long the name is (a 10,000-character name shows as 3 or 4 characters)', () => {
      expect(maskName('张'.repeat(10_000))).toBe('张张**')
      expect(maskName('诸葛' + '亮'.repeat(9_998))).toBe('诸葛**')
      expect(maskName('A'.repeat(10_000))).toBe('A**')
      expect(maskName('Ann ' + 'B'.repeat(9_996))).toBe('A** B**')
    })
    it('never splits a character outside the BMP', () => {
      expect(maskName('𠀋小明')).toBe('𠀋**')
    })
  })

  describe('employer (单位): personal data next to a name, masked like one', () => {
    it('keeps the first character and 2 stars, however long', () => {
      expect(maskEmployer('广州天河科技有限公司')).toBe('广**')
      expect(maskEmployer('Lab')).toBe('L**')
      expect(maskEmployer('x'.repeat(10_000))).toBe('x**')
      expect(maskEmployer('  ')).toBe('')
    })
  })

  describe('ID number', () => {
    it('keeps the region prefix and the last 4 of an 18-character ID', () => {
      expect(maskIdNumber('440106199001011234')).toBe('4401**********1234')
      expect(maskIdNumber('44010619900101123X')).toBe('4401**********123X')
    })
    it('masks an old 15-digit ID and any longer number with the same 10 stars (the mask does not tell the length)', () => {
      expect(maskIdNumber('440106900101123')).toBe('4401**********1123')
      expect(maskIdNumber('4'.repeat(10_000))).toBe('4444**********4444')
    })
    it('keeps only the last 2 of a short document number', () => {
      expect(maskIdNumber('G1234567')).toBe('******67')
    })
  })

  describe('address', () => {
    it('keeps province, city and district', () => {
      expect(maskAddress('广东省广州市天河区天河路385号')).toBe('广东省广州市天河区****')
    })
    it('works for a municipality', () => {
      expect(maskAddress('北京市朝阳区建国路88号')).toBe('北京市朝阳区****')
    })
    it('does not stop at the 区 of an autonomous region', () => {
      expect(maskAddress('广西壮族自治区南宁市青秀区民族大道100号')).toBe('广西壮族自治区南宁市青秀区****')
    })
    it('works for a county', () => {
      expect(maskAddress('浙江省杭州市桐庐县迎春南路1号')).toBe('浙江省杭州市桐庐县****')
    })
    it('keeps only the first 6 characters of an address it cannot parse', () => {
      expect(maskAddress('Room 5, 12 Garden Road')).toBe('Room 5****')
    })
  })
})
