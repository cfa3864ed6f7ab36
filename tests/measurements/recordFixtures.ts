import type { MeasurementRecord } from '../../main/contract/measurementSchema'

// Records as the service makes them, with the text that breaks naive CSV writers.

const provenance: MeasurementRecord['provenance'] = {
  depthSource: 'sensor',
  intrinsics: { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 },
  frameKind: 'support-plane',
  plane: { normal: [0, -0.9, -0.3], offset: 1.2 },
  pointCounts: { 'left mug': 1200, laptop: 5400 },
  method: 'centre-to-centre distance of the fitted boxes',
}

export function distanceAnswer(overrides: Partial<MeasurementRecord> = {}): MeasurementRecord {
  return {
    id: 'a1b2c3',
    timeIso: '2025-03-04T05:06:07.089Z',
    frame: { sceneId: 'scene-1', name: 'kitchen, table "A".png' },
    kind: 'answer',
    text: 'how far is the left mug from the laptop',
    objects: ['left mug', 'laptop'],
    value: { number: 0.4237, unit: 'm' },
    answer: 'The left mug is 42.37 cm from the laptop.',
    provenance,
    fromInWorldM: [0.1, 0.5, 0.05],
    toInWorldM: [-0.2, 0.8, 0.06],
    ...overrides,
  }
}

export function viewerMeasurement(overrides: Partial<MeasurementRecord> = {}): MeasurementRecord {
  return {
    id: 'd4e5f6',
    timeIso: '2025-03-04T05:07:00.000Z',
    frame: { sceneId: 'scene-1', name: 'kitchen, table "A".png' },
    kind: 'measurement',
    text: 'left mug ↔ laptop,\nrim to edge',
    objects: ['left mug', 'laptop'],
    value: { number: 0.31, unit: 'm' },
    answer: '31 cm',
    provenance: null,
    ...overrides,
  }
}

export function yesNoAnswer(): MeasurementRecord {
  const { fromInWorldM: _from, toInWorldM: _to, ...rest } = distanceAnswer()
  return {
    ...rest,
    id: 'g7h8i9',
    timeIso: '2025-03-04T05:08:30.500Z',
    text: 'is the left mug left of the laptop',
    value: null,
    answer: 'Yes, the left mug is left of the laptop.',
  }
}

/** A verified statement (`qa:verify`): no number, the verdict with its confidence and every vote. */
export function verdictRecord(): MeasurementRecord {
  const { fromInWorldM: _from, toInWorldM: _to, ...rest } = distanceAnswer()
  return {
    ...rest,
    id: 'j1k2l3',
    timeIso: '2025-03-04T05:09:00.000Z',
    kind: 'verdict',
    text: 'the left mug is left of the laptop',
    value: null,
    answer: 'True (71 %): the left mug is left of the laptop.',
    verdict: {
      value: 'true',
      confidence: 0.71,
      votes: [
        {
          voterId: 'geometry',
          verdict: 'true',
          weight: 0.6,
          reason: '3D: centre 30 cm to the left',
        },
        {
          voterId: 'language-prior',
          verdict: 'false',
          weight: 0.4,
          reason: 'prior "left of", 55 %',
        },
        { voterId: 'llm', verdict: 'abstain', weight: 0, reason: 'no reply: timeout' },
      ],
    },
  }
}
