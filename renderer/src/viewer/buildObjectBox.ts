import {
  BoxGeometry,
  Color,
  EdgesGeometry,
  Group,
  LineBasicMaterial,
  LineSegments,
  Mesh,
  MeshBasicMaterial,
  Object3D,
} from 'three'
import type { SceneSummary } from '../../../main/contract/sceneSchema'

type SceneObject = SceneSummary['objects'][number]

/** How a box is drawn: plain, referenced by the current answer, or under the pointer / selected. */
export type BoxEmphasis = 'normal' | 'answer' | 'hover'

/** One object's box in the scene graph, with the handles to restyle it without rebuilding. */
export interface ObjectBox {
  readonly name: string
  readonly group: Group
  /** The name label (a DOM element, not in the scene graph: the label layer places it). */
  readonly label: HTMLElement
  /** Where the label points: the middle of the box's top face (a child of `group`). */
  readonly labelAnchor: Object3D
  /** The box's volume (m³), for the label's priority. */
  readonly volumeM3: number
  /** The box's colour ('#rrggbb'), for the label's leader line. */
  readonly color: string
  setEmphasis(emphasis: BoxEmphasis): void
}

/** Distinct, readable on a dark background; assigned by object index. */
const PALETTE = [
  '#4cc2ff',
  '#ffb454',
  '#7ee081',
  '#ff7aa8',
  '#b59cff',
  '#5ee0d2',
  '#ffd866',
  '#ff8f66',
]
const HOVER_COLOR = new Color('#ffffff')

/** The colour of the box of the object at `index` (the object panel shows the same swatch). */
export function boxColor(index: number): string {
  return PALETTE[index % PALETTE.length]
}

/**
 * A wireframe box for one object, in the world frame (add it under the world root): centred at
 * centerInWorld, width along the box x axis yawed by yawRad about world z, depth across it, height
 * along z, with the object's name as a DOM label for the top (placed by the label layer). `name` is the object's name and
 * `userData.kind` is 'object-box' (the scene-graph queries of the tests rely on both).
 */
export function buildObjectBox(object: SceneObject, index: number): ObjectBox {
  const baseColor = new Color(boxColor(index))
  const { width, depth, height } = object.sizeM
  const group = new Group()
  group.name = object.name
  group.userData.kind = 'object-box'
  group.userData.objectId = object.id
  group.position.set(...object.centerInWorld)
  group.rotation.z = object.yawRad

  const solid = new BoxGeometry(width, depth, height)
  const edgeMaterial = new LineBasicMaterial({ color: baseColor, transparent: true, opacity: 0.85 })
  const edges = new LineSegments(new EdgesGeometry(solid), edgeMaterial)
  const fillMaterial = new MeshBasicMaterial({
    color: baseColor,
    transparent: true,
    opacity: 0.05,
    depthWrite: false,
  })
  const fill = new Mesh(solid, fillMaterial)
  fill.renderOrder = 1

  const element = document.createElement('div')
  element.className = 'box-label'
  element.textContent = object.name
  element.style.setProperty('--box-color', `#${baseColor.getHexString()}`)
  const labelAnchor = new Object3D()
  labelAnchor.name = 'label anchor'
  labelAnchor.position.set(0, 0, height / 2)

  group.add(fill, edges, labelAnchor)
  return {
    name: object.name,
    group,
    label: element,
    labelAnchor,
    volumeM3: width * depth * height,
    color: `#${baseColor.getHexString()}`,
    setEmphasis(emphasis) {
      edgeMaterial.color.copy(emphasis === 'hover' ? HOVER_COLOR : baseColor)
      edgeMaterial.opacity = emphasis === 'normal' ? 0.85 : 1
      fillMaterial.opacity = emphasis === 'hover' ? 0.18 : emphasis === 'answer' ? 0.12 : 0.05
      element.dataset.emphasis = emphasis
    },
  }
}
