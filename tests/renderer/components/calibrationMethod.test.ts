import { describe, expect, it } from 'vitest'
import {
  calibrationMethodInput,
  canCalibrate,
} from '../../../renderer/src/components/calibrationMethod'

const measured = {
  valueM: 0.48,
  fromInWorldM: [0, 0, 0] as [number, number, number],
  toInWorldM: [0.48, 0, 0] as [number, number, number],
}
const sensorFrame = { depthModelId: null, lastMeasurement: null }
const colourFrame = { depthModelId: 'depth-anything', lastMeasurement: measured }

describe('canCalibrate', () => {
  it("runs on a frame's sensor depth only when it has one", () => {
    expect(canCalibrate('m', false, 'rgbd-frame', sensorFrame, 0)).toBe(true)
    expect(canCalibrate('m', false, 'rgbd-frame', colourFrame, 0)).toBe(false)
  })

  it('runs on a known distance with a measurement and a positive true length', () => {
    expect(canCalibrate('m', false, 'known-distance', colourFrame, 0.5)).toBe(true)
    expect(canCalibrate('m', false, 'known-distance', colourFrame, 0)).toBe(false)
    expect(canCalibrate('m', false, 'known-distance', sensorFrame, 0.5)).toBe(false)
  })

  it('needs a model and nothing running', () => {
    expect(canCalibrate('', false, 'rgbd-frame', sensorFrame, 0)).toBe(false)
    expect(canCalibrate('m', true, 'rgbd-frame', sensorFrame, 0)).toBe(false)
  })
})

describe('calibrationMethodInput', () => {
  it('sends the sensor depth method as is, and a known distance with its end points', () => {
    expect(calibrationMethodInput('rgbd-frame', null, 0)).toEqual({ kind: 'rgbd-frame' })
    expect(calibrationMethodInput('known-distance', measured, 0.5)).toEqual({
      kind: 'known-distance',
      fromInWorld: [0, 0, 0],
      toInWorld: [0.48, 0, 0],
      distanceM: 0.5,
    })
  })
})
