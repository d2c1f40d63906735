// The one question before something is deleted, in the same words everywhere, and what follows:
// the deletion, a short success message, or the core's reason for refusing.
import { ElMessage, ElMessageBox } from 'element-plus'
import { reportError } from './errors'

export async function confirmDelete(message: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, '删除', { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消' })
    return true
  } catch {
    return false
  }
}

/** Asks, deletes, and reports; true when something was deleted. */
export async function deleteAfterConfirm(message: string, remove: () => Promise<unknown>): Promise<boolean> {
  if (!(await confirmDelete(message))) return false
  try {
    await remove()
    ElMessage.success('已删除')
    return true
  } catch (e) {
    reportError(e)
    return false
  }
}
