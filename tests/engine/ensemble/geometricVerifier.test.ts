import { describe, expect, it } from 'vitest'
import {
  GeometricVerifier,
  pickSceneObjects,
} from '../../../main/engine/ensemble/geometricVerifier'
import { parseStatement } from '../../../main/engine/ensemble/parseStatement'
import type { LabelledBox2d } from '../../../main/engine/ensemble/voter'
import type { SceneObject, Vec3 } from '../../../main/engine/types'

const verifier = new GeometricVerifier()
const box = (label: string, b: [number, number, number, number]): LabelledBox2d => ({
  label,
  box: b,
  score: 1,
})

/** An image: a mug left of a laptop on a table, a cat inside a suitcase, a bird far away at the top right. */
const image = [
  box('dining table', [0.0, 0.55, 1.0, 1.0]),
  box('cup', [0.1, 0.4, 0.2, 0.6]),
  box('laptop', [0.4, 0.3, 0.75, 0.6]),
  box('suitcase', [0.78, 0.62, 0.98, 0.95]),
  box('cat', [0.82, 0.66, 0.94, 0.9]),
  box('bird', [0.9, 0.0, 0.97, 0.06]),
]
const judge2d = (s: string) => verifier.vote(parseStatement(s)!, { boxes2d: image })

describe('geometric verifier, 2.5D (boxes only)', () => {
  it.each([
    ['The cup is left of the laptop.', 'true'],
    ['The cup is right of the laptop.', 'false'],
    ['The laptop is at the right side of the cup.', 'true'],
    ['The laptop is on the dining table.', 'true'],
    ['The bird is on the dining table.', 'false'],
    ['The cat is inside the suitcase.', 'true'],
    ['The suitcase contains the cat.', 'true'],
    ['The laptop is inside the suitcase.', 'false'],
    ['The bird is above the laptop.', 'true'],
    ['The cup is near the laptop.', 'true'],
    ['The bird is far from the cup.', 'true'],
    ['The cat is not inside the suitcase.', 'false'],
  ])('%s → %s', (statement, expected) => {
    const vote = judge2d(statement)
    expect(vote.verdict, vote.reason).toBe(expected)
    expect(vote.confidence).toBeGreaterThanOrEqual(0.5)
    expect(vote.reason).toMatch(/^2D boxes: /)
  })

  it('abstains where boxes cannot decide, or when a thing has no box', () => {
    expect(judge2d('The cup is facing the laptop.')).toMatchObject({
      verdict: 'abstain',
      reason: expect.stringMatching(/not decidable/),
    })
    expect(judge2d('The dog is left of the laptop.')).toMatchObject({
      verdict: 'abstain',
      reason: 'no box for "dog"',
    })
    expect(verifier.vote(parseStatement('The cup is left of the laptop.')!, {})).toMatchObject({
      verdict: 'abstain',
    })
  })

  it('compares two instances when subject and object share a name, and says it judged the largest', () => {
    const people = [box('person', [0.1, 0.2, 0.3, 0.9]), box('person', [0.6, 0.3, 0.75, 0.8])]
    const vote = verifier.vote(parseStatement('The person is left of the person.')!, {
      boxes2d: people,
    })
    expect(vote.verdict).toBe('true')
    expect(vote.reason).toMatch(/2 persons: judged the largest/)
  })
})

function object(
  name: string,
  centerInWorld: Vec3,
  size: [number, number, number],
  depthFromCamera: number,
): SceneObject {
  return {
    id: 0,
    name,
    label: name,
    description: name,
    origin: 'region',
    centerInWorld,
    centerInCamera: [centerInWorld[0], 0, depthFromCamera],
    sizeM: { width: size[0], depth: size[1], height: size[2] },
    yawRad: 0,
    pointCount: 1000,
    colorRgb: [128, 128, 128],
    pixelIndices: new Uint32Array(0),
  }
}

describe('geometric verifier, metric 3D', () => {
  // A 75 cm table; a mug resting on it 30 cm left of a laptop; a chair 1.5 m away behind.
  const objects = [
    object('table', [0, 1.2, 0.375], [1.2, 0.8, 0.75], 1.4),
    object('mug', [-0.3, 1.1, 0.8], [0.08, 0.08, 0.1], 1.3),
    object('laptop', [0.1, 1.2, 0.76], [0.33, 0.23, 0.02], 1.4),
    object('chair', [0.2, 2.8, 0.45], [0.45, 0.45, 0.9], 3.0),
  ]
  const judge3d = (s: string) => verifier.vote(parseStatement(s)!, { sceneObjects: objects })

  it.each([
    ['The mug is left of the laptop.', 'true'],
    ['The mug is on the table.', 'true'],
    ['The chair is on the table.', 'false'],
    ['The mug is above the table.', 'true'],
    ['The table is under the laptop.', 'true'],
    ['The mug is in front of the chair.', 'true'],
    ['The chair is behind the table.', 'true'],
    ['The mug is near the laptop.', 'true'],
    ['The chair is far from the mug.', 'true'],
    ['The laptop is touching the table.', 'true'],
    ['The mug is touching the chair.', 'false'],
  ])('%s → %s', (statement, expected) => {
    const vote = judge3d(statement)
    expect(vote.verdict, vote.reason).toBe(expected)
    expect(vote.reason).toMatch(/^3D: /)
  })

  it('falls back to 2D boxes for a relation without a metric rule, and abstains without boxes', () => {
    expect(judge3d('The mug is facing the laptop.').verdict).toBe('abstain')
  })
})

describe('geometric verifier names things as the question grammar does', () => {
  // The sample's wording: the detector says "cup" and "book", people say "mug" and "box".
  const detected = [
    box('cup', [0.1, 0.4, 0.2, 0.6]),
    box('laptop', [0.4, 0.3, 0.75, 0.6]),
    box('book', [0.8, 0.5, 0.95, 0.7]),
    box('couch', [0.0, 0.7, 0.3, 1.0]),
  ]
  const judge = (s: string) => verifier.vote(parseStatement(s)!, { boxes2d: detected })

  it.each([
    ['The mug is left of the laptop.', 'true'],
    ['The coffee mug is right of the laptop.', 'false'],
    ['The box is right of the laptop.', 'true'],
    ['The sofa is left of the laptop.', 'true'],
    ['The laptops are right of the mug.', 'true'],
  ])('%s → %s (synonyms, family words, plurals)', (statement, expected) => {
    const vote = judge(statement)
    expect(vote.verdict, vote.reason).toBe(expected)
  })

  it('says "did you mean" for a misspelt name, and nothing for a name spelled like no object', () => {
    expect(judge('The laptob is right of the mug.').reason).toBe(
      'no box for "laptob" (did you mean the laptop?)',
    )
    expect(judge('The dog is right of the mug.').reason).toBe('no box for "dog"')
  })

  it('picks scene objects by synonym and family word in 3D', () => {
    const objects = [
      object('cup', [-0.3, 1.1, 0.8], [0.08, 0.08, 0.1], 1.3),
      object('book', [0.3, 1.2, 0.77], [0.2, 0.15, 0.04], 1.4),
    ]
    const picked = pickSceneObjects(parseStatement('The mug is left of the box.')!, objects)
    expect(picked.subject?.name).toBe('cup')
    expect(picked.object?.name).toBe('book')
    const vote = verifier.vote(parseStatement('The mug is left of the box.')!, {
      sceneObjects: objects,
    })
    expect(vote.verdict, vote.reason).toBe('true')
    expect(vote.reason).toMatch(/^3D: /)
  })
})
