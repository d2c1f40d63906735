import { describe, expect, it } from 'vitest'
import { parseIdNumber } from './idcard'
import { formatDateCn } from './format'
import vectors from '../../../tests/vectors/id-numbers.json'

describe('parseIdNumber on the vectors the core is tested with', () => {
  it('has the cases', () => expect(vectors.cases.length).toBeGreaterThanOrEqual(30))
  for (const { name, input, expect: verdict } of vectors.cases) {
    it(name, () => {
      const got = parseIdNumber(input)
      expect(typeof got === 'string' ? { error: got } : got).toEqual(verdict)
    })
  }
})

describe('parseIdNumber', () => {
  it('accepts the standard example with X', () => {
    expect(parseIdNumber('11010519491231002x')).toEqual({ birthDate: '1949-12-31', gender: 'female' })
  })
  it('reads full-width digits and Ｘ as an input method types them', () => {
    expect(parseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toEqual({ birthDate: '1949-12-31', gender: 'female' })
  })
  it('reads birth date and gender', () => {
    expect(parseIdNumber('530421198001011232')).toEqual({ birthDate: '1980-01-01', gender: 'male' })
  })
  it('refuses a wrong check digit with the same message as the core', () => {
    expect(parseIdNumber('530421198001011237')).toBe('身份证号校验位不正确，请核对')
  })
  it('refuses impossible dates and wrong lengths', () => {
    expect(parseIdNumber('530421198102290000')).toBe('身份证号中的出生日期不存在')
    expect(parseIdNumber('5304211980')).toBe('身份证号应为18位')
  })
})

describe('formatDateCn', () => {
  it('writes dates the Chinese way', () => {
    expect(formatDateCn('2026-11-28')).toBe('2026年11月28日')
    expect(formatDateCn('2026-01-05')).toBe('2026年1月5日')
    expect(formatDateCn(null)).toBe('')
  })
})
