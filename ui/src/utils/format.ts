// How dates and counts read in the UI: 2026年11月28日 in text, YYYY-MM-DD in inputs.

export function formatDateCn(iso: string | null | undefined): string {
  if (!iso) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

export function formatCount(n: number, unit: string): string {
  return `${n.toLocaleString('zh-CN')}${unit}`
}

/** Money kept in fen, shown as yuan with thousands separators: 45000000 → "¥450,000.00". */
export function formatFen(fen: number): string {
  const yuan = Math.trunc(fen / 100).toLocaleString('en-US')
  return `¥${yuan}.${String(fen % 100).padStart(2, '0')}`
}

/** Hours kept in tenths: 25 → "2.5". */
export function formatTenths(tenths: number): string {
  return `${Math.trunc(tenths / 10)}.${tenths % 10}`
}

/** When something changed, in local time: "今天 14:05", "昨天 09:30", "11月20日 16:12". */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  const two = (n: number) => String(n).padStart(2, '0')
  const time = `${two(at.getHours())}:${two(at.getMinutes())}`
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
  const days = Math.round((day(now) - day(at)) / 86_400_000)
  if (days === 0) return `今天 ${time}`
  if (days === 1) return `昨天 ${time}`
  const date = at.getFullYear() === now.getFullYear() ? `${at.getMonth() + 1}月${at.getDate()}日` : `${at.getFullYear()}年${at.getMonth() + 1}月${at.getDate()}日`
  return `${date} ${time}`
}

/** A file size in the unit a secretary reads: 字节, KB or MB with one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
