/**
 * Ground-truth scenes for the chain-of-thought evaluation, read from the committed fixtures:
 * the synthetic tabletop (exact solids) and SUN RGB-D boxes (annotated, loose to ±10–20 cm).
 * World frame: metres, gravity-aligned, z up (tabletop: origin on the table; SUN RGB-D: camera at origin).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** An object's horizontal footprint: a disc (cylinders) or a convex polygon in the xy plane. */
export type Footprint =
  | { kind: 'circle'; centre: [number, number]; radius: number }
  | { kind: 'polygon'; corners: [number, number][] }

/** One ground-truth object. `centreInWorld` is the centre of the solid. */
export interface EvalObject {
  /** Unique within its scene, as a user would say it ("tall box", "night stand"). */
  name: string
  centreInWorld: [number, number, number]
  /** Vertical extent in metres. */
  height: number
  footprint: Footprint
  /** Footprint's longer and shorter horizontal side in metres (diameter twice for discs). */
  longSide: number
  shortSide: number
}

/** A scene of the evaluation set: an id used in eval items and its objects. */
export interface EvalScene {
  id: string
  objects: EvalObject[]
}

const SYNTHETIC_NAMES: Record<string, string> = { box_small: 'small box', box_tall: 'tall box' }

function rectangle(
  cx: number,
  cy: number,
  width: number,
  depth: number,
  yawRad: number,
): [number, number][] {
  const c = Math.cos(yawRad)
  const s = Math.sin(yawRad)
  const half: [number, number][] = [
    [width / 2, depth / 2],
    [-width / 2, depth / 2],
    [-width / 2, -depth / 2],
    [width / 2, -depth / 2],
  ]
  return half.map(([u, v]) => [cx + c * u - s * v, cy + s * u + c * v])
}

/** The synthetic tabletop GT (`scene_WxH_gt.json`): boxes rotate width (x) and depth (y) by yaw about z. */
export function syntheticScene(id: string, gt: any): EvalScene {
  const objects = gt.objects.map((o: any): EvalObject => {
    const [x, y, z] = o.centre_world as [number, number, number]
    const name = SYNTHETIC_NAMES[o.name] ?? o.name
    const size = o.size_m
    if (o.shape === 'cylinder') {
      return {
        name,
        centreInWorld: [x, y, z],
        height: size.height,
        footprint: { kind: 'circle', centre: [x, y], radius: size.radius },
        longSide: size.diameter,
        shortSide: size.diameter,
      }
    }
    const corners = rectangle(x, y, size.width, size.depth, (o.yaw_deg * Math.PI) / 180)
    const [longSide, shortSide] = [
      Math.max(size.width, size.depth),
      Math.min(size.width, size.depth),
    ]
    return {
      name,
      centreInWorld: [x, y, z],
      height: size.height,
      footprint: { kind: 'polygon', corners },
      longSide,
      shortSide,
    }
  })
  return { id, objects }
}

/** A SUN RGB-D `boxes/NNNNNN.json`: upright frame, the first four corners are the top face. */
export function sunRgbdScene(id: string, boxes: any): EvalScene {
  const objects = boxes.objects.map((o: any): EvalObject => {
    const size = o.size_m
    const corners = (o.corners_upright_m as number[][])
      .slice(0, 4)
      .map((c): [number, number] => [c[0], c[1]])
    return {
      name: String(o.class).replace(/_/g, ' '),
      centreInWorld: o.centroid_upright_m,
      height: size.vertical,
      footprint: { kind: 'polygon', corners },
      longSide: Math.max(size.along_heading, size.across_heading),
      shortSide: Math.min(size.along_heading, size.across_heading),
    }
  })
  const names = objects.map((o: EvalObject) => o.name)
  if (new Set(names).size !== names.length)
    throw new Error(`SUN RGB-D ${id}: duplicate class names ${names}`)
  return { id, objects }
}

/** Reads the scenes the evaluation set uses from `tests/fixtures` under `fixturesRoot`. */
export function loadEvalScenes(fixturesRoot: string): EvalScene[] {
  const read = (...parts: string[]) =>
    JSON.parse(readFileSync(join(fixturesRoot, ...parts), 'utf8'))
  const scenes = [
    syntheticScene('synthetic-640x480', read('synthetic-tabletop', 'scene_640x480_gt.json')),
  ]
  for (const frame of ['000001', '000002', '000003', '000004']) {
    scenes.push(sunRgbdScene(`sunrgbd-${frame}`, read('sunrgbd-mmdet3d', 'boxes', `${frame}.json`)))
  }
  return scenes
}
