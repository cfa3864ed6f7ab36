/**
 * Core data types of the scene engine. Pure TypeScript: no node, DOM or electron.
 *
 * Units: metres, radians. Camera frame is OpenCV (x right, y down, z forward).
 * World frame is gravity-aligned: z up, origin on the support plane directly below the camera,
 * x = the camera's x axis projected onto the plane, y = z × x (forward, away from the camera).
 */

import type { DepthProvenance } from './depth/types'
import type { RobotFramePoint } from './tf/robotFrames'

/** Three numbers; a tuple so it serialises as plain JSON. */
export type Vec3 = [number, number, number]

/** Pinhole intrinsics in pixels, 0-based pixel centres. */
export interface Intrinsics {
  width: number
  height: number
  fx: number
  fy: number
  cx: number
  cy: number
}

/** 8-bit RGB image, interleaved, row-major (width·height·3 bytes). */
export interface RgbImage {
  width: number
  height: number
  data: Uint8Array
}

/** Depth in metres, row-major (width·height floats); 0 or NaN = invalid. */
export interface DepthImage {
  width: number
  height: number
  data: Float32Array
}

/** Where a frame's depth came from; answers report it. */
export type DepthSource = 'sensor' | 'pointcloud' | 'monocular'

/** One camera frame as it enters the engine. Depth is always metres here. */
export interface Frame {
  cameraId: string
  /** Capture time in nanoseconds since the Unix epoch (0 when unknown). */
  timestampNs: bigint
  rgb: RgbImage
  depth?: DepthImage
  intrinsics: Intrinsics
  depthSource: DepthSource
  /** Human description of the origin (file names), for provenance. */
  sourceDescription?: string
  /** Model and calibration behind monocular depth; set when depthSource is 'monocular'. */
  depthProvenance?: DepthProvenance
  /**
   * Depth-file units per metre the source divided by (1000 for millimetre PNGs, 5000 for TUM), when depth came
   * from a file; plausibility warnings name the scale that would fix a wrong one.
   */
  depthScale?: number
}

/** Who gave a region: the user (always wins) or a detector. Default 'user'. */
export type RegionSource = 'user' | 'detector'

/** What every region prompt carries besides its shape. */
export interface RegionPromptBase {
  label: string
  source?: RegionSource
  /** The detector's score for the label, 0–1 (detector regions; the scene's label check reports it). */
  score?: number
}

/** A region: the object is the lifted foreground inside it. Pixels, 0-based. */
export type RegionPrompt =
  | (RegionPromptBase & { box: [number, number, number, number] })
  | (RegionPromptBase & { point: [number, number] })
  | (RegionPromptBase & { mask: Uint8Array; maskWidth: number; maskHeight: number })

/** Plane n·p + d = 0 in the camera frame; unit normal pointing to the camera side (up). */
export interface PlaneInCamera {
  normal: Vec3
  offset: number
}

/** Gravity-aligned solid box fitted to an object. */
export interface ObjectBox {
  /** Centre of the fitted solid (not of the visible points). */
  centerInWorld: Vec3
  centerInCamera: Vec3
  /** width: along the box axis closest to world x; depth: across it; height: along world z. */
  sizeM: { width: number; depth: number; height: number }
  /** Rotation of the width axis from world +x about world +z, in (-π/2, π/2]. */
  yawRad: number
}

/** A closed interval [low, high] in metres. */
export type IntervalM = [number, number]

/**
 * Full-object (amodal) box estimate: the visible box completed behind what the camera sees. The object's own
 * `ObjectBox` fields stay the visible extent; this is the estimate size questions use by default.
 */
export interface AmodalBox extends ObjectBox {
  /** Plausible range of each extent, metres (low ≤ sizeM ≤ high; low is the visible extent less its measurement noise). */
  sizeIntervalM: { width: IntervalM; depth: IntervalM; height: IntervalM }
  /** How it was completed, e.g. "cylinder fit to the visible arc", "box faces + free-space carving". */
  method: string
}

/** What the engine thinks of an object's label: detector confidence and a size-prior check. */
export interface LabelCheck {
  /** The detector's own label before any demotion (e.g. "fire hydrant"). */
  detectorLabel: string
  /** Detector score in [0, 1]. */
  confidence: number
  /** False when the metric size is implausible for the class (the object is then given a descriptive name). */
  isPlausible: boolean
  /** True when the object has fewer points than its label needs to be trusted. */
  hasFewPoints: boolean
  /** Readable note, e.g. 'detector said "fire hydrant" (41 %), but 9 cm is too small for one'. */
  note?: string
  /**
   * A class the object's shape fits better than its (plausible) label, e.g. "bed" for a low, wide "couch"
   * (scene/shapePriors.ts); the label is kept and the note says why.
   */
  betterLabel?: string
}

export interface SceneObject extends ObjectBox {
  id: number
  /** Unique human name ("the left mug" → name "left mug"). */
  name: string
  /** Class label from a region prompt or detector; a descriptive word for geometry clusters. */
  label: string
  /** One-line description with size and colour, e.g. "red object, 12 cm wide". */
  description: string
  origin: 'region' | 'cluster'
  /** Who gave the region of a 'region' object: the user or a detector. */
  regionSource?: RegionSource
  /** Number of full-resolution points behind the box. */
  pointCount: number
  /** Mean colour of the object's points, 0–255. */
  colorRgb: Vec3
  /** Pixel indices (row-major) of the object's points; owned by the scene. */
  pixelIndices: Uint32Array
  /** Full-object box estimate; absent when it could not be estimated (the visible box is then all there is). */
  amodal?: AmodalBox
  /** Detector confidence and size-prior check; absent for user regions and geometry clusters. */
  labelCheck?: LabelCheck
}

/** How the world frame was obtained. */
export type FrameKind = 'support-plane' | 'camera-fallback'

export interface SceneProvenance {
  depthSource: DepthSource
  intrinsics: Intrinsics
  frameKind: FrameKind
  /** Why the camera fallback was used, when it was. */
  frameNote?: string
  validPointCount: number
  planeInlierCount: number
  /** Estimated relative depth noise (σ/z) used for the adaptive thresholds. */
  depthNoiseRel: number
  /** Plane inlier threshold at 1 m depth, metres. */
  planeThresholdAt1m: number
  sourceDescription?: string
  /** Model and calibration behind monocular depth, when the depth came from a model. */
  depthProvenance?: DepthProvenance
}

export interface Scene {
  cameraId: string
  timestampNs: bigint
  intrinsics: Intrinsics
  plane: PlaneInCamera | null
  /** 4×4 column-major: pointInWorld = worldFromCamera · pointInCamera. */
  worldFromCamera: Float64Array
  objects: SceneObject[]
  provenance: SceneProvenance
  /** Non-fatal problems the user should see (a region with no depth inside, …). */
  warnings: string[]
  /** Compute time per stage (decoding excluded), milliseconds. */
  timingsMs: Record<string, number>
  totalMs: number
  /**
   * Robot TF frames placed in this scene (origins, see tf/robotFrames.ts), so questions can name them ("how far
   * is the gripper from the mug"). Absent when the source has no TF.
   */
  robotFrames?: SceneRobotFrames
}

/** The robot frames a scene carries, and which of them "the gripper" / "the end effector" means. */
export interface SceneRobotFrames {
  points: RobotFramePoint[]
  /** TF frame id the gripper words name (configured); without it, a frame named like tcp / gripper / tool0 / ee. */
  gripperFrameId?: string
}
