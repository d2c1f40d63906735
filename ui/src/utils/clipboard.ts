// Copies text for pasting elsewhere, through the app: WebKitGTK refuses a page's own clipboard
// calls, and one path is the same on Windows and Linux.
import { clipboardWrite } from '../api/commands'

export async function copyText(text: string): Promise<void> {
  await clipboardWrite(text)
}
