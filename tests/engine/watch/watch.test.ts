import { describe, expect, it } from 'vitest'
import { parseWatch } from '../../../main/engine/watch/parseWatch'
import { WatchEvaluator, type WatchEvent } from '../../../main/engine/watch/WatchEvaluator'
import type { Scene, Vec3 } from '../../../main/engine/types'
import { sceneWithBoxes } from '../answers/sceneFromGroundTruth'

/** Mug fixed at x = 0; the bottle's centre at x = `bottleX` (both 8 cm wide, so the gap is bottleX − 0.08). */
function sceneAt(bottleX: number): Scene {
  const mug: Vec3 = [0, 0.6, 0.05]
  return sceneWithBoxes([
    { name: 'mug', c: mug, s: [0.08, 0.08, 0.1] },
    { name: 'bottle', c: [bottleX, 0.6, 0.05], s: [0.08, 0.08, 0.1] },
  ])
}

function spec(phrase: string) {
  const p = parseWatch(phrase)
  if (!p.ok) throw new Error(p.reason)
  return p.spec
}

describe('parseWatch', () => {
  it('reads alert phrasings with their threshold in metres', () => {
    const a = spec('Alert when the mug is within 5 cm of the bottle')
    expect(a).toMatchObject({
      kind: 'alert',
      comparison: 'below',
      measure: 'gap between mug and bottle',
    })
    expect(a.kind === 'alert' && a.thresholdM).toBeCloseTo(0.05, 12)
    const b = spec('warn if the mug and the bottle are closer than 2 in')
    expect(b.kind === 'alert' && b.thresholdM).toBeCloseTo(0.0508, 12)
    const c = spec('notify me when the mug is more than 30 cm from the bottle')
    expect(c).toMatchObject({ kind: 'alert', comparison: 'above' })
    expect(c.kind === 'alert' && c.thresholdM).toBeCloseTo(0.3, 12)
  })

  it('reads log phrasings and bare measuring questions', () => {
    expect(spec('log the distance between A and B every frame')).toMatchObject({
      kind: 'log',
      measure: 'the distance between a and b',
    })
    expect(spec('distance between mug and bottle')).toMatchObject({ kind: 'log' })
    expect(spec('watch the gap between the mug and the bottle')).toMatchObject({ kind: 'log' })
  })

  it('refuses what it cannot watch, with a reason', () => {
    const bad = parseWatch('alert when the mug is sad')
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.reason).toMatch(/within 5 cm/)
    expect(parseWatch('').ok).toBe(false)
    expect(parseWatch('banana').ok).toBe(false)
  })
})

describe('WatchEvaluator', () => {
  it('fires the alert at the frames where the gap crosses 5 cm, with hysteresis on leaving', () => {
    // Gap = x − 0.08: 0.22, 0.12, 0.06, 0.045 (enter), 0.03, 0.052 (inside hysteresis), 0.07 (leave), 0.04 (enter)
    const xs = [0.3, 0.2, 0.14, 0.125, 0.11, 0.132, 0.15, 0.12]
    const w = new WatchEvaluator(spec('alert when the mug is within 5 cm of the bottle'), {
      hysteresisM: 0.005,
    })
    const alerts: WatchEvent[] = []
    xs.forEach((x, i) => alerts.push(...w.evaluate(sceneAt(x), i, BigInt(i) * 33_000_000n).events))
    const fired = alerts.filter((e) => e.type !== 'value').map((e) => [e.type, e.frameIndex])
    expect(fired).toEqual([
      ['alert_entered', 3],
      ['alert_left', 6],
      ['alert_entered', 7],
    ])
    const entered = alerts.find((e) => e.type === 'alert_entered')!
    expect(entered.type === 'alert_entered' && entered.valueM).toBeCloseTo(0.045, 6)
  })

  it('logs a row per change beyond the threshold, not per frame', () => {
    // Centre distances: 0.30 ×3, 0.302 (below 5 mm), 0.31, 0.31, 0.25
    const xs = [0.3, 0.3, 0.3, 0.302, 0.31, 0.31, 0.25]
    const w = new WatchEvaluator(
      spec('log the distance between the mug and the bottle every frame'),
      {
        minChangeM: 0.005,
      },
    )
    const rows = xs.flatMap((x, i) => w.evaluate(sceneAt(x), i, BigInt(i)).events)
    expect(rows.map((e) => e.frameIndex)).toEqual([0, 4, 6])
    expect(rows.map((e) => (e.type === 'value' ? e.valueM : NaN))).toEqual([
      expect.closeTo(0.3, 9),
      expect.closeTo(0.31, 9),
      expect.closeTo(0.25, 9),
    ])
  })

  it('logs at an interval even when the value stands still', () => {
    const w = new WatchEvaluator(spec('distance between mug and bottle'), {
      minChangeM: 1,
      minIntervalNs: 100n,
    })
    const frames = [0n, 40n, 80n, 120n, 160n, 230n]
    const rows = frames.flatMap((t, i) => w.evaluate(sceneAt(0.3), i, t).events)
    expect(rows.map((e) => e.timestampNs)).toEqual([0n, 120n, 230n])
  })

  it('says once when an object is missing, then goes on when it is back', () => {
    const w = new WatchEvaluator(spec('distance between mug and bottle'))
    const only = sceneAt(0.3)
    only.objects = only.objects.filter((o) => o.name === 'mug')
    const events = [sceneAt(0.3), only, only, sceneAt(0.4)].flatMap(
      (s, i) => w.evaluate(s, i, BigInt(i)).events,
    )
    expect(events.map((e) => [e.type, e.frameIndex])).toEqual([
      ['value', 0],
      ['unavailable', 1],
      ['value', 3],
    ])
  })
})

describe('watch on tracked objects', () => {
  it('keeps measuring a coasting track (missed for a frame) with its last smoothed box', async () => {
    const { Tracker, trackedScene } = await import('../../../main/engine/tracking')
    const tracker = new Tracker({ confirmHits: 2, maxMisses: 3 })
    const w = new WatchEvaluator(spec('distance between mug and bottle'), { minChangeM: 0 })
    const mugOnly = sceneAt(0.3)
    mugOnly.objects = mugOnly.objects.filter((o) => o.name === 'mug')
    const frames = [sceneAt(0.3), sceneAt(0.3), mugOnly]
    const readings = frames.map((s, i) =>
      w.evaluate(trackedScene(s, tracker.update(s)), i, BigInt(i)),
    )
    expect(readings[0].valueM).toBeNull() // tracks not confirmed at their first sighting
    expect(readings[1].valueM).toBeCloseTo(0.3, 6)
    expect(readings[2].valueM).toBeCloseTo(0.3, 6) // the bottle was not seen: its track coasts
  })
})
