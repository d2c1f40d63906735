// One form in a dialog: its fields, whether it is open or saving, the core's reasons under its
// fields, and the save that closes it on success and keeps everything typed on a refusal.
import { reactive, watch, type Ref } from 'vue'
import { ElMessage } from 'element-plus'
import { changed } from '../store'
import { isStale, showError } from './errors'

/** A record a form edits, as read: its id and the version it was read at, which the save sends
 * back so that a change made meanwhile is not overwritten (the core's `common::versions`). */
export interface Edited {
  id: number
  version: number
}

interface DialogState {
  open: boolean
  saving: boolean
  /** The record being changed; null while creating one. */
  id: number | null
  /** The version of that record as the form read it; null while creating one. */
  version: number | null
  /** Messages under fields, by the field names the core uses. */
  errors: Record<string, string>
}

/** `blank` gives the fields of a new, empty form. */
export function useFormDialog<F extends object>(blank: () => F) {
  const state = reactive({ ...blank(), open: false, saving: false, id: null, version: null, errors: {} } as F & DialogState)

  /** Opens the form with `values` over the blank fields, for `record` (null: a new one; an id
   * alone: a record whose saves are not versioned). */
  function show(values: Partial<F> = {}, record: Edited | number | null = null) {
    const [id, version] = typeof record === 'number' ? [record, null] : [record?.id ?? null, record?.version ?? null]
    Object.assign(state, blank(), values, { open: true, saving: false, id, version, errors: {} })
  }

  /** For a dialog component opened by its parent (`v-model`): opens with `values()` for
   * `record()` when the parent opens it, and tells the parent when it closes. */
  function follow(model: Ref<boolean>, values: () => Partial<F>, record: () => Edited | null = () => null) {
    watch(model, (now) => {
      if (now) show(values(), record())
    })
    watch(
      () => state.open,
      (now) => {
        if (model.value !== now) model.value = now
      },
    )
  }

  /** A reason found before asking the core, shown under `field`; the form stays open. */
  function refuse(field: string, message: string): false {
    state.errors = { [field]: message }
    return false
  }

  /** Runs the save; on success shows `message` (given the save's result), closes the form and
   * returns true. On a refusal the reason goes under its field (or to a message) and the form
   * stays open with everything typed. */
  async function submit<R>(work: () => Promise<R>, message?: string | ((result: R) => string)): Promise<boolean> {
    if (state.saving) return false
    state.errors = {}
    state.saving = true
    try {
      const result = await work()
      const text = typeof message === 'function' ? message(result) : message
      if (text) ElMessage.success(text)
      state.open = false
      return true
    } catch (e) {
      showError(e, state.errors)
      // The pages read the record again behind the open form, so that closing and reopening it
      // shows the change made meanwhile (and its version) rather than refusing the save again.
      if (isStale(e)) changed()
      return false
    } finally {
      state.saving = false
    }
  }

  return Object.assign(state, { show, follow, refuse, submit })
}
