import { describe, expect, it } from 'vitest'
import {
  CAMERA_FRAME_NOTE,
  answerChoice,
  answerPredicate,
  chooseBigger,
  chooseCloser,
  chooseFarther,
  chooseLeft,
  isAbove,
  isBehind,
  isBigger,
  isInFrontOf,
  isLeftOf,
  isRightOf,
  isShorter,
  isTaller,
  isWider,
  type ChoiceKind,
  type PredicateKind,
} from '../../../main/engine/answers'
import type { Scene, SceneObject } from '../../../main/engine/types'
import { loadGroundTruth, sceneFromGroundTruth, type GtObject } from './sceneFromGroundTruth'

const gt = loadGroundTruth()
const scene = sceneFromGroundTruth(gt)
const obj = (s: Scene, name: string): SceneObject => s.objects.find((x) => x.name === name)!

// Independent quantities straight from the GT json.
const gx = (o: GtObject): number => o.centre_world[0]
const gy = (o: GtObject): number => o.centre_world[1]
const gz = (o: GtObject): number => o.centre_world[2]
const gw = (o: GtObject): number => (o.shape === 'cylinder' ? o.size_m.diameter! : o.size_m.width!)
const gd = (o: GtObject): number => (o.shape === 'cylinder' ? o.size_m.diameter! : o.size_m.depth!)
const gh = (o: GtObject): number => o.size_m.height
const gvol = (o: GtObject): number => gw(o) * gd(o) * gh(o)
const gcam = (o: GtObject): number => Math.hypot(...o.centre_camera)

const EXPECT_PRED: Record<PredicateKind, (a: GtObject, b: GtObject) => boolean> = {
  left: (a, b) => gx(a) < gx(b),
  right: (a, b) => gx(a) > gx(b),
  above: (a, b) => gz(a) > gz(b),
  below: (a, b) => gz(a) < gz(b),
  front: (a, b) => gy(a) < gy(b),
  behind: (a, b) => gy(a) > gy(b),
  wider: (a, b) => gw(a) > gw(b),
  thinner: (a, b) => gw(a) < gw(b),
  bigger: (a, b) => gvol(a) > gvol(b),
  smaller: (a, b) => gvol(a) < gvol(b),
  taller: (a, b) => gh(a) > gh(b),
  shorter: (a, b) => gh(a) < gh(b),
}

const pairs: Array<[GtObject, GtObject]> = []
for (const a of gt.objects) for (const b of gt.objects) if (a !== b) pairs.push([a, b])

describe('predicates on every ordered ground-truth pair', () => {
  for (const kind of Object.keys(EXPECT_PRED) as PredicateKind[]) {
    it(kind, () => {
      let yes = 0
      for (const [a, b] of pairs) {
        const ans = answerPredicate(scene, kind, obj(scene, a.name), obj(scene, b.name))
        const expected = EXPECT_PRED[kind](a, b)
        expect(ans.value, `${a.name} ${kind} ${b.name}`).toBe(expected)
        expect(ans.kind).toBe(kind)
        expect(ans.unit).toBe('bool')
        expect(ans.text.startsWith(expected ? 'Yes' : 'No')).toBe(true)
        if (expected) yes++
      }
      expect(yes).toBeGreaterThan(0) // every predicate is true for some pair and false for others
      expect(yes).toBeLessThan(pairs.length)
    })
  }
})

describe('predicate texts and hand-checked cases', () => {
  it('left / right', () => {
    const a = isLeftOf(scene, obj(scene, 'laptop'), obj(scene, 'mug'))
    expect(a.value).toBe(true)
    expect(a.text).toBe(
      "Yes, the laptop is to the left of the mug: its centre is 17 cm further left than the mug's.",
    )
    expect(a.question).toBe('Is the laptop to the left of the mug?')
    expect(isRightOf(scene, obj(scene, 'laptop'), obj(scene, 'mug')).value).toBe(false)
    expect(a.geometry).toEqual({ kind: 'highlight', names: ['laptop', 'mug'], primary: 'laptop' })
    expect(a.detail).toMatchObject({ comparedQuantity: 'centre x', valueA: -0.25, valueB: -0.08 })
  })
  it('above ties answer no and say "about the same"', () => {
    const t = isAbove(scene, obj(scene, 'mug'), obj(scene, 'box_small')) // both centres at z = 0.05
    expect(t.value).toBe(false)
    expect(t.text).toContain('about the same')
    expect(isAbove(scene, obj(scene, 'bottle'), obj(scene, 'mug')).value).toBe(true)
  })
  it('front / behind use world y', () => {
    expect(isInFrontOf(scene, obj(scene, 'mug'), obj(scene, 'laptop')).value).toBe(true)
    expect(isBehind(scene, obj(scene, 'laptop'), obj(scene, 'mug')).value).toBe(true)
    expect(isBehind(scene, obj(scene, 'mug'), obj(scene, 'laptop')).value).toBe(false)
  })
  it('bigger uses the volume: laptop 2.4 L vs box_tall 2.2 L even though box_tall is taller', () => {
    expect(isBigger(scene, obj(scene, 'laptop'), obj(scene, 'box_tall')).value).toBe(true)
    expect(isTaller(scene, obj(scene, 'laptop'), obj(scene, 'box_tall')).value).toBe(false)
    expect(isShorter(scene, obj(scene, 'laptop'), obj(scene, 'box_tall')).value).toBe(true)
    expect(isWider(scene, obj(scene, 'laptop'), obj(scene, 'box_tall')).value).toBe(true)
  })
})

