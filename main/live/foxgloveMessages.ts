/**
 * Builds Foxglove JSON messages (schemas from @foxglove/schemas: foxglove.CompressedImage, foxglove.RawImage,
 * foxglove.SceneUpdate, foxglove.FrameTransform) from engine frames, scenes and tracks. Boxes are in the scene's
 * world frame (gravity-aligned, z up), published in frame "world"; the camera pose comes as a FrameTransform
 * world → camera so Foxglove's 3D panel can place the image.
 */

import type { Frame, Scene, Vec3 } from '../engine/types'
import type { Track } from '../engine/tracking'

export const WORLD_FRAME = 'world'
export const CAMERA_FRAME = 'camera'

type Time = { sec: number; nsec: number }
type Quaternion = { x: number; y: number; z: number; w: number }

/** Foxglove time from nanoseconds since the epoch. */
export function foxgloveTime(ns: bigint): Time {
  return { sec: Number(ns / 1_000_000_000n), nsec: Number(ns % 1_000_000_000n) }
}

/** Rotation about +z by `yawRad`. */
function yawQuaternion(yawRad: number): Quaternion {
  return { x: 0, y: 0, z: Math.sin(yawRad / 2), w: Math.cos(yawRad / 2) }
}

/** Quaternion of the rotation part of a 4×4 column-major rigid transform (Shepperd's method). */
export function matrixQuaternion(m: Float64Array): Quaternion {
  const r = (row: number, col: number) => m[col * 4 + row]
  const trace = r(0, 0) + r(1, 1) + r(2, 2)
  if (trace > 0) {
    const s = Math.sqrt(trace + 1) * 2
    return {
      w: s / 4,
      x: (r(2, 1) - r(1, 2)) / s,
      y: (r(0, 2) - r(2, 0)) / s,
      z: (r(1, 0) - r(0, 1)) / s,
    }
  }
  if (r(0, 0) > r(1, 1) && r(0, 0) > r(2, 2)) {
    const s = Math.sqrt(1 + r(0, 0) - r(1, 1) - r(2, 2)) * 2
    return {
      w: (r(2, 1) - r(1, 2)) / s,
      x: s / 4,
      y: (r(0, 1) + r(1, 0)) / s,
      z: (r(0, 2) + r(2, 0)) / s,
    }
  }
  if (r(1, 1) > r(2, 2)) {
    const s = Math.sqrt(1 + r(1, 1) - r(0, 0) - r(2, 2)) * 2
    return {
      w: (r(0, 2) - r(2, 0)) / s,
      x: (r(0, 1) + r(1, 0)) / s,
      y: s / 4,
      z: (r(1, 2) + r(2, 1)) / s,
    }
  }
  const s = Math.sqrt(1 + r(2, 2) - r(0, 0) - r(1, 1)) * 2
  return {
    w: (r(1, 0) - r(0, 1)) / s,
    x: (r(0, 2) + r(2, 0)) / s,
    y: (r(1, 2) + r(2, 1)) / s,
    z: s / 4,
  }
}

/** foxglove.FrameTransform world → camera from the scene's worldFromCamera. */
export function cameraTransform(scene: Scene) {
  const m = scene.worldFromCamera
  return {
    timestamp: foxgloveTime(scene.timestampNs),
    parent_frame_id: WORLD_FRAME,
    child_frame_id: CAMERA_FRAME,
    translation: { x: m[12], y: m[13], z: m[14] },
    rotation: matrixQuaternion(m),
  }
}

/** foxglove.CompressedImage (JPEG/PNG bytes already encoded). */
export function compressedImage(frame: Frame, encoded: Uint8Array, format: 'jpeg' | 'png') {
  return {
    timestamp: foxgloveTime(frame.timestampNs),
    frame_id: CAMERA_FRAME,
    data: Buffer.from(encoded).toString('base64'),
    format,
  }
}

/** foxglove.RawImage rgb8. */
export function rawImage(frame: Frame) {
  return {
    timestamp: foxgloveTime(frame.timestampNs),
    frame_id: CAMERA_FRAME,
    width: frame.rgb.width,
    height: frame.rgb.height,
    encoding: 'rgb8',
    step: frame.rgb.width * 3,
    data: Buffer.from(
      frame.rgb.data.buffer,
      frame.rgb.data.byteOffset,
      frame.rgb.data.byteLength,
    ).toString('base64'),
  }
}

const position = (c: Vec3) => ({ x: c[0], y: c[1], z: c[2] })

/** One entity per track: a cube (colour = the object's mean colour, translucent while coasting) and its name. */
function trackEntity(track: Track, timestamp: Time) {
  const [r, g, b] = track.colorRgb.map((v) => v / 255)
  const a = track.lastObject ? 0.6 : 0.25
  const top: Vec3 = [
    track.centerInWorld[0],
    track.centerInWorld[1],
    track.centerInWorld[2] + track.sizeM.height / 2 + 0.03,
  ]
  return {
    timestamp,
    frame_id: WORLD_FRAME,
    id: `track-${track.id}`,
    lifetime: { sec: 0, nsec: 0 },
    frame_locked: false,
    metadata: [
      { key: 'name', value: track.name },
      { key: 'label', value: track.label },
      { key: 'center_sigma_m', value: track.centerSigmaM.map((v) => v.toFixed(4)).join(' ') },
    ],
    arrows: [],
    cubes: [
      {
        pose: { position: position(track.centerInWorld), orientation: yawQuaternion(track.yawRad) },
        size: { x: track.sizeM.width, y: track.sizeM.depth, z: track.sizeM.height },
        color: { r, g, b, a },
      },
    ],
    spheres: [],
    cylinders: [],
    lines: [],
    triangles: [],
    texts: [
      {
        pose: { position: position(top), orientation: { x: 0, y: 0, z: 0, w: 1 } },
        billboard: true,
        font_size: 14,
        scale_invariant: true,
        color: { r: 1, g: 1, b: 1, a: 1 },
        text: `${track.name} #${track.id}`,
      },
    ],
    models: [],
  }
}

/** foxglove.SceneUpdate: delete all previous entities, then one entity per confirmed track. */
export function sceneUpdate(timestampNs: bigint, tracks: Track[]) {
  const timestamp = foxgloveTime(timestampNs)
  return {
    deletions: [{ timestamp, type: 1, id: '' }],
    entities: tracks.filter((t) => t.isConfirmed).map((t) => trackEntity(t, timestamp)),
  }
}
