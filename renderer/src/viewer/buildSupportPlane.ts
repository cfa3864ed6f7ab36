import {
  DoubleSide,
  GridHelper,
  Group,
  LineBasicMaterial,
  Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
} from 'three'
import { boundsCenter, type WorldBounds } from './sceneBounds'

/** Grid cell: 10 cm, so sizes can be read off the floor. */
const CELL_M = 0.1
const MARGIN_M = 0.4

/**
 * The support plane (world z = 0) as a 10 cm grid over the cloud's footprint plus a faint fill, in
 * the world frame (add it under the world root).
 */
export function buildSupportPlane(bounds: WorldBounds): Group {
  const [centerX, centerY] = boundsCenter(bounds)
  const extent = Math.max(bounds.max[0] - bounds.min[0], bounds.max[1] - bounds.min[1]) + MARGIN_M
  const divisions = Math.max(4, Math.ceil(extent / CELL_M / 2) * 2)
  const size = divisions * CELL_M

  const group = new Group()
  group.name = 'support plane'
  group.userData.kind = 'support-plane'
  group.position.set(snap(centerX), snap(centerY), 0)

  const grid = new GridHelper(size, divisions, '#3a4556', '#232a35')
  // GridHelper lies in its local x–z plane; turn it into the world x–y plane (z up).
  grid.rotation.x = Math.PI / 2
  const gridMaterial = grid.material as LineBasicMaterial
  gridMaterial.transparent = true
  gridMaterial.opacity = 0.8
  gridMaterial.depthWrite = false

  const fill = new Mesh(
    new PlaneGeometry(size, size),
    new MeshBasicMaterial({
      color: '#1b2533',
      transparent: true,
      opacity: 0.35,
      side: DoubleSide,
      depthWrite: false,
    }),
  )
  fill.position.z = -0.002
  group.add(fill, grid)
  return group
}

function snap(value: number): number {
  return Math.round(value / CELL_M) * CELL_M
}
