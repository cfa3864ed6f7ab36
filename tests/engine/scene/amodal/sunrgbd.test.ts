import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { loadRgbdFrame } from '../../../../main/sources/rgbdFrame'
import { buildScene } from '../../../../main/engine/scene/buildScene'
import type { Vec3 } from '../../../../main/engine/types'
import {
  SUNRGBD,
  SUNRGBD_FRAMES,
  loadSunBoxes,
  regionsFromGroundTruth,
} from '../../../helpers/sunrgbd'
import { cm, extentsInside, mean, sizeError } from './sizeErrors'

const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

describe('SUN RGB-D, 17 amodal ground-truth boxes (region prompts from the boxes): sizes with and without amodal', async () => {
  // The ground truth boxes are amodal and loose (PROVENANCE: ±10–20 cm), and several prompts lift the wrong
  // surface (an ottoman region that holds the bed), so the errors are large either way; what we check is that
  // completing the hidden parts brings the sizes closer on average, and we print every object.
  const rows: Record<string, string | number>[] = []
  const visibleErrors: number[] = []
  const amodalErrors: number[] = []
  const visibleCentre: number[] = []
  const amodalCentre: number[] = []
  let withAmodal = 0
  let inside = 0
  for (const frame of SUNRGBD_FRAMES) {
    const rgbd = await loadRgbdFrame({
      rgbPath: join(SUNRGBD, 'image', `${frame}.jpg`),
      depthPath: join(SUNRGBD, 'depth', `${frame}.png`),
      intrinsicsPath: join(SUNRGBD, 'intrinsics.json'),
    })
    const { objects, K } = loadSunBoxes(frame)
    const scene = buildScene(rgbd, { regions: regionsFromGroundTruth(objects, K, 730, 530) })
    for (const object of scene.objects) {
      const truth = objects.find((o) => o.class.replace('_', ' ') === object.label)!
      const size = {
        width: truth.size_m.along_heading,
        depth: truth.size_m.across_heading,
        height: truth.size_m.vertical,
      }
      const amodal = object.amodal ?? object
      if (object.amodal) withAmodal++
      if (object.amodal) inside += extentsInside(object.amodal, size)
      visibleErrors.push(sizeError(object.sizeM, size))
      amodalErrors.push(sizeError(amodal.sizeM, size))
      visibleCentre.push(distance(object.centerInCamera, truth.centroid_camera_m))
      amodalCentre.push(distance(amodal.centerInCamera, truth.centroid_camera_m))
      const dims = (s: { width: number; depth: number; height: number }) =>
        `${cm(s.width)} × ${cm(s.depth)} × ${cm(s.height)}`
      rows.push({
        frame,
        label: object.label,
        truthCm: dims(size),
        visibleCm: dims(object.sizeM),
        amodalCm: dims(amodal.sizeM),
        errorVisibleCm: cm(visibleErrors.at(-1)!),
        errorAmodalCm: cm(amodalErrors.at(-1)!),
        method: object.amodal?.method.split('; ').slice(0, -1).join('; ') ?? '(none)',
      })
    }
  }
  console.table(rows)
  console.log(
    `SUN RGB-D (17 boxes): mean size error visible ${cm(mean(visibleErrors))} cm, amodal ${cm(mean(amodalErrors))} cm; ` +
      `mean centre error visible ${cm(mean(visibleCentre))} cm, amodal ${cm(mean(amodalCentre))} cm; ` +
      `true extents inside the amodal intervals: ${inside}/${3 * rows.length}`,
  )

  it('estimates an amodal box for every one of the 17 objects', () => {
    expect(rows).toHaveLength(17)
    expect(withAmodal).toBe(17)
  })

  it('brings the sizes closer to the amodal ground truth on average', () => {
    expect(mean(amodalErrors)).toBeLessThan(mean(visibleErrors))
  })

  it('completes the night stand seen from the front (frame 4): deeper than its 11 cm visible sliver', () => {
    const index = rows.findIndex((r) => r.frame === '000004' && r.label === 'night stand')
    expect(amodalErrors[index]).toBeLessThan(visibleErrors[index])
  })
})
