import { z } from 'zod'
import {
  calibrationFromJson,
  calibrationToJson,
  depthCalibrationJsonSchema,
  type DepthCalibrationValues,
} from './depthCalibrationSchema'

/**
 * On-disk form of per-camera depth calibrations: one JSON file per camera, one entry per depth
 * model (a calibration fits one model's output, so it is keyed by model id). The calibration's
 * fields are the contract's one definition (depthCalibrationSchema.ts); residuals null when not
 * measurable.
 */

export const storedCalibrationSchema = z.object({
  modelId: z.string().min(1),
  ...depthCalibrationJsonSchema.shape,
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
export interface StoredCalibration extends DepthCalibrationValues {
  cameraId: string
  modelId: string
  createdAt: string
  note?: string
}

export function toJson(calibration: StoredCalibration): StoredCalibrationJson {
  const json = calibrationToJson(calibration)
  return {
    modelId: json.modelId,
    space: json.space,
    scale: json.scale,
    shift: json.shift,
    method: json.method,
    residualRmsM: json.residualRmsM,
    residualRel: json.residualRel,
    pointCount: json.pointCount,
    inlierCount: json.inlierCount,
    createdAt: json.createdAt,
    ...(json.note !== undefined ? { note: json.note } : {}),
  }
}

export function fromJson(cameraId: string, json: StoredCalibrationJson): StoredCalibration {
  return { ...calibrationFromJson(json), cameraId }
}

/** Zod issues as one line: "calibrations.depth-anything.scale: Too small: expected number to be >0". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
}
