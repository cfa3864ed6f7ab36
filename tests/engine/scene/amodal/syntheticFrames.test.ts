import { describe, expect, it } from 'vitest'
import { buildScene } from '../../../../main/engine/scene/buildScene'
import type { SceneObject, Vec3 } from '../../../../main/engine/types'
import {
  loadGroundTruth,
  loadSyntheticFrame,
  RESOLUTIONS,
} from '../../../helpers/syntheticTabletop'
import { cm, extentsInside, mean, sizeError, type Extents } from './sizeErrors'

const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

describe.each(RESOLUTIONS)(
  'synthetic tabletop %s: amodal sizes against the true solids',
  (resolution) => {
    const gt = loadGroundTruth(resolution)
    const scene = buildScene(loadSyntheticFrame(resolution))
    const rows = gt.objects.map((truth) => {
      const object = scene.objects.reduce((best: SceneObject, o) =>
        distance(o.centerInWorld, truth.centre_world) <
        distance(best.centerInWorld, truth.centre_world)
          ? o
          : best,
      )
      const isCylinder = truth.shape === 'cylinder'
      const size: Extents = {
        width: isCylinder ? truth.size_m.diameter! : truth.size_m.width!,
        depth: isCylinder ? truth.size_m.diameter! : truth.size_m.depth!,
        height: truth.size_m.height,
      }
      return {
        truth,
        size,
        object,
        visibleError: sizeError(object.sizeM, size),
        amodalError: sizeError(object.amodal!.sizeM, size),
      }
    })
    console.log(
      `${resolution}: mean size error visible ${cm(mean(rows.map((r) => r.visibleError)))} cm, amodal ${cm(mean(rows.map((r) => r.amodalError)))} cm; ` +
        rows.map((r) => `${r.truth.name} ${cm(r.visibleError)}→${cm(r.amodalError)}`).join(', ') +
        `; true extents inside the intervals ${rows.reduce((n, r) => n + extentsInside(r.object.amodal!, r.size), 0)}/18`,
    )

    it('gives every object an amodal box', () => {
      for (const row of rows) expect(row.object.amodal).toBeDefined()
    })

    it('is closer to the true sizes than the visible boxes on average', () => {
      expect(mean(rows.map((r) => r.amodalError))).toBeLessThan(
        mean(rows.map((r) => r.visibleError)),
      )
    })

    it('holds the true extent inside its interval for at least 16 of the 18 extents', () => {
      // The visible extents carry the visible fit's own error (box_small's depth is seen 1.4 cm too deep); the
      // intervals allow the measurement noise, not that.
      const inside = rows.reduce((n, r) => n + extentsInside(r.object.amodal!, r.size), 0)
      expect(inside).toBeGreaterThanOrEqual(16)
    })

    it('recognises the three cylinders, diameters within 4 %, the truth inside each interval', () => {
      for (const row of rows.filter((r) => r.truth.shape === 'cylinder')) {
        const amodal = row.object.amodal!
        expect(amodal.method).toMatch(/cylinder fit/)
        const diameter = row.size.width
        for (const axis of ['width', 'depth'] as const) {
          expect(Math.abs(amodal.sizeM[axis] - diameter) / diameter).toBeLessThan(0.04)
          expect(amodal.sizeIntervalM[axis][0]).toBeLessThanOrEqual(diameter)
          expect(amodal.sizeIntervalM[axis][1]).toBeGreaterThanOrEqual(diameter)
        }
      }
    })

    it('leaves the boxes as seen (from above their tops and faces are visible: nothing is hidden to complete)', () => {
      for (const row of rows.filter((r) => r.truth.shape === 'box')) {
        const amodal = row.object.amodal!
        expect(amodal.method).not.toMatch(/symmetry|cylinder|carved/)
        const completed = [amodal.sizeM.width, amodal.sizeM.depth].sort((a, b) => a - b)
        const visible = [row.object.sizeM.width, row.object.sizeM.depth].sort((a, b) => a - b)
        expect(Math.abs(completed[0] - visible[0])).toBeLessThan(0.005)
        expect(Math.abs(completed[1] - visible[1])).toBeLessThan(0.005)
        expect(amodal.sizeM.height).toBeCloseTo(row.object.sizeM.height, 9)
      }
    })
  },
)
