import { describe, expect, it } from 'vitest'
import { defaultParts, parsePeriod, periodText } from './period'

describe('review period', () => {
  it('defaults to the current year, with the current quarter and month ready', () => {
    const p = defaultParts('2026-12-04')
    expect(periodText(p)).toBe('2026')
    expect(periodText({ ...p, kind: 'quarter' })).toBe('2026-Q4')
    expect(periodText({ ...p, kind: 'month' })).toBe('2026-12')
  })

  it('writes a custom range with the tilde the core reads, and nothing until both days are chosen', () => {
    const p = defaultParts('2026-12-04')
    expect(periodText({ ...p, kind: 'range', range: ['2026-01-01', '2026-06-30'] })).toBe('2026-01-01~2026-06-30')
    expect(periodText({ ...p, kind: 'range', range: null })).toBe('')
  })

  it('reads back every form it writes and refuses what is not a period', () => {
    for (const text of ['2026', '2026-Q3', '2026-07', '2026-03-15~2026-06-30']) {
      const parts = parsePeriod(text)
      expect(parts).not.toBeNull()
      expect(periodText(parts!)).toBe(text)
    }
    expect(parsePeriod('2026-01-01..2026-02-01')!.range).toEqual(['2026-01-01', '2026-02-01'])
    expect(parsePeriod('2026-Q5')).toBeNull()
    expect(parsePeriod('2026-13')).toBeNull()
    expect(parsePeriod('去年')).toBeNull()
  })
})
