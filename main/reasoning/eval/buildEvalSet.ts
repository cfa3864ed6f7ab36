/**
 * Builds the chain-of-thought evaluation set: multi-step questions whose exact answers are computed
 * here from ground truth. `evalSet.json` beside this file is its committed output; a test regenerates
 * and compares it (run that test with UPDATE_EVAL_SET=1 to rewrite it after changing this file).
 */
import type { EvalItem, EvalKind, EvalUnit } from './evalTypes.js'
import type { EvalObject, EvalScene } from './evalScenes.js'
import { distance, footprintArea, footprintGap, movedToward } from './evalGeometry.js'

/** Expected values are rounded to 0.1 mm (metres) or 1e-4 (ratios): far below any tolerance. */
function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4
}

function cm(metres: number): string {
  return `${Math.round(metres * 100)} cm`
}

type Maker = (scene: EvalScene, get: (name: string) => EvalObject) => Omit<EvalItem, 'id' | 'scene'>

function item(kind: EvalKind, question: string, value: number, unit: EvalUnit, label?: string) {
  if (!(value > 0) || !Number.isFinite(value))
    throw new Error(`"${question}": expected value ${value} is not positive`)
  const rounded = unit === 'count' ? value : round4(value)
  return {
    kind,
    question,
    expected: label ? { value: rounded, unit, label } : { value: rounded, unit },
  }
}

/** If A moves `metres` toward B, the distance between their centres. */
function whatIfMove(a: string, b: string, metres: number): Maker {
  return (_s, get) => {
    const moved = movedToward(get(a), get(b), metres)
    const question = `If the ${a} moves ${cm(metres)} horizontally toward the ${b}, how far apart are their centres then?`
    return item(
      'what_if_move_distance',
      question,
      distance(moved.centreInWorld, get(b).centreInWorld),
      'm',
    )
  }
}

/** If A moves `metres` toward B, the horizontal gap between them. */
function clearanceAfterMove(a: string, b: string, metres: number): Maker {
  return (_s, get) => {
    const moved = movedToward(get(a), get(b), metres)
    const question = `If the ${a} is pushed ${cm(metres)} toward the ${b}, what horizontal gap is left between them?`
    return item(
      'clearance_after_move',
      question,
      footprintGap(moved.footprint, get(b).footprint),
      'm',
    )
  }
}

/** How far A must move directly away from B to be `clear` metres clear of it (discs: exact). */
function moveToClear(a: string, b: string, clear: number): Maker {
  return (_s, get) => {
    if (get(a).footprint.kind !== 'circle' || get(b).footprint.kind !== 'circle')
      throw new Error('discs only')
    const question = `How far must the ${a} move directly away from the ${b} to be ${cm(clear)} clear of it?`
    return item(
      'move_to_clear',
      question,
      clear - footprintGap(get(a).footprint, get(b).footprint),
      'm',
    )
  }
}

/** How many X fit side by side (each taking its narrower side) along Y's longer side. */
function fitSideBySide(x: string, y: string, plural: string): Maker {
  return (_s, get) => {
    const question = `How many ${plural} the size of the ${x} fit side by side in one row along the longer side of the ${y}?`
    return item(
      'fit_side_by_side',
      question,
      Math.floor(get(y).longSide / get(x).shortSide),
      'count',
    )
  }
}

/** The object whose centre is closest to X's centre, and that distance. */
function closestObject(x: string): Maker {
  return (scene, get) => {
    const others = scene.objects.filter((o) => o.name !== x)
    const distances = others.map((o) => distance(o.centreInWorld, get(x).centreInWorld))
    const best = distances.indexOf(Math.min(...distances))
    const question = `Which object is closest to the ${x} (centre to centre), and how far away is it?`
    return item('closest_object', question, distances[best], 'm', others[best].name)
  }
}

/** How much farther X is from A than from B (centre distances). */
function distanceDifference(x: string, a: string, b: string): Maker {
  return (_s, get) => {
    const difference =
      distance(get(x).centreInWorld, get(a).centreInWorld) -
      distance(get(x).centreInWorld, get(b).centreInWorld)
    const question = `How much farther is the ${x} from the ${a} than from the ${b} (centre to centre)?`
    return item('distance_difference', question, difference, 'm')
  }
}

