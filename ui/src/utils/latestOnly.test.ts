import { describe, expect, it } from 'vitest'
import { latestOnly } from './latestOnly'

/** A task whose runs finish only when the test says so, recording how many overlap. */
function gated() {
  const runs: { input: string; finish: () => void }[] = []
  let active = 0
  let most = 0
  let input = ''
  const task = () =>
    new Promise<void>((resolve) => {
      active += 1
      most = Math.max(most, active)
      runs.push({ input, finish: () => { active -= 1; resolve() } })
    })
  return { runs, task, most: () => most, set: (v: string) => (input = v) }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('latestOnly', () => {
  it('never runs two at once, and skips the calls a newer one replaced', async () => {
    const g = gated()
    const run = latestOnly(g.task, () => {})
    g.set('A')
    void run()
    await settle()
    g.set('B')
    void run()
    g.set('C')
    const last = run()
    await settle()
    expect(g.runs.map((r) => r.input)).toEqual(['A'])
    g.runs[0].finish()
    await settle()
    // B was replaced by C before its turn came: only C is drawn after A.
    expect(g.runs.map((r) => r.input)).toEqual(['A', 'C'])
    g.runs[1].finish()
    await last
    expect(g.most()).toBe(1)
  })

  it('reports a failed run and keeps running the next', async () => {
    const errors: unknown[] = []
    let calls = 0
    const run = latestOnly(async () => {
      calls += 1
      if (calls === 1) throw new Error('画不出来')
    }, (e) => errors.push(e))
    await run()
    await run()
    expect(calls).toBe(2)
    expect(errors.map((e) => (e as Error).message)).toEqual(['画不出来'])
  })
})
