import type { Scene } from '../types'
import { assignUniqueNames, describeWithLabel } from './naming'

/**
 * A copy of the scene where the objects listed in `labels` (by object id) take the new label (a
 * class name found after lifting, e.g. by a vision-language model for a geometry cluster), with
 * their description redone from it and every object's unique name recomputed, so two "mug"s become
 * "left mug" and "right mug". Other fields, and the objects' pixel arrays, are shared, not copied.
 */
export function relabelObjects(scene: Scene, labels: ReadonlyMap<number, string>): Scene {
  const objects = scene.objects.map((object) => {
    const label = labels.get(object.id)
    if (label === undefined || label === object.label) return { ...object }
    return { ...object, label, description: describeWithLabel({ ...object, label }) }
  })
  const names = assignUniqueNames(objects)
  objects.forEach((object, index) => (object.name = names[index]))
  return { ...scene, objects }
}
