import { describe, expect, it } from 'vitest'
import {
  calibrationFromJson,
  calibrationToJson,
  depthCalibrationJsonSchema,
  depthCalibrationSchema,
} from '../../main/contract/depthCalibrationSchema'

// One calibration shape, two forms: NaN residuals in memory (structured clone), null on a JSON wire.

const measured = {
  space: 'inverse-depth',
  scale: 0.8,
  shift: 0.05,
  method: 'rgbd-frame',
  residualRmsM: 0.012,
  residualRel: 0.03,
  pointCount: 1000,
  inlierCount: 900,
} as const
const unmeasured = { ...measured, residualRmsM: Number.NaN, residualRel: Number.NaN }

describe('depth calibration contract', () => {
  it('in memory a residual may be NaN (not measurable) but not null; on the wire the other way round', () => {
    expect(depthCalibrationSchema.safeParse(unmeasured).success).toBe(true)
    expect(depthCalibrationSchema.safeParse({ ...measured, residualRmsM: null }).success).toBe(
      false,
    )
    expect(
      depthCalibrationJsonSchema.safeParse({ ...measured, residualRmsM: null, residualRel: null })
        .success,
    ).toBe(true)
    expect(depthCalibrationJsonSchema.safeParse(unmeasured).success).toBe(false)
  })

  it('the same fields are checked in both forms: a scale that is not positive, a negative residual, a fractional count', () => {
    for (const schema of [depthCalibrationSchema, depthCalibrationJsonSchema]) {
      expect(schema.safeParse({ ...measured, scale: 0 }).success).toBe(false)
      expect(schema.safeParse({ ...measured, shift: Number.POSITIVE_INFINITY }).success).toBe(false)
      expect(schema.safeParse({ ...measured, residualRel: -0.1 }).success).toBe(false)
      expect(schema.safeParse({ ...measured, pointCount: 1.5 }).success).toBe(false)
      expect(schema.safeParse({ ...measured, method: 'guess' }).success).toBe(false)
    }
  })

  it('converts NaN ↔ null and nothing else, and survives JSON', () => {
    const json = calibrationToJson(unmeasured)
    expect(json).toEqual({ ...measured, residualRmsM: null, residualRel: null })
    expect(depthCalibrationJsonSchema.parse(JSON.parse(JSON.stringify(json)))).toEqual(json)
    const back = calibrationFromJson(json)
    expect(back.residualRmsM).toBeNaN()
    expect(back.residualRel).toBeNaN()
    expect(depthCalibrationSchema.parse(back)).toMatchObject({ scale: 0.8, pointCount: 1000 })
    expect(calibrationToJson(measured)).toEqual(measured)
    expect(calibrationFromJson(measured)).toEqual(measured)
  })
})
