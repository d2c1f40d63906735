import { describe, expect, it } from 'vitest'
import { formatDateCn, formatFen } from './format'

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
})
