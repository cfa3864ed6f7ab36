import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../../main/engine/answers'
import { parseQuery } from '../../../main/engine/questions/parse'
import { loadGroundTruth, sceneFromGroundTruth } from '../answers/sceneFromGroundTruth'

const scene = sceneFromGroundTruth(loadGroundTruth())
// Ground truth (world frame, metres): mug centre (-0.08, 0.95, 0.05), 9 cm diameter, 10 cm tall;
// box_small centre (-0.3, 1.0, 0.05), 12 × 8 × 10 cm, yawed 20°. Reference gaps below come from an independent
// polygon-distance computation in Python (numpy, rotated rectangles), not from the engine:
//   gap now 10.4938 cm; after the mug moves 10 cm left 0.4938 cm; moving left it touches after 10.494 cm;
//   after 40 cm left it is past the box again (6.858 cm); moving toward the box's centre it touches after 10.76 cm.

describe('within and what-if questions on the synthetic ground truth', () => {
  it('"is A within N of B" compares the closest points of the boxes with N', () => {
    const yes = answerQuestion(scene, 'is the mug within 12 cm of the box_small?')
    expect(yes.kind).toBe('within')
    expect(yes.value).toBe(true)
    expect(yes.detail?.gapM as number).toBeCloseTo(0.10493763701981876, 9)
    // 4 inches = 10.16 cm < 10.49 cm.
    expect(answerQuestion(scene, 'is the mug within 4 inches of the box_small').value).toBe(false)
    expect(
      answerQuestion(scene, 'are the mug and the box_small within 20 cm of each other').value,
    ).toBe(true)
  })

  it('a what-if move sweeps the box along the way: "clear" and "hit" read opposite', () => {
    // Moving the mug 10 cm left closes the gap to 0.49 cm: clear. 15 cm left: touches after 10.49 cm (1 mm steps).
    const clear = answerQuestion(scene, 'will the mug clear the box_small if it moves 10 cm left')
    expect(clear.kind).toBe('what_if')
    expect(clear.value).toBe(true)
    expect(clear.detail?.gapM as number).toBeCloseTo(0.00493763701981878, 9)
    const hit = answerQuestion(
      scene,
      'if the mug moves 15 cm to the left, will it hit the box_small?',
    )
    expect(hit.value).toBe(true)
    expect(hit.text).toMatch(/after 10\.5 cm of the move/)
    expect(
      answerQuestion(scene, 'will the mug clear the box_small if it moves 15 cm left').value,
    ).toBe(false)
  })

  it('a move through the object is caught on the way even when it ends clear of it', () => {
    // 40 cm left goes through the box_small and out past it (ends at x = -0.48, box spans -0.36…-0.24):
    // the end gap alone would say clear; the sweep says it hits.
    const a = answerQuestion(scene, 'will the mug clear the box_small if it moves 40 cm left')
    expect(a.value).toBe(false)
    expect(a.detail?.valueB as number).toBeCloseTo(0.06858445128212395, 9)
  })

  it('moves toward an object and up', () => {
    const toward = answerQuestion(
      scene,
      'will the mug hit the box_small if it moves 12 cm toward the box_small',
    )
    expect(toward.value).toBe(true)
    const up = answerQuestion(scene, 'will the mug clear the box_small if it moves 30 cm up')
    expect(up.value).toBe(true)
    expect(up.detail?.gapM as number).toBeCloseTo(0.10493763701981876, 9)
  })

  it('refuses a move it cannot read instead of guessing', () => {
    const a = answerQuestion(scene, 'will the mug clear the box_small if it moves 10 cm sideways')
    expect(a.kind).toBe('unsupported')
    expect(a.text).toMatch(/direction "sideways"/)
    expect(parseQuery('is the mug within reach of the box_small')).not.toMatchObject({
      op: 'within',
    })
  })
})
