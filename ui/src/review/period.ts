// The review's period as the core reads it (`2026`, `2026-Q4`, `2026-11`,
// `2026-01-01~2026-06-30`), built from what the period picker shows and taken apart again.

export type PeriodKind = 'year' | 'quarter' | 'month' | 'range'

export interface PeriodParts {
  kind: PeriodKind
  year: number
  /** 1–4 for a quarter. */
  quarter: number
  /** `2026-11` for a month. */
  month: string
  /** The first and last day of a custom range. */
  range: [string, string] | null
}

/** The current year up to `today` (YYYY-MM-DD): the page's default, as the command line's. */
export function defaultParts(today: string): PeriodParts {
  const year = Number(today.slice(0, 4)) || new Date().getFullYear()
  const month = today.slice(0, 7) || `${year}-01`
  return { kind: 'year', year, quarter: Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1 || 1, month, range: null }
}

/** The period text for the core; empty while a custom range is not yet chosen. */
export function periodText(p: PeriodParts): string {
  switch (p.kind) {
    case 'year':
      return String(p.year)
    case 'quarter':
      return `${p.year}-Q${p.quarter}`
    case 'month':
      return p.month
    case 'range':
      return p.range ? `${p.range[0]}~${p.range[1]}` : ''
  }
}

/** The parts of a period text (a link or a saved choice); `null` for one that is not a period. */
export function parsePeriod(text: string): PeriodParts | null {
  const base = defaultParts('')
  let m = /^(\d{4})$/.exec(text)
  if (m) return { ...base, kind: 'year', year: Number(m[1]) }
  m = /^(\d{4})-Q([1-4])$/.exec(text)
  if (m) return { ...base, kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) }
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text)
  if (m) return { ...base, kind: 'month', year: Number(m[1]), month: text }
  m = /^(\d{4}-\d{2}-\d{2})(?:~|\.\.)(\d{4}-\d{2}-\d{2})$/.exec(text)
  if (m) return { ...base, kind: 'range', year: Number(m[1].slice(0, 4)), range: [m[1], m[2]] }
  return null
}
