import { describe, expect, it } from 'vitest'
import {
  calibrationFitRequestSchema,
  fittedCalibrationSchema,
  visionAskRequestSchema,
  vlmAnswerSchema,
} from '../../../main/workers/contract/taskSchemas'

// What crosses the scene worker's boundary for a calibration or a vision question, checked on arrival.

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

  it('refuses non-finite numbers where they cross (a region box, a model time)', () => {
    const image = { width: 1, height: 1, data: new Uint8Array(3) }
    const ask = { modelId: 'm', image, question: 'colour?', region: [0, 0, 1, 1] }
    expect(visionAskRequestSchema.safeParse(ask).success).toBe(true)
    expect(visionAskRequestSchema.safeParse({ ...ask, region: [0, 0, Infinity, 1] }).success).toBe(
      false,
    )
    const answer = {
      text: 'red',
      tokenIds: [5],
      stopReason: 'max_tokens',
      promptTokens: 3,
      provider: 'cpu',
      timings: { preprocessMs: 1, encoderMs: 2, decoderMs: 3, decoderSteps: 1 },
    }
    expect(vlmAnswerSchema.safeParse(answer).success).toBe(true)
    const slow = { ...answer, timings: { ...answer.timings, decoderMs: NaN } }
    expect(vlmAnswerSchema.safeParse(slow).success).toBe(false)
  })
})
