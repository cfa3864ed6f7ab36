import { describe, expect, it } from 'vitest'
import {
  loadGroundTruth,
  sceneFromGroundTruth,
  type GtObject,
} from '../engine/answers/sceneFromGroundTruth'
import { answerQuestion } from '../../main/engine/answers/answerQuestion'
import { generateSamples, type SynthFilters } from '../../main/synth/generateSamples'
import { QA_TEMPLATES } from '../../main/synth/templates'
import { storedPlane, synthSampleSchema, type SynthSample } from '../../main/contract/synthSchema'
import type { Scene } from '../../main/engine/types'

const ALL_PAIRS: SynthFilters = { minPoints: 0, requirePlane: true, minObjects: 2, maxPairs: 1000 }
const gt = loadGroundTruth('640x480')
const context = {
  jobId: 'fjob',
  image: 'images/fjob.png',
  frame: 'rgb/0001.png',
  points: '',
  seed: 7,
}

/** Ground-truth quantities, computed here from the gt JSON (not by the engine). */
const truth = (name: string) => {
  const o = gt.objects.find((object) => object.name === name) as GtObject
  const width = o.size_m.width ?? (o.size_m.diameter as number)
  const depth = o.size_m.depth ?? (o.size_m.diameter as number)
  const [x, y, z] = o.centre_world
  return {
    x,
    y,
    z,
    width,
    depth,
    height: o.size_m.height,
    volume: width * depth * o.size_m.height,
    camera: Math.hypot(...o.centre_camera),
  }
}
type Truth = ReturnType<typeof truth>

const PREDICATE_TRUTH: Record<string, (a: Truth, b: Truth) => number> = {
  // Signed margin: > 0 means the relation holds for (A, B).
  left: (a, b) => b.x - a.x,
  right: (a, b) => a.x - b.x,
  above: (a, b) => a.z - b.z,
  below: (a, b) => b.z - a.z,
  front: (a, b) => b.y - a.y,
  behind: (a, b) => a.y - b.y,
  wider: (a, b) => a.width - b.width,
  thinner: (a, b) => b.width - a.width,
  bigger: (a, b) => a.volume - b.volume,
  smaller: (a, b) => b.volume - a.volume,
  taller: (a, b) => a.height - b.height,
  shorter: (a, b) => b.height - a.height,
}
const CHOICE_TRUTH: Record<string, keyof typeof PREDICATE_TRUTH | ((t: Truth) => number)> = {
  left_choice: 'left',
  right_choice: 'right',
  above_choice: 'above',
  below_choice: 'below',
  tall_choice: 'taller',
  short_choice: 'shorter',
  big_choice: 'bigger',
  small_choice: 'smaller',
  wide_choice: 'wider',
  thin_choice: 'thinner',
  front_choice: 'front',
  behind_choice: 'behind',
  close_choice: (t) => -t.camera,
  far_choice: (t) => t.camera,
}

