import {
  ConeGeometry,
  CylinderGeometry,
  Group,
  Mesh,
  MeshBasicMaterial,
  Quaternion,
  SphereGeometry,
  Vector3,
} from 'three'
import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js'

// The contract validates answer geometry on arrival; re-exported here for the renderer's users.
export { answerGeometrySchema } from '../../../main/contract/answerSchema'
export type { AnswerGeometryJson as AnswerGeometry } from '../../../main/contract/answerSchema'
import type { AnswerGeometryJson as AnswerGeometry } from '../../../main/contract/answerSchema'

const TUBE_RADIUS_M = 0.004
const END_RADIUS_M = 0.01

/** Who drew a line: an answer (yellow) or a click measurement; names its kinds and label class. */
export interface LineStyle {
  kind: 'answer' | 'measure'
  color: string
}
export const ANSWER_LINE_STYLE: LineStyle = { kind: 'answer', color: '#ffd166' }
export const MEASURE_LINE_STYLE: LineStyle = { kind: 'measure', color: '#e879f9' }

/**
 * The measured segment or direction arrow of an answer, in the world frame (add it under the world
 * root), drawn over the cloud (no depth test) with its label at the middle. The line mesh has
 * `userData.kind === '<style.kind>-line'` and the label the class `<style.kind>-label`. Null for
 * highlight-only geometry (the boxes show those).
 */
export function buildAnswerGeometry(
  geometry: AnswerGeometry,
  style: LineStyle = ANSWER_LINE_STYLE,
): Group | null {
  if (geometry.kind === 'highlight') return null
  const from = new Vector3(...geometry.fromInWorld)
  const to = new Vector3(...geometry.toInWorld)
  const length = from.distanceTo(to)
  const material = new MeshBasicMaterial({
    color: style.color,
    depthTest: false,
    transparent: true,
  })
  const group = new Group()
  group.name = style.kind
  group.userData.kind = style.kind

  const tube = new Mesh(
    new CylinderGeometry(TUBE_RADIUS_M, TUBE_RADIUS_M, Math.max(length, 1e-4), 12),
    material,
  )
  tube.name = geometry.label
  tube.userData.kind = `${style.kind}-line`
  placeAlong(tube, from, to, 0.5)
  group.add(tube)

  if (geometry.kind === 'segment') {
    for (const end of [from, to]) {
      const sphere = new Mesh(new SphereGeometry(END_RADIUS_M, 16, 12), material)
      sphere.position.copy(end)
      group.add(sphere)
    }
  } else {
    const headLength = Math.min(0.06, length * 0.3)
    const head = new Mesh(new ConeGeometry(headLength * 0.4, headLength, 16), material)
    placeAlong(head, from, to, 1 - headLength / 2 / Math.max(length, 1e-4))
    group.add(head)
  }
  for (const child of group.children) child.renderOrder = 10

  const element = document.createElement('div')
  element.className = `${style.kind}-label`
  element.textContent = geometry.label
  const label = new CSS2DObject(element)
  label.position.lerpVectors(from, to, 0.5)
  group.add(label)
  return group
}

/** Orients a y-axis-aligned mesh along from→to and centres it at the given fraction of the way. */
function placeAlong(mesh: Mesh, from: Vector3, to: Vector3, fraction: number): void {
  const direction = new Vector3().subVectors(to, from)
  if (direction.lengthSq() > 0) {
    mesh.quaternion.copy(
      new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), direction.normalize()),
    )
  }
  mesh.position.lerpVectors(from, to, fraction)
}