/** Height of a stack of the named objects. */
function stackHeight(names: string[]): Maker {
  return (_s, get) => {
    const list = names
      .map((n) => `the ${n}`)
      .join(', ')
      .replace(/, ([^,]*)$/, ' and $1')
    const question = `If ${list} were stacked on top of each other, how tall would the stack be?`
    return item(
      'stack_height',
      question,
      names.reduce((sum, n) => sum + get(n).height, 0),
      'm',
    )
  }
}

/** Ratio of heights or footprint areas, A over B. */
function sizeRatio(a: string, b: string, measure: 'height' | 'area'): Maker {
  return (_s, get) => {
    if (measure === 'height') {
      const question = `How many times taller is the ${a} than the ${b}?`
      return item('size_ratio', question, get(a).height / get(b).height, 'ratio')
    }
    const question = `How many times larger is the footprint (area on the floor or table) of the ${a} than that of the ${b}?`
    return item(
      'size_ratio',
      question,
      footprintArea(get(a).footprint) / footprintArea(get(b).footprint),
      'ratio',
    )
  }
}

/** The questions per scene. Chosen so every expected value is positive and unambiguous. */
export const EVAL_QUESTIONS: Record<string, Maker[]> = {
  'synthetic-640x480': [
    whatIfMove('mug', 'laptop', 0.2),
    whatIfMove('can', 'bottle', 0.15),
    whatIfMove('small box', 'mug', 0.1),
    whatIfMove('bottle', 'tall box', 0.1),
    clearanceAfterMove('mug', 'bottle', 0.1),
    clearanceAfterMove('can', 'tall box', 0.1),
    clearanceAfterMove('small box', 'laptop', 0.1),
    clearanceAfterMove('mug', 'tall box', 0.05),
    moveToClear('mug', 'bottle', 0.35),
    moveToClear('can', 'bottle', 0.4),
    fitSideBySide('can', 'laptop', 'cans'),
    fitSideBySide('mug', 'laptop', 'mugs'),
    fitSideBySide('bottle', 'laptop', 'bottles'),
    closestObject('mug'),
    closestObject('can'),
    closestObject('laptop'),
    closestObject('tall box'),
    closestObject('bottle'),
    closestObject('small box'),
    distanceDifference('mug', 'can', 'small box'),
    distanceDifference('bottle', 'small box', 'tall box'),
    distanceDifference('laptop', 'can', 'mug'),
    distanceDifference('can', 'laptop', 'bottle'),
    stackHeight(['small box', 'mug', 'laptop']),
    stackHeight(['tall box', 'can']),
    stackHeight(['laptop', 'small box', 'mug', 'can']),
    sizeRatio('bottle', 'laptop', 'height'),
    sizeRatio('tall box', 'mug', 'height'),
    sizeRatio('laptop', 'can', 'area'),
  ],
  'sunrgbd-000001': [
    whatIfMove('ottoman', 'bed', 0.5),
    closestObject('ottoman'),
    distanceDifference('dresser', 'lamp', 'ottoman'),
    fitSideBySide('night stand', 'bed', 'night stands'),
    sizeRatio('bed', 'ottoman', 'area'),
  ],
  'sunrgbd-000002': [stackHeight(['night stand', 'bed']), whatIfMove('night stand', 'bed', 0.3)],
  'sunrgbd-000003': [
    whatIfMove('lamp', 'dresser', 1),
    closestObject('dresser'),
    stackHeight(['dresser', 'lamp']),
    sizeRatio('dresser mirror', 'night stand', 'height'),
  ],
  'sunrgbd-000004': [
    closestObject('ottoman'),
    distanceDifference('lamp', 'ottoman', 'bed'),
    fitSideBySide('night stand', 'bed', 'night stands'),
  ],
}

/** Computes every question's expected answer from the scenes' ground truth. */
export function buildEvalSet(scenes: EvalScene[]): EvalItem[] {
  const items: EvalItem[] = []
  for (const [sceneId, makers] of Object.entries(EVAL_QUESTIONS)) {
    const scene = scenes.find((s) => s.id === sceneId)
    if (!scene) throw new Error(`buildEvalSet: scene ${sceneId} was not loaded`)
    const get = (name: string) => {
      const found = scene.objects.find((o) => o.name === name)
      if (!found)
        throw new Error(
          `buildEvalSet: no "${name}" in ${sceneId} (${scene.objects.map((o) => o.name)})`,
        )
      return found
    }
    makers.forEach((make, index) => {
      items.push({
        id: `${sceneId}-${String(index + 1).padStart(2, '0')}`,
        scene: sceneId,
        ...make(scene, get),
      })
    })
  }
  return items
}
