import { z } from 'zod'
import { finite } from './primitives'

/**
 * The one definition of a depth calibration (a fitted map from a depth model's output to metres)
 * wherever it crosses a boundary: the calibration files, the scene summary's provenance, the
 * calibration channels and the scene worker's fit reply. The engine's `DepthCalibration`
 * (main/engine/depth/types.ts) is a plain interface checked against {@link depthCalibrationSchema}
 * at compile time (main/calibration/CalibrationStore.ts), since the engine cannot import zod.
 *
 * A residual that could not be measured (no sample left after the fit) is NaN in memory and null
 * on a JSON wire, because JSON has no NaN (`JSON.stringify(NaN)` is `null`). Two forms, one field
 * list: {@link depthCalibrationSchema} where structured clone carries the value (worker threads),
 * {@link depthCalibrationJsonSchema} wherever JSON may (files, channel replies, `--json`), and
 * {@link calibrationToJson} / {@link calibrationFromJson} the only places that convert.
 */

export const calibrationSpaceSchema = z.enum(['depth', 'inverse-depth'])
export const calibrationMethodSchema = z.enum(['rgbd-frame', 'known-distance', 'known-size'])

/** Metres (RMS) or unitless (median relative); NaN: nothing was left to measure it. */
const residualInMemorySchema = z.union([z.number().nonnegative(), z.nan()])
/** The same on a JSON wire: null where memory has NaN. */
const residualJsonSchema = z.number().nonnegative().nullable()

/**
 * A calibration in memory, as the engine makes it: `zM = scale·model + shift` (space 'depth') or
 * `1/zM = scale·model + shift` (space 'inverse-depth'); residuals NaN when not measurable.
 */
export const depthCalibrationSchema = z.object({
  space: calibrationSpaceSchema,
  /** Multiplies the model output (depth space: unitless; inverse-depth space: 1/m per model unit). */
  scale: finite.positive(),
  /** Added after scaling: metres (depth space) or 1/m (inverse-depth space). */
  shift: finite,
  method: calibrationMethodSchema,
  /** RMS error after calibration, metres; NaN when not measurable. */
  residualRmsM: residualInMemorySchema,
  /** Median relative error after calibration, unitless; NaN when not measurable. */
  residualRel: residualInMemorySchema,
  /** Depth samples behind the fit. */
  pointCount: z.number().int().nonnegative(),
  /** Samples the robust fit kept. */
  inlierCount: z.number().int().nonnegative(),
})
export type DepthCalibrationValues = z.infer<typeof depthCalibrationSchema>

/** A calibration on a JSON wire: as {@link depthCalibrationSchema}, residuals null when not measurable. */
export const depthCalibrationJsonSchema = depthCalibrationSchema.extend({
  residualRmsM: residualJsonSchema,
  residualRel: residualJsonSchema,
})
export type DepthCalibrationJson = z.infer<typeof depthCalibrationJsonSchema>

type Residuals = 'residualRmsM' | 'residualRel'
/** `T` with its residuals in the JSON form (null for not measurable). */
export type WithJsonResiduals<T> = Omit<T, Residuals> & {
  residualRmsM: number | null
  residualRel: number | null
}
/** `T` with its residuals in the in-memory form (NaN for not measurable). */
export type WithNumberResiduals<T> = Omit<T, Residuals> & {
  residualRmsM: number
  residualRel: number
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null)

/** In memory → JSON: NaN (or any non-finite) residual becomes null; other fields kept as they are. */
export function calibrationToJson<T extends DepthCalibrationValues>(
  calibration: T,
): WithJsonResiduals<T> {
  return {
    ...calibration,
    residualRmsM: finiteOrNull(calibration.residualRmsM),
    residualRel: finiteOrNull(calibration.residualRel),
  }
}

/** JSON → in memory: a null residual becomes NaN; other fields kept as they are. */
export function calibrationFromJson<T extends DepthCalibrationJson>(
  json: T,
): WithNumberResiduals<T> {
  return {
    ...json,
    residualRmsM: json.residualRmsM ?? Number.NaN,
    residualRel: json.residualRel ?? Number.NaN,
  }
}
