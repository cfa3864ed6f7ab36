import {
  BufferGeometry,
  Float32BufferAttribute,
  Group,
  LineBasicMaterial,
  LineSegments,
  Matrix4,
} from 'three'
import { CSS2DObject } from 'three/examples/jsm/renderers/CSS2DRenderer.js'
import type { SceneSummary } from '../../../main/contract/sceneSchema'
import type { WorldVec3 } from './worldFrame'

/** Drawn depth of the frustum, metres. */
const FRUSTUM_DEPTH_M = 0.12

/** Camera centre in the world frame: the translation column of worldFromCamera (4×4 column-major). */
export function cameraCenterInWorld(worldFromCamera: readonly number[]): WorldVec3 {
  return [worldFromCamera[12], worldFromCamera[13], worldFromCamera[14]]
}

/**
 * The sensor's viewing frustum at its pose, in the world frame (add it under the world root). Lines
 * are built in the camera frame (OpenCV: x right, y down, z forward) from the intrinsics and placed
 * with worldFromCamera; a small triangle marks the image's top edge.
 */
export function buildCameraFrustum(summary: SceneSummary): Group {
  const { width, height, fx, fy, cx, cy } = summary.intrinsics
  const d = FRUSTUM_DEPTH_M
  const corner = (u: number, v: number): number[] => [((u - cx) / fx) * d, ((v - cy) / fy) * d, d]
  const topLeft = corner(0, 0)
  const topRight = corner(width, 0)
  const bottomRight = corner(width, height)
  const bottomLeft = corner(0, height)
  const origin = [0, 0, 0]
  const topMid = corner(width / 2, 0)
  const rise = (topRight[0] - topLeft[0]) * 0.15
  const peak = [topMid[0], topMid[1] - rise, d]
  const segments = [
    [origin, topLeft],
    [origin, topRight],
    [origin, bottomRight],
    [origin, bottomLeft],
    [topLeft, topRight],
    [topRight, bottomRight],
    [bottomRight, bottomLeft],
    [bottomLeft, topLeft],
    [corner(width * 0.4, 0), peak],
    [peak, corner(width * 0.6, 0)],
  ]
  const geometry = new BufferGeometry()
  geometry.setAttribute('position', new Float32BufferAttribute(segments.flat(2), 3))
  const lines = new LineSegments(
    geometry,
    new LineBasicMaterial({ color: '#c8d1dc', transparent: true, opacity: 0.7 }),
  )

  const element = document.createElement('div')
  element.className = 'camera-label'
  element.textContent = 'camera'
  const label = new CSS2DObject(element)
  label.center.set(0.5, 1.3)

  const group = new Group()
  group.name = 'camera frustum'
  group.userData.kind = 'camera-frustum'
  group.matrixAutoUpdate = false
  group.matrix.copy(new Matrix4().fromArray(summary.worldFromCamera))
  group.add(lines, label)
  return group
}
