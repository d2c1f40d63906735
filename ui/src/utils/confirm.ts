// The one question before something is deleted, in the same words everywhere.
import { ElMessageBox } from 'element-plus'

export async function confirmDelete(message: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, '删除', { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消' })
    return true
  } catch {
    return false
  }
}
