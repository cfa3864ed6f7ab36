import type { CalibrationRunInput } from '../../../main/contract/calibrationChannelSchema'
import type { CalibrationTarget } from '../state/calibrationTarget'

/** Where the calibration takes its metres from. */
export type CalibrationMethod = 'rgbd-frame' | 'known-distance'

/**
 * Whether the form can run: a model chosen, nothing running, and what the method needs — the
 * frame's sensor depth, or the last measurement and a positive true length.
 */
export function canCalibrate(
  modelId: string,
  isBusy: boolean,
  method: CalibrationMethod,
  target: Pick<CalibrationTarget, 'depthModelId' | 'lastMeasurement'>,
  trueLengthM: number,
): boolean {
  const hasSensorDepth = target.depthModelId === null
  return (
    modelId !== '' &&
    !isBusy &&
    (method === 'rgbd-frame' ? hasSensorDepth : target.lastMeasurement !== null && trueLengthM > 0)
  )
}

/** The `calibration:run` method: the sensor depth, or the last measurement with its true length (metres). */
export function calibrationMethodInput(
  method: CalibrationMethod,
  measured: CalibrationTarget['lastMeasurement'],
  trueLengthM: number,
): CalibrationRunInput['method'] {
  return method === 'rgbd-frame'
    ? { kind: 'rgbd-frame' }
    : {
        kind: 'known-distance',
        fromInWorld: measured!.fromInWorldM,
        toInWorld: measured!.toInWorldM,
        distanceM: trueLengthM,
      }
}
