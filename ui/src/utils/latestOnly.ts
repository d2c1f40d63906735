// Runs an async task one call at a time, and only for the latest call: calls made while one
// runs wait for it, and all but the last of them are dropped. For work on one shared thing
// (a canvas) that newer input makes pointless, e.g. drawing a preview that has been replaced.
export function latestOnly(task: () => Promise<void>, onError: (e: unknown) => void): () => Promise<void> {
  let wanted = 0
  let running: Promise<void> = Promise.resolve()
  return () => {
    const mine = ++wanted
    running = running.then(() => (mine === wanted ? task() : undefined)).catch(onError)
    return running
  }
}
