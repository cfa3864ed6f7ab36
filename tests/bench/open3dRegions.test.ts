import { afterAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encode } from 'fast-png'
import { findOpen3dPython, open3dRegionBoxes } from '../../main/evaluation/scenes/open3dBaseline'

/**
 * bench/open3d_regions.py (the SUN RGB-D Open3D baseline) on a constructed frame with a known answer: a camera
 * 1.6 m above a floor looking level (y down; a portrait 320 × 480 image so the floor near the box is in view),
 * and a 40 × 40 × 40 cm box on the floor 2.0–2.4 m ahead, centred on the optical axis. Ray-cast depth: the box's
 * front face (z = 2) and top (y = 1.2), the floor (y = 1.6) up to 8 m. Truth: box centre (0, 1.4, 2.2) m; the
 * camera sees its front and top, so the footprint is the full 40 × 40 cm and the height 40 cm (on the floor).
 */
const python = findOpen3dPython()
const work = mkdtempSync(join(tmpdir(), 'spatial-lens-o3d-regions-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const K = { width: 320, height: 480, fx: 300, fy: 300, cx: 159.5, cy: 239.5 }

function depthAt(u: number, v: number): number {
  const dx = (u - K.cx) / K.fx
  const dy = (v - K.cy) / K.fy
  const hits: number[] = []
  // Rays are (dx, dy, 1) · z, so the ray parameter is the depth z.
  if (Math.abs(2 * dx) <= 0.2 && 2 * dy >= 1.2 && 2 * dy <= 1.6) hits.push(2)
  if (dy > 0) {
    const top = 1.2 / dy
    if (top >= 2 && top <= 2.4 && Math.abs(top * dx) <= 0.2) hits.push(top)
    const floor = 1.6 / dy
    if (floor <= 8) hits.push(floor)
  }
  return hits.length ? Math.min(...hits) : 0
}

function writeFrame(): { depth: string; intrinsics: string } {
  const data = new Uint16Array(K.width * K.height)
  for (let v = 0; v < K.height; v++) {
    for (let u = 0; u < K.width; u++) data[v * K.width + u] = Math.round(depthAt(u, v) * 1000)
  }
  const depth = join(work, 'depth.png')
  writeFileSync(depth, encode({ width: K.width, height: K.height, data, channels: 1, depth: 16 }))
  const intrinsics = join(work, 'intrinsics.json')
  writeFileSync(intrinsics, JSON.stringify({ ...K, depthScale: 1000 }))
  return { depth, intrinsics }
}

describe.skipIf(!python)('bench/open3d_regions.py on a constructed box on a floor', () => {
  it('finds the floor and fits the 40 cm box within the 2 cm voxel size', () => {
    // The box spans u = 159.5 ± 300·0.2/2 = 129.5…189.5 and v = 239.5 + 300·1.2/2.4 … 239.5 + 300·1.6/2 =
    // 389.5…479.5; the prompt adds a margin of floor around it.
    const [box] = open3dRegionBoxes(python!, join(__dirname, '..', '..', 'bench'), writeFrame(), [
      { label: 'box', box: [115, 375, 205, 480] },
    ])
    expect('error' in box).toBe(false)
    if ('error' in box) return
    const [x, y, z] = box.centerInCamera
    expect(Math.abs(x)).toBeLessThan(0.02)
    expect(Math.abs(y - 1.4)).toBeLessThan(0.02)
    expect(Math.abs(z - 2.2)).toBeLessThan(0.02)
    expect(Math.abs(box.sizeM.width - 0.4)).toBeLessThan(0.03)
    expect(Math.abs(box.sizeM.depth - 0.4)).toBeLessThan(0.03)
    expect(Math.abs(box.sizeM.height - 0.4)).toBeLessThan(0.02)
  })
})
