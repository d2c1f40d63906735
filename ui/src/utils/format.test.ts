import { describe, expect, it } from 'vitest'
import { formatDateCn, formatFen, formatWhen } from './format'

describe('format', () => {
  it('shows money in fen as grouped yuan, like the core', () => {
    expect(formatFen(45_000_000)).toBe('¥450,000.00')
    expect(formatFen(1)).toBe('¥0.01')
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89')
  })
  it('writes dates the Chinese way', () => {
    expect(formatDateCn('2026-03-05')).toBe('2026年3月5日')
    expect(formatDateCn(null)).toBe('')
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
