import type { SceneObject } from '../types'
import { colorName } from './colorName'

/** Fields naming needs; the rest of SceneObject is filled in by the caller. */
type Nameable = Pick<SceneObject, 'label' | 'centerInWorld' | 'sizeM' | 'colorRgb' | 'origin'>

/** "12 cm" / "1.2 m": sizes in descriptions read like a person would say them. */
export function formatLength(metres: number): string {
  return metres < 1 ? `${Math.round(metres * 100)} cm` : `${metres.toFixed(2)} m`
}

/**
 * Descriptive label for a geometry cluster with no class: colour + shape word
 * ("red object", "white tall object", "grey flat object").
 */
export function describeCluster(object: Pick<SceneObject, 'sizeM' | 'colorRgb'>): string {
  const { width, depth, height } = object.sizeM
  const footprint = Math.max(width, depth)
  const shape =
    height > 1.8 * footprint
      ? 'tall object'
      : height < 0.3 * Math.min(width, depth)
        ? 'flat object'
        : 'object'
  return `${colorName(object.colorRgb)} ${shape}`
}

/** One-line description: "red object, 12 cm wide, 10 cm tall". */
export function describe(object: Nameable): string {
  return object.origin === 'cluster'
    ? withSize(describeCluster(object), object)
    : describeWithLabel(object)
}

/** Description from the object's own label: "red mug, 9 cm wide, 10 cm tall". */
export function describeWithLabel(
  object: Pick<SceneObject, 'label' | 'sizeM' | 'colorRgb'>,
): string {
  return withSize(`${colorName(object.colorRgb)} ${object.label}`, object)
}

function withSize(base: string, object: Pick<SceneObject, 'sizeM'>): string {
  return `${base}, ${formatLength(object.sizeM.width)} wide, ${formatLength(object.sizeM.height)} tall`
}

const POSITION_WORDS: Record<number, string[]> = {
  2: ['left', 'right'],
  3: ['left', 'middle', 'right'],
}
const DEPTH_WORDS: Record<number, string[]> = {
  2: ['front', 'back'],
  3: ['front', 'middle', 'back'],
}

/**
 * Unique human names. Objects sharing a label are told apart by position as a person would:
 * left/right (or left/middle/right) when they are spread sideways, front/back when they are one
 * behind the other, and "mug 1..n from the left" beyond three. Returns names in input order.
 */
export function assignUniqueNames(objects: Nameable[]): string[] {
  const names = objects.map((object) => object.label)
  const groups = new Map<string, number[]>()
  objects.forEach((object, index) => {
    const list = groups.get(object.label) ?? []
    list.push(index)
    groups.set(object.label, list)
  })
  for (const [label, members] of groups) {
    if (members.length < 2) continue
    const xs = members.map((i) => objects[i].centerInWorld[0])
    const ys = members.map((i) => objects[i].centerInWorld[1])
    const spreadX = Math.max(...xs) - Math.min(...xs)
    const spreadY = Math.max(...ys) - Math.min(...ys)
    const isSideways = spreadX >= spreadY
    const axis = isSideways ? 0 : 1
    const sorted = [...members].sort(
      (a, b) => objects[a].centerInWorld[axis] - objects[b].centerInWorld[axis],
    )
    const words = (isSideways ? POSITION_WORDS : DEPTH_WORDS)[sorted.length]
    sorted.forEach((objectIndex, rank) => {
      names[objectIndex] = words
        ? `${words[rank]} ${label}`
        : `${label} ${rank + 1} from the ${isSideways ? 'left' : 'front'}`
    })
  }
  return names
}