const EXPECT_CHOICE: Record<ChoiceKind, { f: (o: GtObject) => number; pick: 'min' | 'max' }> = {
  left_choice: { f: gx, pick: 'min' },
  right_choice: { f: gx, pick: 'max' },
  above_choice: { f: gz, pick: 'max' },
  below_choice: { f: gz, pick: 'min' },
  tall_choice: { f: gh, pick: 'max' },
  short_choice: { f: gh, pick: 'min' },
  big_choice: { f: gvol, pick: 'max' },
  small_choice: { f: gvol, pick: 'min' },
  wide_choice: { f: gw, pick: 'max' },
  thin_choice: { f: gw, pick: 'min' },
  front_choice: { f: gy, pick: 'min' },
  behind_choice: { f: gy, pick: 'max' },
  close_choice: { f: gcam, pick: 'min' },
  far_choice: { f: gcam, pick: 'max' },
}

describe('choices on every ordered ground-truth pair', () => {
  for (const kind of Object.keys(EXPECT_CHOICE) as ChoiceKind[]) {
    it(kind, () => {
      for (const [a, b] of pairs) {
        const { f, pick } = EXPECT_CHOICE[kind]
        const fa = f(a)
        const fb = f(b)
        const expected = fa === fb ? null : (pick === 'min' ? fa < fb : fa > fb) ? a.name : b.name
        const ans = answerChoice(scene, kind, obj(scene, a.name), obj(scene, b.name))
        expect(ans.value, `${kind} ${a.name} / ${b.name}`).toBe(expected)
        expect(ans.unit).toBe('name')
        if (expected) expect(ans.text.startsWith(`The ${expected} is`)).toBe(true)
        else expect(ans.text.startsWith('Neither')).toBe(true)
      }
    })
  }
  it('ties give null: mug and box_small are both 10 cm tall', () => {
    const ans = answerChoice(scene, 'tall_choice', obj(scene, 'mug'), obj(scene, 'box_small'))
    expect(ans.value).toBeNull()
    expect(ans.geometry).toMatchObject({ kind: 'highlight', primary: null })
  })
  it('named wrappers', () => {
    expect(chooseLeft(scene, obj(scene, 'can'), obj(scene, 'mug')).value).toBe('mug')
    expect(chooseBigger(scene, obj(scene, 'mug'), obj(scene, 'can')).value).toBe('mug')
    const closer = chooseCloser(scene, obj(scene, 'laptop'), obj(scene, 'mug'))
    expect(closer.value).toBe('mug')
    expect(closer.detail?.reference).toBe('camera')
    expect(chooseFarther(scene, obj(scene, 'laptop'), obj(scene, 'mug')).value).toBe('laptop')
  })
  it('closer to a reference object uses centre distances (GT pairwise table)', () => {
    // laptop|mug = 0.5007, bottle|laptop = 0.3397 → the bottle is closer to the laptop
    const ans = chooseCloser(scene, obj(scene, 'mug'), obj(scene, 'bottle'), obj(scene, 'laptop'))
    expect(ans.value).toBe('bottle')
    expect(ans.detail?.valueA).toBeCloseTo(gt.pairwise_centre_distances_m['mug|laptop'], 4)
    expect(ans.detail?.valueB).toBeCloseTo(gt.pairwise_centre_distances_m['bottle|laptop'], 4)
    expect(ans.detail?.reference).toBe('laptop')
    expect(ans.objects.map((o) => o.name)).toEqual(['mug', 'bottle', 'laptop'])
    expect(
      chooseFarther(scene, obj(scene, 'mug'), obj(scene, 'bottle'), obj(scene, 'laptop')).value,
    ).toBe('mug')
  })
})

describe('camera-fallback note on comparisons', () => {
  const fb: Scene = {
    ...scene,
    plane: null,
    provenance: { ...scene.provenance, frameKind: 'camera-fallback' },
  }
  it('above / taller / above_choice / tall_choice carry the note; left / bigger do not', () => {
    for (const k of ['above', 'below', 'taller', 'shorter'] as PredicateKind[]) {
      expect(answerPredicate(fb, k, obj(fb, 'bottle'), obj(fb, 'mug')).text).toContain(
        CAMERA_FRAME_NOTE,
      )
    }
    for (const k of [
      'above_choice',
      'below_choice',
      'tall_choice',
      'short_choice',
    ] as ChoiceKind[]) {
      expect(answerChoice(fb, k, obj(fb, 'bottle'), obj(fb, 'mug')).text).toContain(
        CAMERA_FRAME_NOTE,
      )
    }
    for (const k of ['left', 'front', 'bigger', 'wider'] as PredicateKind[]) {
      expect(answerPredicate(fb, k, obj(fb, 'bottle'), obj(fb, 'mug')).text).not.toContain(
        CAMERA_FRAME_NOTE,
      )
    }
    expect(answerPredicate(fb, 'above', obj(fb, 'bottle'), obj(fb, 'mug')).value).toBe(true)
  })
})
