import { describe, expect, it } from 'vitest'
import {
  calibrationFitRequestSchema,
  fittedCalibrationSchema,
} from '../../../main/workers/contract/taskSchemas'

// What crosses the scene worker's boundary for a calibration, checked on arrival.

const fit = {
  fitted: {
    space: 'depth',
    scale: 0.5,
    shift: 0,
    method: 'rgbd-frame',
    residualRmsM: 0.01,
    residualRel: 0.02,
    pointCount: 10,
    inlierCount: 9,
  },
  warnings: [],
  modelRun: { output: 'metric', provider: 'cpu', inferenceMs: 12 },
}

describe('calibration worker messages', () => {
  it('a fit whose residuals could not be measured (NaN, as the engine reports them) is a valid reply', () => {
    const unmeasured = {
      ...fit,
      fitted: { ...fit.fitted, residualRmsM: Number.NaN, residualRel: Number.NaN },
    }
    expect(fittedCalibrationSchema.parse(unmeasured).fitted.residualRmsM).toBeNaN()
    expect(
      fittedCalibrationSchema.safeParse({ ...fit, fitted: { ...fit.fitted, residualRel: 'small' } })
        .success,
    ).toBe(false)
  })

  it("a request whose image is torn or not the intrinsics' size is refused with what is wrong", () => {
    const intrinsics = { width: 4, height: 2, fx: 4, fy: 4, cx: 2, cy: 1 }
    const request = {
      modelId: 'm',
      image: { width: 4, height: 2, data: new Uint8Array(24) },
      intrinsics,
      method: { kind: 'rgbd-frame' },
    }
    expect(calibrationFitRequestSchema.safeParse(request).success).toBe(true)
    const torn = calibrationFitRequestSchema.safeParse({
      ...request,
      image: { ...request.image, data: new Uint8Array(10) },
    })
    expect(torn.error?.issues[0].message).toBe('the image data is not width × height × 3 bytes')
    const other = calibrationFitRequestSchema.safeParse({
      ...request,
      intrinsics: { ...intrinsics, width: 8 },
    })
    expect(other.error?.issues[0].message).toBe('the image is not the size the intrinsics give')
  })
})
