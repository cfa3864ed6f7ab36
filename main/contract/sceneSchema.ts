import { z } from 'zod'
import { finite, intrinsicsSchema, planeSchema, sizeSchema, vec3Schema } from './primitives'
import { perceptionReportSchema } from './perceptionSettings'
import { depthCalibrationJsonSchema } from './depthCalibrationSchema'

/**
 * A box in the image, pixels [x0, y0, x1, y1] with x0 < x1, y0 < y1, in the intrinsics' image size:
 * pixel edges (pixel u spans u…u+1), the convention of region boxes (`regionInputSchema`).
 */
export const pixelBoxSchema = z.tuple([finite, finite, finite, finite])

const intervalSchema = z.tuple([finite, finite])

/** Full-object (amodal) box; the object's own centre/size/yaw are the visible box. */
export const amodalBoxSchema = z.object({
  centerInCamera: vec3Schema,
  centerInWorld: vec3Schema,
  sizeM: sizeSchema,
  yawRad: finite,
  sizeIntervalM: z.object({ width: intervalSchema, depth: intervalSchema, height: intervalSchema }),
  method: z.string(),
})

/** Detector confidence and the size-prior check of an object's label. */
export const labelCheckSchema = z.object({
  detectorLabel: z.string(),
  confidence: finite.min(0).max(1),
  isPlausible: z.boolean(),
  hasFewPoints: z.boolean(),
  note: z.string().optional(),
  betterLabel: z.string().optional(),
})

/** One object of a scene as it crosses a process boundary (JSON; pixel lists stay behind). */
export const sceneObjectSchema = z.object({
  id: z.number().int().nonnegative(),
  name: z.string().min(1),
  label: z.string(),
  description: z.string(),
  origin: z.enum(['region', 'cluster']),
  /** Who gave the region of a 'region' object (user regions always win over detections). */
  regionSource: z.enum(['user', 'detector']).optional(),
  centerInCamera: vec3Schema,
  centerInWorld: vec3Schema,
  sizeM: sizeSchema,
  yawRad: finite,
  pointCount: z.number().int().nonnegative(),
  colorRgb: vec3Schema,
  /** Bounds of the object's lifted pixels (the 2D view draws it); null for an object without pixels. */
  boxInImagePx: pixelBoxSchema.nullable(),
  /** Full-object box estimate (size questions use it by default); absent when none could be made. */
  amodal: amodalBoxSchema.optional(),
  /** Detector confidence and size-prior check; absent for user regions and geometry clusters. */
  labelCheck: labelCheckSchema.optional(),
})

export const sceneProvenanceSchema = z.object({
  depthSource: z.enum(['sensor', 'pointcloud', 'monocular']),
  intrinsics: intrinsicsSchema,
  frameKind: z.enum(['support-plane', 'camera-fallback']),
  frameNote: z.string().optional(),
  validPointCount: z.number().int().nonnegative(),
  planeInlierCount: z.number().int().nonnegative(),
  depthNoiseRel: finite,
  planeThresholdAt1m: finite,
  sourceDescription: z.string().optional(),
  /** Model and calibration behind monocular depth (see main/engine/depth/types.ts). */
  depthProvenance: z
    .object({
      modelId: z.string(),
      output: z.enum(['metric', 'relative-inverse']),
      provider: z.string().optional(),
      inferenceMs: finite.optional(),
      /** The calibration applied; residuals null when not measurable (depthCalibrationSchema.ts). */
      calibration: depthCalibrationJsonSchema.optional(),
      calibratedAt: z.string().optional(),
    })
    .optional(),
})

/** Robot TF frames a scene carries (engine `SceneRobotFrames`): origins in metres, and the gripper frame if set. */
export const robotFramesSummarySchema = z.object({
  points: z.array(
    z.object({
      frameId: z.string(),
      name: z.string(),
      pointInCamera: vec3Schema,
      pointInWorld: vec3Schema,
    }),
  ),
  gripperFrameId: z.string().optional(),
})

/**
 * The scene summary: `spatial-lens scene --json`, the `scene:analyze` reply and the viewer's input.
 * worldFromCamera is 4×4 column-major; plane is in the camera frame (n·p + d = 0, n up).
 */
export const sceneSummarySchema = z.object({
  sceneId: z.string(),
  cameraId: z.string(),
  timestampNs: z.string().regex(/^\d+$/),
  intrinsics: intrinsicsSchema,
  plane: planeSchema.nullable(),
  worldFromCamera: z.array(finite).length(16),
  objects: z.array(sceneObjectSchema),
  provenance: sceneProvenanceSchema,
  warnings: z.array(z.string()),
  timingsMs: z.record(z.string(), finite),
  totalMs: finite,
  /** What perception ran before lifting (models, providers, times, detections). */
  perception: perceptionReportSchema.optional(),
  /** Robot TF frames placed in the scene (origins; camera = optical frame), when the source has TF. */
  robotFrames: robotFramesSummarySchema.optional(),
})
export type SceneSummary = z.infer<typeof sceneSummarySchema>

/** Coloured point cloud for the viewer, world frame, as typed arrays (never JSON number lists). */
export const sceneCloudSchema = z.object({
  /** xyz interleaved, metres, world frame. */
  positionsInWorld: z.instanceof(Float32Array),
  /** rgb interleaved, 0–255. */
  colors: z.instanceof(Uint8Array),
  /** Object id per point, −1 for none (the viewer tints object points). */
  objectOfPoint: z.instanceof(Int16Array),
})
export type SceneCloud = z.infer<typeof sceneCloudSchema>

/**
 * The analysed colour image for the 2D view, as typed arrays. It covers the intrinsics' image; when
 * that is large it is downscaled (nearest pixel), so map with intrinsics.width / width.
 */
export const sceneImageSchema = z
  .object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** rgb interleaved, row-major, 0–255. */
    rgb: z.instanceof(Uint8Array),
    /** Object id per image pixel, −1 for none (the 2D view's masks and its hit test). */
    objectOfPixel: z.instanceof(Int16Array),
  })
  .refine((image) => image.rgb.length === image.width * image.height * 3, {
    message: 'rgb must hold width × height × 3 bytes',
    path: ['rgb'],
  })
  .refine((image) => image.objectOfPixel.length === image.width * image.height, {
    message: 'objectOfPixel must hold width × height ids',
    path: ['objectOfPixel'],
  })
export type SceneImage = z.infer<typeof sceneImageSchema>
