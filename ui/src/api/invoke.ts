// Every call into the Rust core goes through invokeCmd: it logs failures and rethrows them
// as AppError, carrying the core's { kind, message, field? }.
import { invoke } from '@tauri-apps/api/core'
import type { IpcError, ErrorKind } from '../bindings'

export class AppError extends Error {
  kind: ErrorKind
  field?: string
  /** The technical text behind the message, shown behind 详情. */
  detail?: string
  constructor(e: IpcError) {
    super(e.message)
    this.kind = e.kind
    this.field = e.field
    this.detail = e.detail
  }
}

function isIpcError(e: unknown): e is IpcError {
  return typeof e === 'object' && e !== null && 'kind' in e && 'message' in e
}

export async function invokeCmd<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args)
  } catch (e) {
    console.error(`[invoke] ${cmd} failed`, e)
    if (isIpcError(e)) throw new AppError(e)
    // A shape the core never sends (e.g. a malformed argument): still say something useful.
    throw new AppError({ kind: 'storage', message: '操作失败，请重试；如果反复出现，请点“详情”把内容发给技术支持', detail: `${cmd}: ${String(e)}` })
  }
}
