import { Matrix4, PerspectiveCamera, Vector3 } from 'three'
import { describe, expect, it } from 'vitest'
import { frameCamera } from '../../../renderer/src/viewer/frameCamera'

const cube = { min: [-1, -1, -1], max: [1, 1, 1] } as const

describe('frameCamera', () => {
  it('looks at the bounds from the sensor side, raised, at a distance that fits the bounds (hand-computed)', () => {
    const camera = new PerspectiveCamera(50, 1, 0.01, 100)
    const target = new Vector3(9, 9, 9)
    frameCamera(camera, target, {
      bounds: cube,
      cameraCenter: [0, 0, 3],
      threeFromWorld: new Matrix4(),
    })
    // Radius √3 (half the cube's diagonal); distance = √3 / sin(25°) · 0.8.
    const distance = (Math.sqrt(3) / Math.sin((25 * Math.PI) / 180)) * 0.8
    // Offset toward the sensor (0, 0, 3), raised by 0.35 of its length: (0, 1.05, 3).
    const direction = [0, 1.05, 3].map((v) => v / Math.hypot(1.05, 3))
    expect(target.toArray()).toEqual([0, 0, 0])
    camera.position.toArray().forEach((v, i) => expect(v).toBeCloseTo(direction[i] * distance, 10))
    expect(camera.near).toBeCloseTo(distance / 200, 12)
    expect(camera.far).toBeCloseTo(distance * 30, 10)
  })

  it('goes through the world→three.js matrix and defaults the offset without a sensor position', () => {
    const camera = new PerspectiveCamera(50, 1, 0.01, 100)
    const target = new Vector3()
    // Small bounds (radius 0.1) are framed as if their radius were 0.3.
    const bounds = { min: [0, 0, 0], max: [0.2, 0, 0] } as const
    frameCamera(camera, target, {
      bounds,
      cameraCenter: null,
      threeFromWorld: new Matrix4().makeTranslation(10, 0, 0),
    })
    const distance = (0.3 / Math.sin((25 * Math.PI) / 180)) * 0.8
    // Offset (0, 1, 1) raised by 0.35·√2.
    const raised = [0, 1 + 0.35 * Math.SQRT2, 1]
    const length = Math.hypot(raised[1], raised[2])
    expect(target.toArray()).toEqual([10.1, 0, 0])
    const expected = [10.1, (raised[1] / length) * distance, (raised[2] / length) * distance]
    camera.position.toArray().forEach((v, i) => expect(v).toBeCloseTo(expected[i], 10))
  })

  it('shows the origin from a default position when there is nothing to frame', () => {
    const camera = new PerspectiveCamera(50, 1, 0.01, 100)
    const target = new Vector3(1, 2, 3)
    frameCamera(camera, target, {
      bounds: null,
      cameraCenter: null,
      threeFromWorld: new Matrix4(),
    })
    expect(camera.position.toArray()).toEqual([1.5, 1.2, 1.5])
    expect(target.toArray()).toEqual([0, 0, 0])
    expect([camera.near, camera.far]).toEqual([0.01, 100])
  })
})
