import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../main/engine/answers'
import { loadGroundTruth, sceneFromGroundTruth } from '../answers/sceneFromGroundTruth'
import { templatePhrasings } from './templatePhrasings'

/**
 * Every phrasing the old regular-expression templates answered gets the same answer from the grammar. The
 * expected answers were recorded from the templates themselves (see the fixture's comment) on the synthetic
 * tabletop ground truth, at two resolutions.
 */
interface Recorded {
  res: string
  q: string
  kind: string
  value: number | boolean | string | null
}
const fixture = JSON.parse(
  readFileSync(fileURLToPath(new URL('./templateParity.json', import.meta.url)), 'utf8'),
) as { entries: Recorded[]; supportReadings: Array<Recorded & { templateValue: unknown }> }

const scenes = new Map(
  ['640x480', '320x240'].map((r) => [r, sceneFromGroundTruth(loadGroundTruth(r))]),
)

describe('the grammar answers every phrasing the regex templates answered', () => {
  it('covers every template phrasing at both resolutions', () => {
    const n = templatePhrasings().length
    expect(fixture.entries.length + fixture.supportReadings.length).toBe(2 * n)
    expect(n).toBeGreaterThan(900)
  })
  it.each(['640x480', '320x240'])('same kind and value on the %s ground truth', (res) => {
    const scene = scenes.get(res)!
    const wrong: string[] = []
    for (const e of fixture.entries.filter((x) => x.res === res)) {
      const a = answerQuestion(scene, e.q)
      const same =
        a.kind === e.kind &&
        (typeof e.value === 'number'
          ? typeof a.value === 'number' && Math.abs(a.value - e.value) < 1e-9
          : a.value === e.value)
      if (!same)
        wrong.push(`${e.q}: ${a.kind} ${String(a.value)} (templates: ${e.kind} ${String(e.value)})`)
    }
    expect(wrong).toEqual([])
  })
  it('"is A on top of B" asks whether A rests on B (a support answer), not only whether it is higher', () => {
    const scene = scenes.get('640x480')!
    for (const e of fixture.supportReadings.filter((x) => x.res === '640x480')) {
      const a = answerQuestion(scene, e.q)
      expect(a.kind, e.q).toBe('support')
      // Nothing rests on another object in this scene: every object stands on the table.
      expect(a.value, e.q).toBe(false)
    }
  })
})
