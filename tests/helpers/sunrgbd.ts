import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RegionPrompt, Vec3 } from '../../main/engine/types'
import { FIXTURES } from './syntheticTabletop'

export const SUNRGBD = join(FIXTURES, 'sunrgbd-mmdet3d')
export const SUNRGBD_FRAMES = ['000001', '000002', '000003', '000004']

export interface SunObject {
  class: string
  centroid_camera_m: Vec3
  size_m: { along_heading: number; across_heading: number; vertical: number }
  corners_camera_m: Vec3[]
}

export function loadSunBoxes(frame: string): { objects: SunObject[]; K: number[][] } {
  const data = JSON.parse(readFileSync(join(SUNRGBD, 'boxes', `${frame}.json`), 'utf8'))
  return { objects: data.objects, K: data.K_0based }
}

/**
 * Region prompts from the ground-truth 3D boxes: the 2D bounding rectangle of the 8 projected
 * corners, clipped to the image (this separates lifting errors from detection errors).
 */
export function regionsFromGroundTruth(
  objects: SunObject[],
  K: number[][],
  width: number,
  height: number,
): RegionPrompt[] {
  return objects.map((object) => {
    const us: number[] = []
    const vs: number[] = []
    for (const [x, y, z] of object.corners_camera_m) {
      const depth = Math.max(z, 0.1)
      us.push(K[0][0] * (x / depth) + K[0][2])
      vs.push(K[1][1] * (y / depth) + K[1][2])
    }
    const clip = (value: number, max: number) => Math.min(max, Math.max(0, value))
    return {
      label: object.class.replace('_', ' '),
      box: [
        clip(Math.min(...us), width - 1),
        clip(Math.min(...vs), height - 1),
        clip(Math.max(...us), width),
        clip(Math.max(...vs), height),
      ],
    }
  })
}
