// Where a failure from the core is shown: under the form field it names, else as a message.
import { ElMessage } from 'element-plus'
import { AppError } from '../api/invoke'

export function showError(e: unknown, fieldErrors: Record<string, string>) {
  if (e instanceof AppError && e.field) fieldErrors[e.field] = e.message
  else ElMessage.error((e as Error).message)
}
