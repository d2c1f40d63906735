import { Channel } from '@tauri-apps/api/core'
import type { PrintOptions, PrintProgress, PrintSaved, PrintSettings, PrintSummary } from '../bindings'
import { invokeCmd } from './invoke'

export const printSettingsGet = () => invokeCmd<PrintSettings>('print_settings_get')
export const printSettingsSet = (settings: PrintSettings) => invokeCmd<PrintSettings>('print_settings_set', { settings })
export const printEmblemPick = () => invokeCmd<boolean>('print_emblem_pick')
export const printEmblemClear = () => invokeCmd<void>('print_emblem_clear')
export const printCount = (options: PrintOptions) => invokeCmd<PrintSummary>('print_count', { options })
/** The first sheet as PDF bytes. */
export const printPreview = (options: PrintOptions) => invokeCmd<ArrayBuffer>('print_preview', { options })
export const printCancel = () => invokeCmd<void>('print_cancel')
export const printOpenLast = () => invokeCmd<void>('print_open_last')

export function printSave(options: PrintOptions, fileName: string, open: boolean, onProgress: (p: PrintProgress) => void) {
  const channel = new Channel<PrintProgress>()
  channel.onmessage = onProgress
  return invokeCmd<PrintSaved | null>('print_save', { options, fileName, open, onProgress: channel })
}
