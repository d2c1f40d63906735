// Keyboard saving for every dialog (UI.md: "saved with Ctrl+S or Enter, Esc cancels"): Ctrl+S
// anywhere in an open dialog, or Enter in one of its single-line text boxes, presses the
// dialog's primary button. Enter in a date picker or a select confirms that field instead, and
// a textarea keeps Enter for new lines. A form that handles the keys itself (and prevents
// their default) is left alone. Element Plus closes dialogs on Esc by itself.

const OWN_ENTER = '.el-date-editor, .el-select, .el-tree-select, .el-autocomplete, .el-cascader'

/** The dialog the user is working in: the one holding the focus, else the topmost open one. */
function activeDialog(target: EventTarget | null): HTMLElement | null {
  const own = target instanceof HTMLElement ? target.closest<HTMLElement>('.el-dialog') : null
  if (own) return own
  const open = Array.from(document.querySelectorAll<HTMLElement>('.el-overlay .el-dialog')).filter(
    (d) => d.getClientRects().length > 0,
  )
  return open[open.length - 1] ?? null
}

function primaryButton(dialog: HTMLElement): HTMLButtonElement | null {
  const buttons = dialog.querySelectorAll<HTMLButtonElement>('.el-dialog__footer .el-button--primary')
  const last = buttons[buttons.length - 1]
  if (!last || last.disabled || last.classList.contains('is-loading')) return null
  return last
}

export function shouldSaveOnEnter(target: HTMLElement): boolean {
  return target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox' && (target as HTMLInputElement).type !== 'radio' && !target.closest(OWN_ENTER)
}

function onKeydown(e: KeyboardEvent) {
  // keyCode 229: the Chinese input method is still composing; its Enter picks the characters.
  if (e.defaultPrevented || e.isComposing || e.keyCode === 229) return
  const isSave = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's'
  const isEnter = e.key === 'Enter' && !e.ctrlKey && !e.altKey && !e.shiftKey && e.target instanceof HTMLElement
  if (!isSave && !isEnter) return
  if (isEnter && !(shouldSaveOnEnter(e.target as HTMLElement) && (e.target as HTMLElement).closest('.el-dialog'))) return
  if (isSave) e.preventDefault()
  const dialog = activeDialog(e.target)
  const button = dialog && primaryButton(dialog)
  if (!button) return
  e.preventDefault()
  button.click()
}

export function installSaveKeys() {
  document.addEventListener('keydown', onKeydown)
}
