import { beforeEach, describe, expect, it, vi } from 'vitest'

const invoke = vi.fn()
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }))
const messages: unknown[] = []
vi.mock('element-plus', () => ({
  ElMessage: { error: (m: unknown) => messages.push(m) },
  ElMessageBox: { alert: vi.fn() },
}))

const { AppError, invokeCmd } = await import('../api/invoke')
const { showError } = await import('./errors')

describe('a failure from the core', () => {
  beforeEach(() => {
    messages.length = 0
    invoke.mockReset()
    vi.spyOn(console, 'error').mockImplementation(() => {})
  })

  it('keeps the kind, field and message the core sent', async () => {
    invoke.mockRejectedValue({ kind: 'validation', field: 'idNumber', message: '身份证号应为18位' })
    const e = await invokeCmd('member_create', {}).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(AppError)
    expect(e).toMatchObject({ kind: 'validation', field: 'idNumber', message: '身份证号应为18位' })
  })

  it('turns a shape the core never sends into a plain message with the details behind it', async () => {
    invoke.mockRejectedValue('invalid args `org_id` for command')
    const e = await invokeCmd('member_create', {}).catch((x: unknown) => x)
    expect(e).toMatchObject({ kind: 'storage', detail: 'member_create: invalid args `org_id` for command' })
    expect((e as Error).message).toMatch(/^操作失败，请重试/)
  })

  it('goes under the field it names, and nowhere else', () => {
    const fields: Record<string, string> = {}
    showError(new AppError({ kind: 'validation', field: 'name', message: '请填写姓名' }), fields)
    expect(fields).toEqual({ name: '请填写姓名' })
    expect(messages).toEqual([])
  })

  it('without a field, is shown as a message; with details, as a message with 详情', () => {
    const fields: Record<string, string> = {}
    showError(new AppError({ kind: 'conflict', message: '该组织下还有党员，不能删除' }), fields)
    expect(messages).toEqual(['该组织下还有党员，不能删除'])
    showError(new AppError({ kind: 'storage', message: '数据库忙', detail: 'database is locked' }), fields)
    expect(messages).toHaveLength(2)
    expect(messages[1]).toMatchObject({ duration: 8000, showClose: true })
    expect(fields).toEqual({})
  })
})
