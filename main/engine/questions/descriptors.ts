/**
 * Descriptors in reference phrases ("the red one", "the tall mug", "the left box"): colour words filter the
 * candidates, position and size words pick the extreme one. Sizes come from objectSize.ts so they follow the box
 * size questions use. World frame (x right, y forward, z up), metres. Pure TypeScript.
 */

import { extentOf, volumeOf } from '../answers/objectSize'
import type { Scene, SceneObject } from '../types'

/** Basic colour name of an RGB colour (0–255), from hue, saturation and value. */
export function colourName(rgb: readonly number[]): string {
  const [r, g, b] = rgb.map((c) => c / 255)
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const s = max === 0 ? 0 : (max - min) / max
  if (max < 0.2) return 'black'
  if (s < 0.2) return max > 0.75 ? 'white' : 'grey'
  let h = 0
  if (max === r) h = ((g - b) / (max - min)) * 60
  else if (max === g) h = ((b - r) / (max - min)) * 60 + 120
  else h = ((r - g) / (max - min)) * 60 + 240
  if (h < 0) h += 360
  if ((h < 40 || h >= 345) && max < 0.55) return 'brown'
  if (h < 15 || h >= 345) return 'red'
  if (h < 40) return 'orange'
  if (h < 70) return 'yellow'
  if (h < 170) return 'green'
  if (h < 260) return 'blue'
  if (h < 300) return 'purple'
  return 'pink'
}

const COLOUR_ALIASES: Record<string, string> = {
  gray: 'grey',
  silver: 'grey',
  dark: 'black',
  violet: 'purple',
  cyan: 'blue',
  teal: 'blue',
  navy: 'blue',
  beige: 'brown',
  tan: 'brown',
}

const COLOURS = new Set([
  'black',
  'white',
  'grey',
  'brown',
  'red',
  'orange',
  'yellow',
  'green',
  'blue',
  'purple',
  'pink',
])

/** The colour a word names ("gray" → "grey"), or null. */
export function colourWord(word: string): string | null {
  const w = COLOUR_ALIASES[word] ?? word
  return COLOURS.has(w) ? w : null
}

type Pick = { by: (scene: Scene, o: SceneObject) => number; sign: 1 | -1; what: string }

const height = (scene: Scene, o: SceneObject): number =>
  extentOf(scene, o, 'height').value as number
const width = (scene: Scene, o: SceneObject): number => extentOf(scene, o, 'width').value as number
const volume = (scene: Scene, o: SceneObject): number => volumeOf(scene, o).value as number
const cameraDistance = (_: Scene, o: SceneObject): number =>
  Math.hypot(o.centerInCamera[0], o.centerInCamera[1], o.centerInCamera[2])

const LEFT: Pick = {
  by: (_, o) => o.centerInWorld[0],
  sign: -1,
  what: 'leftmost (smallest world x)',
}
const RIGHT: Pick = {
  by: (_, o) => o.centerInWorld[0],
  sign: 1,
  what: 'rightmost (largest world x)',
}
const NEAR: Pick = { by: cameraDistance, sign: -1, what: 'nearest the camera' }
const FAR: Pick = { by: cameraDistance, sign: 1, what: 'farthest from the camera' }
const TALL: Pick = { by: height, sign: 1, what: 'tallest' }
const SHORT: Pick = { by: height, sign: -1, what: 'shortest' }
const BIG: Pick = { by: volume, sign: 1, what: 'biggest (box volume)' }
const SMALL: Pick = { by: volume, sign: -1, what: 'smallest (box volume)' }
const WIDE: Pick = { by: width, sign: 1, what: 'widest' }
const NARROW: Pick = { by: width, sign: -1, what: 'narrowest' }
const TOP: Pick = { by: (_, o) => o.centerInWorld[2], sign: 1, what: 'highest' }
const BOTTOM: Pick = { by: (_, o) => o.centerInWorld[2], sign: -1, what: 'lowest' }

/** Position and size words of reference phrases and the object each picks. */
export const PICK_WORDS: Record<string, Pick> = {
  left: LEFT,
  leftmost: LEFT,
  right: RIGHT,
  rightmost: RIGHT,
  front: NEAR,
  near: NEAR,
  nearer: NEAR,
  nearest: NEAR,
  close: NEAR,
  closer: NEAR,
  closest: NEAR,
  back: FAR,
  rear: FAR,
  far: FAR,
  farther: FAR,
  further: FAR,
  farthest: FAR,
  furthest: FAR,
  tall: TALL,
  taller: TALL,
  tallest: TALL,
  short: SHORT,
  shorter: SHORT,
  shortest: SHORT,
  big: BIG,
  bigger: BIG,
  biggest: BIG,
  large: BIG,
  larger: BIG,
  largest: BIG,
  small: SMALL,
  smaller: SMALL,
  smallest: SMALL,
  little: SMALL,
  tiny: SMALL,
  wide: WIDE,
  wider: WIDE,
  widest: WIDE,
  narrow: NARROW,
  thin: NARROW,
  narrowest: NARROW,
  thinnest: NARROW,
  top: TOP,
  upper: TOP,
  highest: TOP,
  bottom: BOTTOM,
  lower: BOTTOM,
  lowest: BOTTOM,
}

/** The object with the extreme value of a pick word's quantity (first on a tie). */
export function pickExtreme(scene: Scene, objects: SceneObject[], word: string): SceneObject {
  const p = PICK_WORDS[word]
  let best = objects[0]
  let bestV = p.sign * p.by(scene, best)
  for (const o of objects.slice(1)) {
    const v = p.sign * p.by(scene, o)
    if (v > bestV) {
      best = o
      bestV = v
    }
  }
  return best
}

/** Readable meaning of a pick word, e.g. "leftmost (smallest world x)". */
export function pickMeaning(word: string): string {
  return PICK_WORDS[word].what
}
