import type { MeasurementRecord } from '../../../main/contract/measurementSchema'
import type { SceneSummary } from '../../../main/contract/sceneSchema'
import type { Vec3 } from '../../../main/engine/types'

/** The current frame, as far as calibrating its camera goes. */
export interface CalibrationTarget {
  sceneId: string
  cameraId: string
  frameName: string
  /** The model behind the frame's depth, or null when it came from a sensor (or a point cloud). */
  depthModelId: string | null
  /** The last point-to-point measurement on this frame (Measure mode), for the known-distance method. */
  lastMeasurement: { valueM: number; fromInWorldM: Vec3; toInWorldM: Vec3 } | null
}

/**
 * What Settings → Depth may calibrate with the scene on screen: its camera, where its depth came
 * from, and the last point-to-point measurement made on it (an object's box surface is no point of
 * the image, so measurements involving objects do not count).
 */
export function calibrationTargetOf(
  summary: Pick<SceneSummary, 'sceneId' | 'cameraId' | 'provenance'>,
  frameName: string,
  records: readonly MeasurementRecord[],
): CalibrationTarget {
  const last = [...records]
    .reverse()
    .find(
      (record) =>
        record.kind === 'measurement' &&
        record.frame.sceneId === summary.sceneId &&
        record.objects.length === 0 &&
        record.value?.unit === 'm' &&
        record.fromInWorldM !== undefined &&
        record.toInWorldM !== undefined,
    )
  return {
    sceneId: summary.sceneId,
    cameraId: summary.cameraId,
    frameName,
    depthModelId: summary.provenance.depthProvenance?.modelId ?? null,
    lastMeasurement:
      last?.value && last.fromInWorldM && last.toInWorldM
        ? {
            valueM: last.value.number,
            fromInWorldM: last.fromInWorldM,
            toInWorldM: last.toInWorldM,
          }
        : null,
  }
}
