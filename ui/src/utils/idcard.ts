// A quick local check of ID numbers while typing (GB 11643). The Rust core checks again on
// save and its message is the one that counts; this only saves a round trip.

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

export function parseIdNumber(raw: string): IdInfo | string {
  const id = halfwidth(raw).trim().toUpperCase()
  if (id.length !== 18) return '身份证号应为18位'
  if (!/^\d{17}$/.test(id.slice(0, 17))) return '身份证号前17位应为数字'
  if (!/[\dX]/.test(id[17])) return '身份证号最后一位应为数字或X'
  const y = Number(id.slice(6, 10))
  const mo = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return '身份证号中的出生日期不存在'
  }
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]
  if (CHECK[sum % 11] !== id[17]) return '身份证号校验位不正确，请核对'
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  }
}
