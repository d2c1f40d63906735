import { describe, expect, it, vi, beforeEach } from 'vitest'
import { nextTick, ref } from 'vue'

const success = vi.fn()
const error = vi.fn()
vi.mock('element-plus', () => ({ ElMessage: { success, error }, ElMessageBox: { alert: vi.fn() } }))
vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }))

const { useFormDialog } = await import('./formDialog')
const { AppError } = await import('../api/invoke')

const blank = () => ({ place: '', schedule: '', deputyIds: [] as number[] })

describe('useFormDialog', () => {
  beforeEach(() => {
    success.mockReset()
    error.mockReset()
  })

  it('opens blank or with a record, forgetting what the last opening held', () => {
    const form = useFormDialog(blank)
    form.show({ place: '一楼', deputyIds: [3] }, 7)
    form.errors.place = '旧的提示'
    expect([form.open, form.id, form.place, form.deputyIds]).toEqual([true, 7, '一楼', [3]])
    form.show()
    expect([form.open, form.id, form.place, form.schedule, form.deputyIds, form.errors]).toEqual([true, null, '', '', [], {}])
  })

  it('keeps the version of the record it opened until it opens another or a blank one', () => {
    const form = useFormDialog(blank)
    form.show({ place: '一楼' }, { id: 7, version: 41 })
    expect([form.id, form.version]).toEqual([7, 41])
    form.show({ place: '二楼' }, 8)
    expect([form.id, form.version]).toEqual([8, null])
    form.show({}, { id: 9, version: 52 })
    form.show()
    expect([form.id, form.version]).toEqual([null, null])
  })

  it('closes on a save and shows its message, made from what the core returned', async () => {
    const form = useFormDialog(blank)
    form.show({ place: '一楼' })
    const saved = await form.submit(async () => ({ name: '接待点' }), (r) => `已保存${r.name}`)
    expect(saved).toBe(true)
    expect(form.open).toBe(false)
    expect(form.saving).toBe(false)
    expect(success).toHaveBeenCalledWith('已保存接待点')
  })

  it('keeps everything typed on a refusal and puts the reason under its field', async () => {
    const form = useFormDialog(blank)
    form.show({ place: '一楼', schedule: '每周三' })
    const refusal = new AppError({ kind: 'validation', message: '请填写接待时间', field: 'schedule' })
    const saved = await form.submit(async () => Promise.reject(refusal), '不会出现')
    expect(saved).toBe(false)
    expect([form.open, form.place, form.schedule]).toEqual([true, '一楼', '每周三'])
    expect(form.errors).toEqual({ schedule: '请填写接待时间' })
    expect(success).not.toHaveBeenCalled()
  })

  it('reports a refusal without a field as a message and clears the old field reasons', async () => {
    const form = useFormDialog(blank)
    form.show()
    form.errors.place = '旧的提示'
    const failure = new AppError({ kind: 'internal', message: '程序内部出错', detail: 'reception_add: boom' })
    expect(await form.submit(async () => Promise.reject(failure))).toBe(false)
    expect(form.errors).toEqual({})
    expect(error).toHaveBeenCalledTimes(1)
  })

  it('on a save over a change made meanwhile, keeps what was typed and has the pages read again', async () => {
    const { store } = await import('../store')
    const { STALE_FIELD } = await import('../bindings')
    const form = useFormDialog(blank)
    form.show({ place: '一楼' }, { id: 7, version: 41 })
    const before = store.revision
    const stale = new AppError({ kind: 'conflict', message: '接待点“一楼”在您打开之后又被修改过', field: STALE_FIELD })
    expect(await form.submit(async () => Promise.reject(stale))).toBe(false)
    expect([form.open, form.place, form.version]).toEqual([true, '一楼', 41])
    expect(form.errors).toEqual({})
    expect(store.revision).toBe(before + 1)
    // Any other refusal leaves the pages alone.
    await form.submit(async () => Promise.reject(new AppError({ kind: 'validation', message: '请填写接待时间', field: 'schedule' })))
    expect(store.revision).toBe(before + 1)
  })

  it('ignores a second save while the first is running', async () => {
    const form = useFormDialog(blank)
    form.show()
    let finish = () => {}
    const first = form.submit(() => new Promise<void>((done) => (finish = done)))
    expect(form.saving).toBe(true)
    expect(await form.submit(async () => undefined)).toBe(false)
    finish()
    expect(await first).toBe(true)
  })

  it('refuses before asking the core, under the named field', () => {
    const form = useFormDialog(blank)
    form.show()
    expect(form.refuse('communityId', '请选择社区')).toBe(false)
    expect(form.errors).toEqual({ communityId: '请选择社区' })
  })

  it('follows a parent that opens it and tells the parent when it closes', async () => {
    const form = useFormDialog(blank)
    const model = ref(false)
    form.follow(model, () => ({ place: '二楼' }))
    model.value = true
    await nextTick()
    expect([form.open, form.place]).toEqual([true, '二楼'])
    form.open = false
    await nextTick()
    expect(model.value).toBe(false)
  })
})
