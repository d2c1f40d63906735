import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount, formatDateCn, formatFen, formatTenths, formatWhen } from './format'
import money from '../../../tests/vectors/money.json'

describe('formatFen on the vectors the core is tested with', () => {
  for (const { fen, text } of money.cases) {
    it(`${fen} fen reads ${text}`, () => expect(formatFen(fen)).toBe(text))
  }
})

describe('counts and hours', () => {
  it('groups large counts and keeps the unit', () => {
    expect(formatCount(0, '名')).toBe('0名')
    expect(formatCount(21400, '名')).toBe('21,400名')
  })
  it('shows tenths of an hour with one decimal', () => {
    expect(formatTenths(0)).toBe('0.0')
    expect(formatTenths(25)).toBe('2.5')
    expect(formatTenths(1230)).toBe('123.0')
  })
})

describe('format', () => {
  it('shows money in fen as grouped yuan, like the core', () => {
    expect(formatFen(45_000_000)).toBe('¥450,000.00')
    expect(formatFen(1)).toBe('¥0.01')
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89')
  })
  it('writes dates the Chinese way', () => {
    expect(formatDateCn('2026-03-05')).toBe('2026年3月5日')
    expect(formatDateCn(null)).toBe('')
    expect(formatDateCn('2026-11-28T02:00:05Z')).toBe('2026年11月28日')
    expect(formatDateCn('2026年')).toBe('2026年')
  })
  it('says when something changed relative to today, in local time', () => {
    const now = new Date(2026, 10, 28, 15, 0)
    expect(formatWhen(new Date(2026, 10, 28, 9, 5).toISOString(), now)).toBe('今天 09:05')
    expect(formatWhen(new Date(2026, 10, 27, 23, 59).toISOString(), now)).toBe('昨天 23:59')
    expect(formatWhen(new Date(2026, 10, 20, 16, 12).toISOString(), now)).toBe('11月20日 16:12')
    expect(formatWhen(new Date(2025, 11, 31, 8, 0).toISOString(), now)).toBe('2025年12月31日 08:00')
    expect(formatWhen('不是时间', now)).toBe('不是时间')
  })
})

describe('file sizes', () => {
  it('reads bytes below 1 KB, then KB and MB with one decimal', () => {
    expect(formatBytes(0)).toBe('0 字节')
    expect(formatBytes(1023)).toBe('1023 字节')
    expect(formatBytes(1024)).toBe('1.0 KB')
    expect(formatBytes(1654784)).toBe('1.6 MB')
  })
})
