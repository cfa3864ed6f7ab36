import type { DepthImage, Scene, SceneObject } from '../engine/types'
import { measureBetween, type MeasureEnd } from '../engine/answers/measure'
import { objectAtPixel, pointAtPixel } from '../engine/reasoning/pointQuery'
import type { Measurement, MeasureTarget, PointAtResult } from '../contract/measureSchema'
import { UserError } from '../app/userError'

/** A scene the service keeps for follow-up requests, with the depth it was lifted from. */
export interface KeptScene {
  scene: Scene
  depth: DepthImage
}

/** `scene:pointAt`: the engine's point query on the kept depth; a pixel without depth is a user error. */
export function pointAt(kept: KeptScene, pixel: [number, number]): PointAtResult {
  const { scene, depth } = kept
  const [u, v] = pixel
  const { width, height } = scene.intrinsics
  const point = pointAtPixel(depth, scene.intrinsics, scene.worldFromCamera, u, v)
  if (!point) {
    const isInside = u >= -0.5 && v >= -0.5 && u < width - 0.5 && v < height - 0.5
    throw new UserError(
      isInside
        ? `no depth at pixel (${Math.round(u)}, ${Math.round(v)}): the sensor saw nothing there; pick a point on a surface the cloud shows`
        : `pixel (${Math.round(u)}, ${Math.round(v)}) is outside the ${width}×${height} image`,
    )
  }
  return {
    pixel: point.pixel,
    depthM: point.depthM,
    depthPixel: point.depthPixel,
    pointInCamera: point.pointInCamera,
    pointInWorld: point.pointInWorld,
    objectName: objectAtPixel(scene, u, v)?.name ?? null,
  }
}

/** `scene:measure`: objects are found by their exact names; two picks of one object are refused. */
export function measure(
  kept: KeptScene,
  sceneId: string,
  a: MeasureTarget,
  b: MeasureTarget,
): Measurement {
  if ('object' in a && 'object' in b && a.object === b.object)
    throw new UserError(`both ends are the ${a.object}: pick two different objects, or points`)
  const measured = measureBetween(kept.scene, toEnd(kept.scene, a), toEnd(kept.scene, b))
  return { sceneId, ...measured }
}

function toEnd(scene: Scene, target: MeasureTarget): MeasureEnd {
  if ('pointInWorld' in target) return { pointInWorld: target.pointInWorld }
  return { object: findObject(scene, target.object) }
}

function findObject(scene: Scene, name: string): SceneObject {
  const object = scene.objects.find((candidate) => candidate.name === name)
  if (object) return object
  const names = scene.objects.map((candidate) => candidate.name).join(', ')
  throw new UserError(
    `there is no object named "${name}" in this scene; its objects are: ${names || 'none'}`,
  )
}
