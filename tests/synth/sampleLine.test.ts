import { describe, expect, it } from 'vitest'
import { sampleLine } from '../../main/synth/sampleLine'
import type { SynthSample } from '../../main/contract/synthSchema'

/** A sample whose numbers are all whole (a TUM-like camera, an axis-aligned box, a count answer). */
function wholeNumbers(): SynthSample {
  return {
    id: 's1',
    image: 'images/f1.png',
    conversations: [
      { from: 'human', value: '<image>\nHow many objects are there?' },
      { from: 'gpt', value: '2' },
    ],
    question_type: 'count',
    category: 'quantitative',
    answer: { number: 2, bool: null, name: null, unit: 'count', human: '2', engine_text: '2' },
    objects: [],
    mirror_id: '',
    job_id: 'f1',
    frame: 'rgb/0001.png',
    points: '',
    scene: {
      metric_scale: 'metre',
      depth_source: 'sensor',
      frame_kind: 'support-plane',
      intrinsics: { width: 640, height: 480, fx: 525, fy: 525, cx: 319.5, cy: 239.5 },
      plane: { found: true, normal: [0, -1, 0], offset: 1 },
      world_from_camera: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, -0, 1],
      objects: [
        {
          name: 'box',
          label: 'box',
          center_world_m: [0, 1, 0.5],
          center_camera_m: [0, 0, 1],
          size_m: { width: 1, depth: 1, height: 1 },
          yaw_rad: 0,
          point_count: 1200,
          color_rgb: [10, 20, 30],
          origin: 'cluster',
        },
      ],
    },
  }
}

describe('sampleLine', () => {
  it('writes float fields with a fraction and integer fields without, as Arrow types them', () => {
    const line = sampleLine(wholeNumbers())
    expect(line).toContain(
      '"intrinsics":{"width":640,"height":480,"fx":525.0,"fy":525.0,"cx":319.5,',
    )
    expect(line).toContain('"answer":{"number":2.0,')
    expect(line).toContain('"yaw_rad":0.0,"point_count":1200,"color_rgb":[10,20,30]')
    expect(line).toContain('"world_from_camera":[1.0,0.0,0.0,0.0,0.0,1.0,')
    expect(line).toContain('"plane":{"found":true,"normal":[0.0,-1.0,0.0],"offset":1.0}')
    expect(line).not.toContain('\n')
  })

  it('reads back as the same sample (JSON readers see the same numbers)', () => {
    const sample = wholeNumbers()
    sample.scene.objects[0].center_world_m = [0.1 + 0.2, -1e-7, 1e21]
    expect(JSON.parse(sampleLine(sample))).toEqual(JSON.parse(JSON.stringify(sample)))
  })

  it('refuses a number that is not finite and a fraction in an integer field, naming the field', () => {
    const notFinite = wholeNumbers()
    notFinite.scene.objects[0].size_m.width = Number.NaN
    expect(() => sampleLine(notFinite)).toThrow('sample field scene.objects[].size_m.width is NaN')
    const fraction = wholeNumbers()
    fraction.scene.objects[0].point_count = 12.5
    expect(() => sampleLine(fraction)).toThrow(
      'sample field scene.objects[].point_count must be an integer, got 12.5',
    )
  })
})
