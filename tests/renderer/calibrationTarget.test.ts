import { describe, expect, it } from 'vitest'
import type { MeasurementRecord } from '../../main/contract/measurementSchema'
import { calibrationTargetOf } from '../../renderer/src/state/calibrationTarget'

// What Settings → Depth may calibrate with: the scene's camera, where its depth came from, and the
// last point-to-point measurement on that scene.

function summaryWith(depthProvenance?: { modelId: string }) {
  return {
    sceneId: 's1',
    cameraId: 'arm-cam',
    provenance: { depthProvenance },
  } as unknown as Parameters<typeof calibrationTargetOf>[0]
}

let count = 0
function record(change: Partial<MeasurementRecord>): MeasurementRecord {
  return {
    id: `r${++count}`,
    timeIso: '2026-11-23T12:00:00.000Z',
    frame: { sceneId: 's1', name: 'frame_0007.png' },
    kind: 'measurement',
    text: 'point ↔ point',
    objects: [],
    value: { number: 0.4, unit: 'm' },
    answer: '40 cm',
    provenance: null,
    fromInWorldM: [0, 0, 0],
    toInWorldM: [0.4, 0, 0],
    ...change,
  }
}

describe('calibrationTargetOf', () => {
  it('takes the last point-to-point measurement of this scene; object gaps, answers and other scenes do not count', () => {
    const records = [
      record({ value: { number: 0.3, unit: 'm' }, toInWorldM: [0.3, 0, 0] }),
      record({ value: { number: 0.5, unit: 'm' }, toInWorldM: [0.5, 0, 0] }),
      record({ objects: ['mug', 'laptop'], value: { number: 0.1, unit: 'm' } }),
      record({ kind: 'answer', value: { number: 0.2, unit: 'm' } }),
      record({ frame: { sceneId: 'other', name: 'x' }, value: { number: 0.9, unit: 'm' } }),
      record({ fromInWorldM: undefined, toInWorldM: undefined, value: { number: 0.7, unit: 'm' } }),
    ]
    expect(calibrationTargetOf(summaryWith(), 'frame_0007.png', records)).toEqual({
      sceneId: 's1',
      cameraId: 'arm-cam',
      frameName: 'frame_0007.png',
      depthModelId: null,
      lastMeasurement: { valueM: 0.5, fromInWorldM: [0, 0, 0], toInWorldM: [0.5, 0, 0] },
    })
  })

  it('names the model behind model depth, and has no measurement without one', () => {
    const target = calibrationTargetOf(
      summaryWith({ modelId: 'depth-anything-v2-small' }),
      'frame_0007.png',
      [],
    )
    expect(target).toMatchObject({ depthModelId: 'depth-anything-v2-small', lastMeasurement: null })
  })
})
