// Where a failure from the core is shown: under the form field it names, else as a message —
// with a 详情 link to the technical text (SQLite's or the system's words) when there is one,
// for the secretary to copy to support. The message itself is always plain Chinese.
import { h } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { AppError } from '../api/invoke'
import { STALE_FIELD } from '../bindings'

const T = { details: '详情', detailsTitle: '错误详情（可复制给技术支持）', close: '关闭', staleTitle: '记录已被修改', ok: '知道了' }


/** Shows a failure as a message, with 详情 behind it when the core sent technical text. */
export function reportError(e: unknown) {
  const message = (e as Error).message
  const detail = e instanceof AppError ? e.detail : undefined
  if (!detail) {
    ElMessage.error(message)
    return
  }
  const showDetail = () => ElMessageBox.alert(detail, T.detailsTitle, { confirmButtonText: T.close, customClass: 'error-detail' })
  ElMessage.error({
    message: h('span', [message, ' ', h('a', { class: 'error-detail-link', href: '#', 'data-testid': 'error-detail', onClick: (ev: Event) => { ev.preventDefault(); showDetail() } }, T.details)]),
    duration: 8000,
    showClose: true,
  })
}

/** A save refused because the record changed after the form read it. */
export const isStale = (e: unknown): e is AppError => e instanceof AppError && e.field === STALE_FIELD

export function showError(e: unknown, fieldErrors: Record<string, string>) {
  // Not a field's fault: a notice that stays until read, so the typed text is not lost unseen.
  if (isStale(e))
    void ElMessageBox.alert(e.message, T.staleTitle, { type: 'warning', confirmButtonText: T.ok, customClass: 'stale-save' })
  else if (e instanceof AppError && e.field) fieldErrors[e.field] = e.message
  else reportError(e)
}
