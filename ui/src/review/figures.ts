// How the review's figures read on the page: shares as per cent ("—" when there is nothing to
// be a share of, never "NaN%"), money in 万元 or 元, months as 1月…12月.
import type { Share } from '../bindings'

/** Per cent with one decimal, as the core rounds it; `null` when the base is zero. */
export function percent(s: Share): number | null {
  return s.of > 0 ? Math.round((s.count * 1000) / s.of) / 10 : null
}

/** "97.5%", or "—" when there is nothing to be a share of. */
export function percentText(s: Share): string {
  const p = percent(s)
  return p === null ? '—' : `${p}%`
}

/** "3,504 / 3,560" with the share in brackets: the way a table cell reads a share. */
export function shareText(s: Share): string {
  return `${s.count.toLocaleString('zh-CN')} / ${s.of.toLocaleString('zh-CN')}（${percentText(s)}）`
}

/** Fen as 万元 with two decimals for charts: 45000000 → 45. */
export function fenToWan(fen: number): number {
  return Math.round(fen / 10_000) / 100
}

/** `2026-11` → "11月"; `2026-Q4` → "四季度". */
export function shortPeriod(p: string): string {
  const q = /-Q([1-4])$/.exec(p)
  if (q) return `${'一二三四'[Number(q[1]) - 1]}季度`
  const m = /-(\d{2})$/.exec(p)
  return m ? `${Number(m[1])}月` : p
}