/** The GT check of one sample; returns the expected value (number/bool/name). */
function expected(sample: SynthSample): number | boolean | string | 'skip' {
  const [a, b] = sample.objects.map(truth)
  const question = sample.conversations[0].value
  const type = sample.question_type
  if (type in PREDICATE_TRUTH) {
    const margin = PREDICATE_TRUTH[type](a, b)
    return Math.abs(margin) < 0.02 ? 'skip' : margin > 0
  }
  if (type in CHOICE_TRUTH) {
    const rule = CHOICE_TRUTH[type]
    const score = typeof rule === 'function' ? rule(a) - rule(b) : PREDICATE_TRUTH[rule](a, b)
    return Math.abs(score) < 0.02 ? 'skip' : sample.objects[score > 0 ? 0 : 1]
  }
  switch (type) {
    case 'distance':
      return Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z)
    case 'horizontal_distance':
      return Math.hypot(a.x - b.x, a.y - b.y)
    case 'vertical_distance':
      return Math.abs(a.z - b.z)
    case 'direction': {
      // Clock hour of B seen from A: 12 = world +y, 3 = world +x.
      const degrees = ((Math.atan2(b.x - a.x, b.y - a.y) * 180) / Math.PI + 360) % 360
      return Math.round(degrees / 30) % 12 || 12
    }
    case 'width':
    case 'height':
    case 'depth':
    case 'volume':
      return a[type]
    case 'camera_distance':
      return a.camera
    case 'length':
      return Math.max(a.width, a.depth)
    case 'location': {
      // Clock hour of A seen from the camera (at the world origin's x, y).
      const [cx, cy] = gt.camera.t_world_from_camera
      const degrees = ((Math.atan2(a.x - cx, a.y - cy) * 180) / Math.PI + 360) % 360
      return Math.round(degrees / 30) % 12 || 12
    }
    case 'closer_than':
    case 'farther_than': {
      // "Is A closer to B than C?": compare |A − B| with |C − B|.
      const c = truth(sample.objects[2])
      const ab = Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z)
      const cb = Math.hypot(c.x - b.x, c.y - b.y, c.z - b.z)
      if (Math.abs(ab - cb) < 0.02) return 'skip'
      return type === 'closer_than' ? ab < cb : ab > cb
    }
    case 'list':
      return gt.objects
        .map((o) => o.name)
        .sort()
        .join(', ')
    case 'elevation':
      return question.includes('top of') ? a.z + a.height / 2 : 'skip'
    case 'difference':
      return question.includes('taller') ? a.height - b.height : a.width - b.width
    case 'count':
      return gt.objects.length
    case 'superlative': {
      const all = gt.objects.map((o) => ({ name: o.name, ...truth(o.name) }))
      const by = (f: (t: Truth) => number) =>
        all.reduce((best, t) => (f(t) > f(best) ? t : best)).name
      if (question.includes('tallest')) return by((t) => t.height)
      if (question.includes('widest')) return by((t) => t.width)
      if (question.includes('closest')) return by((t) => -t.camera)
      return by((t) => t.volume)
    }
    default:
      return 'skip' // gap: bounded below
  }
}

/** The answer's value; a list of names sorted (its order follows the scene's object order, not a fact). */
const valueOf = (sample: SynthSample) =>
  sample.answer.unit === 'names'
    ? sample.answer.name!.split(', ').sort().join(', ')
    : (sample.answer.number ?? sample.answer.bool ?? sample.answer.name)

describe('generateSamples on the synthetic tabletop ground truth', () => {
  const scene = sceneFromGroundTruth(gt)
  const { samples, dropped } = generateSamples(scene, context, ALL_PAIRS)

  it('generates every question type of the templates', () => {
    const types = new Set(samples.map((sample) => sample.question_type))
    for (const template of QA_TEMPLATES) expect(types, template.type).toContain(template.type)
    expect(types.size).toBeGreaterThanOrEqual(45)
  })

  it('answers every sample as the ground truth says', () => {
    let checked = 0
    for (const sample of samples) {
      const want = expected(sample)
      if (want === 'skip') continue
      checked++
      const got = valueOf(sample)
      if (typeof want === 'number') expect(got as number, sample.id).toBeCloseTo(want, 6)
      else expect(got, `${sample.id}: ${sample.conversations[0].value}`).toBe(want)
    }
    expect(checked).toBeGreaterThan(samples.length * 0.7)
  })

  it('bounds the free gap by the centre distance (gap answers)', () => {
    const gaps = samples.filter((sample) => sample.question_type === 'gap')
    expect(gaps.length).toBeGreaterThan(0)
    for (const sample of gaps) {
      const [a, b] = sample.objects.map(truth)
      expect(sample.answer.number!).toBeLessThan(Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z))
    }
  })

  it('gives both orders of a pair from one measurement, matching what the engine answers for the other order', () => {
    const byId = new Map(samples.map((sample) => [sample.id, sample]))
    const mirrored = samples.filter((sample) => sample.mirror_id !== '')
    expect(mirrored.length).toBeGreaterThan(samples.length / 2)
    for (const sample of mirrored) {
      const other = byId.get(sample.mirror_id)!
      expect(other.mirror_id).toBe(sample.id)
      expect(other.objects).toEqual([...sample.objects].reverse())
      const asked = answerQuestion(scene, sample.conversations[0].value.replace('<image>\n', ''))
      expect(asked.value, sample.conversations[0].value).toEqual(
        sample.answer.number ?? sample.answer.bool ?? sample.answer.name,
      )
    }
  })

  it('does not depend on the order of the objects in the scene', () => {
    const reversed: Scene = { ...scene, objects: [...scene.objects].reverse() }
    const other = generateSamples(reversed, context, ALL_PAIRS).samples
    // The same question (same phrasing, same objects, same order) must get the same answer.
    const facts = (list: SynthSample[]) =>
      new Map(list.map((sample) => [sample.conversations[0].value, valueOf(sample)]))
    const mine = facts(samples)
    let compared = 0
    for (const [question, value] of facts(other))
      if (mine.has(question)) {
        compared++
        expect(value, question).toEqual(mine.get(question))
      }
    expect(compared).toBeGreaterThan(100)
  })

  it('is deterministic with a seed, and the seed changes the phrasings', () => {
    const again = generateSamples(sceneFromGroundTruth(gt), context, ALL_PAIRS)
    expect(JSON.stringify(again.samples)).toBe(JSON.stringify(samples))
    const reseeded = generateSamples(scene, { ...context, seed: 8 }, ALL_PAIRS).samples
    expect(reseeded.map((s) => s.conversations[0].value)).not.toEqual(
      samples.map((s) => s.conversations[0].value),
    )
  })

  it('writes samples the contract accepts, with the scene in metres and many phrasings per type', () => {
    for (const sample of samples) synthSampleSchema.parse(JSON.parse(JSON.stringify(sample)))
    expect(samples[0].scene.metric_scale).toBe('metre')
    expect(samples[0].scene.objects).toHaveLength(gt.objects.length)
    const phrasings = new Set(
      samples
        .filter((s) => s.question_type === 'distance')
        .map((s) => s.conversations[0].value.split(' the ')[0]),
    )
    expect(phrasings.size).toBeGreaterThanOrEqual(3)
    expect(Object.keys(dropped).filter((key) => key.startsWith('question:'))).not.toContain(
      'question:no-answer:distance',
    )
  })
})

