import { describe, expect, it } from 'vitest'
import {
  DepthProbe,
  FREE,
  OCCLUDED,
  SURFACE,
  UNKNOWN,
} from '../../../../main/engine/scene/amodal/depthProbe'
import { identity4 } from '../../../../main/engine/geometry/rigidTransform'

// A 101 × 101 camera (fx = fy = 100, principal point at the centre pixel) looking at a wall 2 m away, with one
// pixel without depth; world = camera frame.
const width = 101
const depth = new Float32Array(width * width).fill(2)
depth[50 * width + 60] = 0
const intrinsics = { width, height: width, fx: 100, fy: 100, cx: 50, cy: 50 }
const probe = new DepthProbe({ width, height: width, data: depth }, intrinsics, identity4(), 0.005)

describe('DepthProbe', () => {
  it('calls a point in front of the measured surface free (the ray went on past it)', () => {
    expect(probe.classify(0, 0, 1)).toBe(FREE)
  })
  it('calls a point on the surface (within max(1.5 cm, 3σ)) surface, and one behind it occluded', () => {
    expect(probe.classify(0, 0, 2.01)).toBe(SURFACE)
    expect(probe.classify(0, 0, 1.99)).toBe(SURFACE)
    expect(probe.classify(0, 0, 3)).toBe(OCCLUDED)
    // The measured point at that pixel, back in the world: (0, 0, 2).
    expect(probe.lastMeasuredInWorld()).toEqual([0, 0, 2])
    expect(probe.lastPixel).toBe(50 * width + 50)
  })
  it('knows nothing off the image, behind the camera, or where the pixel has no depth', () => {
    expect(probe.classify(5, 0, 1)).toBe(UNKNOWN)
    expect(probe.classify(0, 0, -1)).toBe(UNKNOWN)
    // (0.1, 0, 1) projects to column 60 of row 50: the pixel without depth.
    expect(probe.classify(0.1, 0, 1)).toBe(UNKNOWN)
  })
  it('widens the tolerance with depth: 3σ of 0.5 % at 4 m is 6 cm', () => {
    expect(probe.toleranceAt(1)).toBeCloseTo(0.015, 12)
    expect(probe.toleranceAt(4)).toBeCloseTo(0.06, 12)
  })
})
