import { describe, expect, it } from 'vitest'
import { buildScene } from '../../../main/engine/scene/buildScene'
import type { Scene, SceneObject, Vec3 } from '../../../main/engine/types'
import {
  loadGroundTruth,
  loadSyntheticFrame,
  RESOLUTIONS,
  type GroundTruth,
} from '../../helpers/syntheticTabletop'

const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])

/** Matches each ground-truth object to the scene object with the nearest centre. */
function matchObjects(scene: Scene, gt: GroundTruth): Map<string, SceneObject> {
  const matches = new Map<string, SceneObject>()
  for (const truth of gt.objects) {
    let best: SceneObject | undefined
    for (const object of scene.objects) {
      if (
        !best ||
        distance(object.centerInWorld, truth.centre_world) <
          distance(best.centerInWorld, truth.centre_world)
      ) {
        best = object
      }
    }
    if (best) matches.set(truth.name, best)
  }
  return matches
}

describe.each(RESOLUTIONS)('synthetic tabletop %s', (resolution) => {
  const gt = loadGroundTruth(resolution)
  const scene = buildScene(loadSyntheticFrame(resolution))
  const matches = matchObjects(scene, gt)

  it('finds a support plane whose normal is within 1° of the table normal', () => {
    expect(scene.plane).not.toBeNull()
    const [a, b, c, d] = gt.table_plane_camera.coeffs
    const n = scene.plane!.normal
    const angleDeg = (Math.acos(Math.min(1, n[0] * a + n[1] * b + n[2] * c)) * 180) / Math.PI
    expect(angleDeg).toBeLessThan(1)
    expect(Math.abs(scene.plane!.offset - d)).toBeLessThan(0.01)
  })

  it('finds exactly the 6 objects, one per ground-truth object', () => {
    expect(scene.objects).toHaveLength(6)
    const matched = new Set([...matches.values()].map((o) => o.id))
    expect(matched.size).toBe(6)
  })

  it('places object centres within 1 cm on average (world and camera frames)', () => {
    const worldErrors = gt.objects.map((t) =>
      distance(matches.get(t.name)!.centerInWorld, t.centre_world),
    )
    const cameraErrors = gt.objects.map((t) =>
      distance(matches.get(t.name)!.centerInCamera, t.centre_camera),
    )
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
    console.log(
      `${resolution} centre error mean ${(mean(worldErrors) * 100).toFixed(2)} cm, max ${(Math.max(...worldErrors) * 100).toFixed(2)} cm`,
    )
    expect(mean(worldErrors)).toBeLessThan(0.01)
    expect(mean(cameraErrors)).toBeLessThan(0.01)
  })

  it('gets pairwise distances within 1 cm mean and 2 cm max', () => {
    const errors = Object.entries(gt.pairwise_centre_distances_m).map(([pair, truth]) => {
      const [a, b] = pair.split('|')
      return Math.abs(
        distance(matches.get(a)!.centerInWorld, matches.get(b)!.centerInWorld) - truth,
      )
    })
    const mean = errors.reduce((s, x) => s + x, 0) / errors.length
    console.log(
      `${resolution} pairwise error mean ${(mean * 100).toFixed(2)} cm, max ${(Math.max(...errors) * 100).toFixed(2)} cm`,
    )
    expect(errors).toHaveLength(15)
    expect(mean).toBeLessThan(0.01)
    expect(Math.max(...errors)).toBeLessThan(0.02)
  })

  it('recovers heights within 1.5 cm and footprints within 2 cm', () => {
    for (const truth of gt.objects) {
      const object = matches.get(truth.name)!
      expect(Math.abs(object.sizeM.height - truth.size_m.height)).toBeLessThan(0.015)
      const footprint =
        truth.shape === 'cylinder'
          ? [truth.size_m.diameter!, truth.size_m.diameter!]
          : [truth.size_m.width!, truth.size_m.depth!]
      const fitted = [object.sizeM.width, object.sizeM.depth].sort()
      const expected = [...footprint].sort()
      expect(Math.abs(fitted[0] - expected[0])).toBeLessThan(0.02)
      expect(Math.abs(fitted[1] - expected[1])).toBeLessThan(0.02)
    }
  })

  it('gives every object a unique name', () => {
    const names = scene.objects.map((o) => o.name)
    expect(new Set(names).size).toBe(names.length)
  })
})
