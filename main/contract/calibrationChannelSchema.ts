import { z } from 'zod'
import { finite, vec3Schema } from './primitives'
import { storedCalibrationSchema } from './calibrationSchema'

/**
 * Depth calibrations in the app (Settings → Depth): list, fit one for the current frame's camera,
 * remove. A calibration maps one depth model's output to metres for one camera (see
 * main/engine/depth/types.ts); the files live in the app home's calibrations folder.
 */

/** A saved calibration as the calibration files store it, with the camera it belongs to. */
export const calibrationJsonSchema = storedCalibrationSchema.extend({ cameraId: z.string() })
export type CalibrationJson = z.infer<typeof calibrationJsonSchema>

export const calibrationListSchema = z.object({
  calibrations: z.array(calibrationJsonSchema),
  /** Files that could not be read (their cameras are left out), with what is wrong. */
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
})

/**
 * How the metres are known: the frame's own sensor depth, or the true length of a measured
 * segment (two points picked in Measure mode, world frame).
 */
export const calibrationMethodInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rgbd-frame') }).strict(),
  z
    .object({
      kind: z.literal('known-distance'),
      fromInWorld: vec3Schema,
      toInWorld: vec3Schema,
      distanceM: z.number().positive().max(1000),
    })
    .strict(),
])
export type CalibrationMethodInput = z.infer<typeof calibrationMethodInputSchema>

export const calibrationRunInputSchema = z
  .object({
    sceneId: z.string().min(1),
    modelId: z.string().trim().min(1),
    method: calibrationMethodInputSchema,
    note: z.string().max(200).optional(),
  })
  .strict()

export const calibrationRunResultSchema = z.object({
  calibration: calibrationJsonSchema,
  /** The camera's calibration file. */
  path: z.string(),
  warnings: z.array(z.string()),
  modelRun: z.object({ output: z.string(), provider: z.string(), inferenceMs: finite }),
})
export type CalibrationRunResult = z.infer<typeof calibrationRunResultSchema>

export const calibrationRemoveInputSchema = z
  .object({ cameraId: z.string().min(1), modelId: z.string().min(1) })
  .strict()

/**
 * `spatial-lens calibrate --json`: the saved calibration (residuals null when not measurable), its
 * file, and how the model ran. Older than the `calibration:run` reply, so its fields sit at the top
 * level; `residualCm` is `residualRmsM` in centimetres.
 */
export const calibrateCliResultSchema = calibrationJsonSchema.extend({
  residualCm: finite.nonnegative().nullable(),
  /** The camera's calibration file. */
  path: z.string(),
  /** Where an unreadable file of this camera was moved before the save, when one was. */
  movedAsidePath: z.string().optional(),
  model: calibrationRunResultSchema.shape.modelRun,
  warnings: z.array(z.string()),
})
export type CalibrateCliResult = z.infer<typeof calibrateCliResultSchema>
