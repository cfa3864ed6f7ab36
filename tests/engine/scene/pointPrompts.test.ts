import { describe, expect, it } from 'vitest'
import { buildScene } from '../../../main/engine/scene/buildScene'
import type { Frame } from '../../../main/engine/types'
import { rayCastScene, type RayCastScene, type SolidSpec } from '../../helpers/rayCastScene'

const W = 480
const H = 360

/** A 16 cm bowl (6 cm tall, 6 mm wall, inner floor 1.5 cm up) touching a 8 × 10 cm can, and a box. */
const BOWL: SolidSpec = {
  kind: 'bowl',
  center: [0.0, 0.8],
  radius: 0.08,
  rimHeight: 0.06,
  wall: 0.006,
  floorHeight: 0.015,
}
const CAN: SolidSpec = { kind: 'cylinder', center: [0.12, 0.8], radius: 0.04, height: 0.1 }
const BOX: SolidSpec = { kind: 'box', center: [-0.17, 0.85], size: [0.1, 0.06, 0.12], yawDeg: 15 }

function frameOf(scene: RayCastScene): Frame {
  const rgb = new Uint8Array(W * H * 3).fill(128)
  return {
    cameraId: 'test',
    timestampNs: 0n,
    rgb: { width: W, height: H, data: rgb },
    depth: scene.depth,
    intrinsics: scene.intrinsics,
    depthSource: 'sensor',
  }
}

/** Pixels (u, v) where `accept(objectId, exact world height)` holds, at the 20/50/80 % positions in raster order. */
function clicks(
  scene: RayCastScene,
  accept: (id: number, z: number) => boolean,
): [number, number][] {
  const pixels: number[] = []
  for (let i = 0; i < scene.objectId.length; i++)
    if (accept(scene.objectId[i], scene.worldZ[i])) pixels.push(i)
  expect(pixels.length).toBeGreaterThan(20)
  return [0.2, 0.5, 0.8].map((f) => {
    const pixel = pixels[Math.floor(f * pixels.length)]
    return [pixel % W, Math.floor(pixel / W)]
  })
}

describe('point prompts on a bowl, a can and a box (ray-cast, 0.3 % depth noise)', () => {
  const scene = rayCastScene({
    width: W,
    height: H,
    focalPx: 420,
    solids: [BOWL, CAN, BOX],
    noiseRel: 0.003,
    seed: 5,
  })
  const frame = frameOf(scene)
  const promptAt = (point: [number, number]) =>
    buildScene(frame, { regions: [{ label: 'thing', point }] })

  it("a click on the bowl's inner floor yields the whole bowl, not the floor and not the can", () => {
    for (const point of clicks(
      scene,
      (id, z) => id === 0 && Math.abs(z - BOWL.floorHeight) < 1e-4,
    )) {
      const result = promptAt(point)
      expect(result.objects, `click ${point}`).toHaveLength(1)
      const { width, depth, height } = result.objects[0].sizeM
      // True bowl: 16 × 16 cm footprint, 6 cm tall (the floor alone is 1.5 cm tall, the can 10 cm).
      expect(Math.abs(height - 0.06), `click ${point}`).toBeLessThan(0.006)
      for (const side of [width, depth])
        expect(Math.abs(side - 0.16), `click ${point}`).toBeLessThan(0.015)
    }
  })

  it("a click on the bowl's inner wall or rim yields the bowl at its full height", () => {
    for (const point of clicks(scene, (id, z) => id === 0 && z > 0.03 && z < 0.06)) {
      const { sizeM } = promptAt(point).objects[0]
      expect(Math.abs(sizeM.height - 0.06)).toBeLessThan(0.006)
      expect(Math.max(sizeM.width, sizeM.depth)).toBeGreaterThan(0.14)
      expect(Math.max(sizeM.width, sizeM.depth)).toBeLessThan(0.175)
    }
  })

  it('a click on the can or the box yields that object only', () => {
    for (const point of clicks(scene, (id) => id === 1)) {
      const { sizeM } = promptAt(point).objects[0]
      expect(Math.abs(sizeM.height - 0.1)).toBeLessThan(0.006)
      for (const side of [sizeM.width, sizeM.depth])
        expect(Math.abs(side - 0.08)).toBeLessThan(0.012)
    }
    for (const point of clicks(scene, (id) => id === 2)) {
      const { sizeM } = promptAt(point).objects[0]
      expect(Math.abs(sizeM.height - 0.12)).toBeLessThan(0.006)
      expect([sizeM.width, sizeM.depth].sort()[1]).toBeGreaterThan(0.09)
      expect([sizeM.width, sizeM.depth].sort()[1]).toBeLessThan(0.115)
    }
  })

  it('a click on the bare table yields no object and a warning that says it is the table', () => {
    for (const point of clicks(scene, (id, z) => id === -1 && z === 0).slice(0, 2)) {
      const result = promptAt(point)
      expect(result.objects).toHaveLength(0)
      expect(result.warnings.join(' ')).toMatch(
        /region 1 \("thing"\): point \[\d+, \d+\] is on the support plane/,
      )
    }
  })

  it('a click where the sensor saw nothing yields a warning that says so', () => {
    expect(scene.objectId[5 * W + 5]).toBe(-2) // beyond the table
    const result = promptAt([5, 5])
    expect(result.objects).toHaveLength(0)
    expect(result.warnings.join(' ')).toMatch(/no valid depth at or within 6 px of point \[5, 5\]/)
  })
})

describe("a plate: the inner floor lies within the table's noise band", () => {
  const plate: SolidSpec = { ...BOWL, floorHeight: 0.003 }
  const scene = rayCastScene({
    width: W,
    height: H,
    focalPx: 420,
    solids: [plate, CAN],
    noiseRel: 0.003,
    seed: 5,
  })

  it('a click on the floor takes the object around it and says so', () => {
    const [point] = clicks(scene, (id, z) => id === 0 && Math.abs(z - 0.003) < 1e-4)
    const result = buildScene(frameOf(scene), { regions: [{ label: 'plate', point }] })
    expect(result.objects).toHaveLength(1)
    expect(Math.abs(result.objects[0].sizeM.height - 0.06)).toBeLessThan(0.006)
    expect(result.warnings.join(' ')).toMatch(/on the support plane inside an object's outline/)
  })
})
