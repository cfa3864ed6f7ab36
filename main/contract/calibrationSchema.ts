import { z } from 'zod'
import type { DepthCalibration } from '../engine/depth/types'

/**
 * On-disk form of per-camera depth calibrations: one JSON file per camera, one entry per depth
 * model (a calibration fits one model's output, so it is keyed by model id).
 */

/** Residuals are NaN when nothing was left to measure them; JSON writes NaN as null. */
const residualSchema = z.number().nonnegative().nullable()

export const storedCalibrationSchema = z.object({
  modelId: z.string().min(1),
  space: z.enum(['depth', 'inverse-depth']),
  scale: z.number().positive(),
  shift: z.number(),
  method: z.enum(['rgbd-frame', 'known-distance', 'known-size']),
  residualRmsM: residualSchema,
  residualRel: residualSchema,
  pointCount: z.number().int().nonnegative(),
  inlierCount: z.number().int().nonnegative(),
  /** ISO 8601 time of the measurement. */
  createdAt: z.iso.datetime(),
  /** Free text: what was measured ("checkerboard 0.50 m", "RealSense frame 1712"). */
  note: z.string().optional(),
})

export const CALIBRATION_SCHEMA_VERSION = 1

export const cameraCalibrationFileSchema = z.object({
  schemaVersion: z.literal(CALIBRATION_SCHEMA_VERSION),
  cameraId: z.string().min(1),
  /** Model id → its calibration for this camera. */
  calibrations: z.record(z.string(), storedCalibrationSchema),
})

export type StoredCalibrationJson = z.infer<typeof storedCalibrationSchema>
export type CameraCalibrationFile = z.infer<typeof cameraCalibrationFileSchema>

/** A calibration as the app uses it: the engine's DepthCalibration plus what it belongs to. */
export interface StoredCalibration extends DepthCalibration {
  cameraId: string
  modelId: string
  createdAt: string
  note?: string
}

export function toJson(calibration: StoredCalibration): StoredCalibrationJson {
  const finiteOrNull = (value: number) => (Number.isFinite(value) ? value : null)
  return {
    modelId: calibration.modelId,
    space: calibration.space,
    scale: calibration.scale,
    shift: calibration.shift,
    method: calibration.method,
    residualRmsM: finiteOrNull(calibration.residualRmsM),
    residualRel: finiteOrNull(calibration.residualRel),
    pointCount: calibration.pointCount,
    inlierCount: calibration.inlierCount,
    createdAt: calibration.createdAt,
    ...(calibration.note !== undefined ? { note: calibration.note } : {}),
  }
}

export function fromJson(cameraId: string, json: StoredCalibrationJson): StoredCalibration {
  return {
    ...json,
    cameraId,
    residualRmsM: json.residualRmsM ?? Number.NaN,
    residualRel: json.residualRel ?? Number.NaN,
  }
}

/** Zod issues as one line: "calibrations.depth-anything.scale: Too small: expected number to be >0". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
}
