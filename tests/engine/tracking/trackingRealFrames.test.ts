import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { loadRgbdFrame } from '../../../main/sources/rgbdFrame'
import { buildScene } from '../../../main/engine/scene/buildScene'
import { Tracker } from '../../../main/engine/tracking/Tracker'
import type { Scene, SceneObject } from '../../../main/engine/types'

const STAMPS = ['20121214T142255.814212', '20121214T142256.068683', '20121214T142256.332395']
const fixture = (p: string) =>
  fileURLToPath(new URL(`../../fixtures/pcl-kinect/${p}`, import.meta.url))

async function scenes(): Promise<Scene[]> {
  const out: Scene[] = []
  for (const t of STAMPS) {
    const frame = await loadRgbdFrame({
      rgbPath: fixture(`rgbd/frame_${t}_rgb.png`),
      depthPath: fixture(`rgbd/frame_${t}_depth.png`),
      intrinsicsPath: fixture('intrinsics.json'),
    })
    out.push(buildScene(frame))
  }
  return out
}

/** Independent reference: the object of `next` with the nearest centre to `o`, if within 10 cm. */
function nearest(o: SceneObject, next: Scene): SceneObject | null {
  let best: SceneObject | null = null
  let bestD = 0.1
  for (const p of next.objects) {
    const d = Math.hypot(...o.centerInWorld.map((v, i) => v - p.centerInWorld[i]))
    if (d < bestD) [best, bestD] = [p, d]
  }
  return best
}

describe('tracking on 3 consecutive real Kinect frames (PCL grabber sequence)', () => {
  it('keeps one id and the first name for every large object seen in all frames', async () => {
    const [s1, s2, s3] = await scenes()
    const tracker = new Tracker({ confirmHits: 1 })
    const t1 = tracker.update(s1)
    const t2 = tracker.update(s2)
    const t3 = tracker.update(s3)
    const idOf = (tracks: typeof t1, o: SceneObject) => tracks.find((t) => t.lastObject === o)?.id
    let followed = 0
    for (const o1 of s1.objects.filter((o) => o.pointCount > 1000)) {
      const o2 = nearest(o1, s2)
      const o3 = o2 && nearest(o2, s3)
      if (!o2 || !o3) continue
      followed++
      const id = idOf(t1, o1)
      expect(id).toBeDefined()
      expect(idOf(t2, o2)).toBe(id)
      expect(idOf(t3, o3)).toBe(id)
      expect(t3.find((t) => t.id === id)!.name).toBe(o1.name)
    }
    // The laptop, the box and two more clusters persist across the three frames.
    expect(followed).toBeGreaterThanOrEqual(3)
  })
})
