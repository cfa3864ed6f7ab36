import { describe, expect, it } from 'vitest'
import { calibrateJson } from '../../main/cli/calibrateJson'
import { calibrateCliResultSchema } from '../../main/contract/calibrationChannelSchema'
import type { CalibrationRunResult } from '../../main/contract/calibrationChannelSchema'

// `calibrate --json`: the service's calibration:run reply in the CLI's older, flat form, checked against the contract.

function runResult(residualRmsM: number | null, residualRel: number | null): CalibrationRunResult {
  return {
    calibration: {
      cameraId: 'arm',
      modelId: 'depth-anything-v2-small',
      space: 'depth',
      scale: 0.5,
      shift: 0,
      method: 'rgbd-frame',
      residualRmsM,
      residualRel,
      pointCount: 10,
      inlierCount: 8,
      createdAt: '2026-12-07T15:00:00.000Z',
      note: 'test frame',
    },
    path: '/tmp/calibrations/arm.json',
    warnings: ['a warning'],
    modelRun: { output: 'metric', provider: 'cpu', inferenceMs: 12.5 },
  }
}

describe('calibrate --json output', () => {
  it('gives the residual in centimetres too (0.012 m → 1.2 cm) and every field the contract names', () => {
    const json = calibrateJson(runResult(0.012, 0.03))
    expect(json).toEqual({
      cameraId: 'arm',
      modelId: 'depth-anything-v2-small',
      space: 'depth',
      scale: 0.5,
      shift: 0,
      method: 'rgbd-frame',
      residualRmsM: 0.012,
      residualRel: 0.03,
      pointCount: 10,
      inlierCount: 8,
      createdAt: '2026-12-07T15:00:00.000Z',
      note: 'test frame',
      residualCm: 1.2,
      path: '/tmp/calibrations/arm.json',
      model: { output: 'metric', provider: 'cpu', inferenceMs: 12.5 },
      warnings: ['a warning'],
    })
  })

  it('a residual that could not be measured stays null in centimetres too (not NaN, not 0), and survives JSON', () => {
    const json = calibrateJson(runResult(null, null))
    expect(json).toMatchObject({ residualRmsM: null, residualRel: null, residualCm: null })
    expect(calibrateCliResultSchema.parse(JSON.parse(JSON.stringify(json)))).toEqual(json)
  })

  it('says where an unreadable calibration file was moved, when the service moved one', () => {
    const moved = {
      ...runResult(0.012, 0.03),
      movedAsidePath: '/tmp/calibrations/arm.json.corrupt-1',
    }
    expect(calibrateJson(moved).movedAsidePath).toBe('/tmp/calibrations/arm.json.corrupt-1')
    expect('movedAsidePath' in calibrateJson(runResult(0.012, 0.03))).toBe(false)
  })
})
