import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { decode } from 'fast-png'
import type { Frame, RegionPrompt, Vec3 } from '../../main/engine/types'

export const FIXTURES = join(__dirname, '..', 'fixtures')
export const SYNTHETIC = join(FIXTURES, 'synthetic-tabletop')
export const RESOLUTIONS = ['320x240', '640x480', '1280x960'] as const

export interface GroundTruthObject {
  name: string
  shape: 'box' | 'cylinder'
  size_m: { width?: number; depth?: number; height: number; radius?: number; diameter?: number }
  yaw_deg: number
  centre_world: Vec3
  centre_camera: Vec3
  visible_pixels: number
}

export interface GroundTruth {
  resolution: [number, number]
  intrinsics: { fx: number; fy: number; cx: number; cy: number }
  camera: { R_world_from_camera: number[][]; t_world_from_camera: Vec3 }
  table_plane_camera: { coeffs: [number, number, number, number] }
  objects: GroundTruthObject[]
  pairwise_centre_distances_m: Record<string, number>
}

export function loadGroundTruth(resolution: string): GroundTruth {
  return JSON.parse(readFileSync(join(SYNTHETIC, `scene_${resolution}_gt.json`), 'utf8'))
}

/**
 * A box prompt per ground-truth object, twice its apparent size (the larger of its width or diameter and its
 * height, each way from its projected centre), clipped to the image: table, background and bits of neighbours fall
 * inside, as in a loosely drawn box.
 */
export function groundTruthBoxes(gt: GroundTruth): RegionPrompt[] {
  const { fx, fy, cx, cy } = gt.intrinsics
  const [width, height] = gt.resolution
  return gt.objects.map((o) => {
    const [x, y, z] = o.centre_camera
    const u = fx * (x / z) + cx
    const v = fy * (y / z) + cy
    const half = (fx * Math.max(o.size_m.width ?? o.size_m.diameter!, o.size_m.height)) / z
    return {
      label: o.name,
      box: [
        Math.max(0, u - half),
        Math.max(0, v - half),
        Math.min(width, u + half),
        Math.min(height, v + half),
      ],
    }
  })
}

/** Decodes the synthetic frame with fast-png directly (independent of our source loaders). */
export function loadSyntheticFrame(resolution: string): Frame {
  const gt = loadGroundTruth(resolution)
  const color = decode(readFileSync(join(SYNTHETIC, `scene_${resolution}_color.png`)))
  const depthPng = decode(readFileSync(join(SYNTHETIC, `scene_${resolution}_depth.png`)))
  const [width, height] = gt.resolution
  const rgb = new Uint8Array(width * height * 3)
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) rgb[i * 3 + c] = color.data[i * color.channels + c]
  }
  const depth = new Float32Array(width * height)
  for (let i = 0; i < depth.length; i++) depth[i] = depthPng.data[i] / 1000
  return {
    cameraId: 'synthetic',
    timestampNs: 0n,
    rgb: { width, height, data: rgb },
    depth: { width, height, data: depth },
    intrinsics: { width, height, ...gt.intrinsics },
    depthSource: 'sensor',
  }
}

/** The 640×480 synthetic tabletop's intrinsics and two regions (a point on the mug, a box on the laptop). */
export const MUG_AND_LAPTOP = {
  intrinsics: { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 },
  regions: [
    { label: 'mug', point: [282, 270] as [number, number] },
    { label: 'laptop', box: [150, 130, 330, 200] as [number, number, number, number] },
  ],
}

/**
 * CLI arguments for that frame with its regions (intrinsics and regions written into `folder`), detector off:
 * the frame the ask/verify CLI tests share.
 */
export function mugAndLaptopFrameArgs(folder: string): string[] {
  const intrinsics = join(folder, 'K.json')
  writeFileSync(intrinsics, JSON.stringify(MUG_AND_LAPTOP.intrinsics))
  const regions = join(folder, 'regions.json')
  writeFileSync(regions, JSON.stringify(MUG_AND_LAPTOP.regions))
  return [
    '--rgb',
    join(SYNTHETIC, 'scene_640x480_color.png'),
    '--depth',
    join(SYNTHETIC, 'scene_640x480_depth.png'),
    '--intrinsics',
    intrinsics,
    '--regions',
    regions,
    '--detector',
    'none',
  ]
}

/** The same frame and regions as a `scene:analyze` input (the service tests'). */
export function mugAndLaptopAnalyzeInput() {
  return {
    frame: {
      kind: 'rgbd' as const,
      name: 'synthetic',
      colorFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_color.png'))),
      depthFile: new Uint8Array(readFileSync(join(SYNTHETIC, 'scene_640x480_depth.png'))),
      intrinsics: MUG_AND_LAPTOP.intrinsics,
    },
    regions: MUG_AND_LAPTOP.regions,
    perception: { detector: 'none' as const },
  }
}
