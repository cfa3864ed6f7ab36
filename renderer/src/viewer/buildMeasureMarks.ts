import { Group, Mesh, MeshBasicMaterial, SphereGeometry } from 'three'
import { buildAnswerGeometry, MEASURE_LINE_STYLE } from './buildAnswerGeometry'
import type { WorldVec3 } from './worldFrame'

/** What Measure mode shows in 3D: the picked points, the picked objects, the measured segment. */
export interface MeasureMarks {
  points: readonly WorldVec3[]
  objectNames: readonly string[]
  segment: { fromInWorld: WorldVec3; toInWorld: WorldVec3; lengthM: number; label: string } | null
}

const MARK_RADIUS_M = 0.012

/**
 * The picked points as small spheres (userData.kind 'measure-point') and the measured segment with
 * its label, in the world frame (add under the world root), drawn over the cloud. Objects are
 * emphasised on their boxes by the renderer, not here.
 */
export function buildMeasureMarks(marks: MeasureMarks): Group {
  const group = new Group()
  group.name = 'measure'
  const material = new MeshBasicMaterial({
    color: MEASURE_LINE_STYLE.color,
    depthTest: false,
    transparent: true,
  })
  for (const point of marks.points) {
    const sphere = new Mesh(new SphereGeometry(MARK_RADIUS_M, 16, 12), material)
    sphere.position.set(...point)
    sphere.userData.kind = 'measure-point'
    sphere.renderOrder = 10
    group.add(sphere)
  }
  if (marks.segment) {
    const { fromInWorld, toInWorld, lengthM, label } = marks.segment
    const line = buildAnswerGeometry(
      { kind: 'segment', fromInWorld: [...fromInWorld], toInWorld: [...toInWorld], lengthM, label },
      MEASURE_LINE_STYLE,
    )
    if (line) group.add(line)
  }
  return group
}