describe('quality filters', () => {
  it('drops frames without a support plane', () => {
    const scene = { ...sceneFromGroundTruth(gt), plane: null }
    const result = generateSamples(scene, context, ALL_PAIRS)
    expect(result.samples).toEqual([])
    expect(result.dropped['frame:no-support-plane']).toBe(1)
  })

  it('keeps planeless frames with --keep-planeless, the plane stored as not found (never a null column)', () => {
    const scene = { ...sceneFromGroundTruth(gt), plane: null }
    const result = generateSamples(scene, context, { ...ALL_PAIRS, requirePlane: false })
    expect(result.samples.length).toBeGreaterThan(0)
    for (const sample of result.samples)
      expect(sample.scene.plane).toEqual({ found: false, normal: [0, 0, 0], offset: 0 })
    expect(storedPlane(result.samples[0].scene)).toBeNull()
    const withPlane = generateSamples(sceneFromGroundTruth(gt), context, ALL_PAIRS).samples[0]
    const [a, b, c, d] = gt.table_plane_camera.coeffs
    expect(withPlane.scene.plane!.found).toBe(true)
    expect(storedPlane(withPlane.scene)).toEqual({ normal: [a, b, c], offset: d })
  })

  it('drops objects with few points, implausible labels and names that do not resolve uniquely, and says which', () => {
    const scene = sceneFromGroundTruth(gt)
    const objects = scene.objects.map((object) => ({ ...object }))
    objects[0].pointCount = 50 // box_small
    objects[1].labelCheck = {
      detectorLabel: 'mug',
      confidence: 0.5,
      isPlausible: false,
      hasFewPoints: false,
    }
    objects[2].name = 'bottle' // box_tall renamed: two "bottle"s
    const result = generateSamples({ ...scene, objects }, context, { ...ALL_PAIRS, minPoints: 100 })
    expect(result.dropped['object:few-points']).toBe(1)
    expect(result.dropped['object:implausible-label']).toBe(1)
    expect(result.dropped['object:ambiguous-name']).toBe(2)
    expect(result.kept!.objects.map((o) => o.name).sort()).toEqual(['can', 'laptop'])
    for (const sample of result.samples)
      for (const name of sample.objects) expect(['can', 'laptop']).toContain(name)
  })

  it('drops frames left with fewer than two objects', () => {
    const scene = sceneFromGroundTruth(gt)
    const result = generateSamples(scene, context, { ...ALL_PAIRS, minPoints: 1e9 })
    expect(result.dropped['object:few-points']).toBe(gt.objects.length)
    expect(result.dropped['frame:too-few-objects']).toBe(1)
  })
})
