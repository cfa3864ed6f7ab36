import { Group, type Points } from 'three'
import type { SceneResult } from '../../../main/contract/channels'
import type { SceneCloud } from '../../../main/contract/sceneSchema'
import { cameraCenterInWorld, buildCameraFrustum } from './buildCameraFrustum'
import { buildObjectBox, type ObjectBox } from './buildObjectBox'
import { buildPointCloud, pointSizeFor } from './buildPointCloud'
import { buildSupportPlane } from './buildSupportPlane'
import { boundsCenter, boxesBounds, robustBounds, type WorldBounds } from './sceneBounds'
import type { WorldVec3 } from './worldFrame'

/** The three.js objects drawn for one scene result, and what framing and picking need of it. */
export interface SceneContent {
  /** Cloud, support plane, camera frustum and object boxes, in world coordinates. */
  group: Group
  boxes: ObjectBox[]
  cloud: { points: Points; data: SceneCloud }
  /** The bulk of the cloud (else the boxes); null when neither has anything. */
  bounds: WorldBounds | null
  cameraCenter: WorldVec3
  /** The cloud's point size (metres), sized to the typical depth. */
  pointSizeM: number
}

/** Builds a scene result's objects; the caller adds `group` to the world root and disposes it. */
export function buildSceneContent(result: Pick<SceneResult, 'summary' | 'cloud'>): SceneContent {
  const { summary, cloud } = result
  // Without points (a dataset without --with-points), the boxes bound the scene.
  const bounds = robustBounds(cloud.positionsInWorld) ?? boxesBounds(summary.objects)
  const cameraCenter = cameraCenterInWorld(summary.worldFromCamera)
  const group = new Group()
  group.name = 'scene content'
  const typicalDepth = bounds ? distance(cameraCenter, boundsCenter(bounds)) : 1
  const pointSizeM = pointSizeFor(typicalDepth, summary.intrinsics.fx)
  const points = buildPointCloud(cloud, pointSizeM)
  group.add(points)
  if (bounds) group.add(buildSupportPlane(bounds))
  group.add(buildCameraFrustum(summary))
  const boxes = summary.objects.map((object, index) => buildObjectBox(object, index))
  for (const box of boxes) group.add(box.group)
  return { group, boxes, cloud: { points, data: cloud }, bounds, cameraCenter, pointSizeM }
}

function distance(a: WorldVec3, b: WorldVec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
}
