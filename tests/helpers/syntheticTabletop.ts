import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { decode } from 'fast-png'
import type { Frame, Vec3 } from '../../main/engine/types'

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
