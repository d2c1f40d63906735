// A quick local check of ID numbers while typing (GB 11643). The Rust core checks again on
// save and its message is the one that counts; this only saves a round trip. Both give the
// verdicts of tests/vectors/id-numbers.json.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

export interface IdInfo {
  birthDate: string
  gender: 'male' | 'female'
}

/** Full-width characters (what an input method types in full-width mode) as ASCII, like the core. */
export function halfwidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ')
}

/** Whether the date exists in the (proleptic Gregorian) calendar. */
function exists(y: number, m: number, d: number): boolean {
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]
}

export function parseIdNumber(raw: string): IdInfo | string {
  // Characters, not UTF-16 units: a character outside the BMP is one character, as in the core.
  // Only ASCII letters are upper-cased ('ß' would otherwise become two letters).
  const id = Array.from(halfwidth(raw).trim().replace(/[a-z]/g, (c) => c.toUpperCase()))
  if (id.length !== 18) return '身份证号应为18位'
  if (!id.slice(0, 17).every((c) => c >= '0' && c <= '9')) return '身份证号前17位应为数字'
  if (!/^[0-9X]$/.test(id[17])) return '身份证号最后一位应为数字或X'
  const digits = id.join('')
  const [y, mo, d] = [digits.slice(6, 10), digits.slice(10, 12), digits.slice(12, 14)]
  if (!exists(Number(y), Number(mo), Number(d))) return '身份证号中的出生日期不存在'
  if (Number(y) < 1900) return '身份证号中的出生日期不合理'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]
  if (CHECK[sum % 11] !== id[17]) return '身份证号校验位不正确，请核对'
  return { birthDate: `${y}-${mo}-${d}`, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' }
}
