import type { Frame, RegionPrompt, Scene, SceneObject, Vec3 } from '../types'
import { nowMs, timed } from '../clock'
import { validateFrameForScene } from './validateFrame'
import { validateRegions } from './regionPrompts'
import { estimateDepthNoise } from './depthNoise'
import { findKeptPixels } from './flyingPixels'
import { backproject } from './backproject'
import { buildVoxelGrid } from './voxelGrid'
import { pixelStridedPoints } from './planeSubsample'
import { findSupportPlane } from './supportPlane'
import { createLocalTripleProposer } from './localTriples'
import { worldFromLevelCamera, worldFromPlane } from './worldFrame'
import type { LiftContext, ObjectCandidate } from './liftContext'
import { gatherPoints } from './liftContext'
import { segmentByPlane } from './segmentPlane'
import { objectsFromClusters } from './objectsFromClusters'
import { objectsFromRegions } from './objectsFromRegions'
import { unexplainedClusters, withoutDetectorDuplicates } from './unexplainedClusters'
import { fitBox } from './fitBox'
import { assignUniqueNames, describe, describeCluster } from './naming'
import { checkDetectorLabels } from './labelPlausibility'
import { framePlausibilityWarnings } from './framePlausibility'
import { addAmodalBoxes } from './amodal/amodalStage'

export interface SceneOptions {
  /** User or detector regions; when given, the objects are these (plus clusters, see below). */
  regions?: RegionPrompt[]
  /**
   * With regions, also keep the geometry clusters that no region explains (a detector misses
   * things; geometry still sees them). Default false: user regions mean "exactly these objects".
   */
  includeUnmatchedClusters?: boolean
  /** Voxel size for the plane search, metres (Open3D-style downsampling). */
  voxelSizeM?: number
  seed?: number
}

/**
 * RGB-D frame → gravity-aligned scene: noise estimate, flying-pixel removal, back-projection,
 * voxel grid, support-plane RANSAC, world frame, objects (regions or clusters), boxes, names.
 * Throws SceneInputError for unusable input. Timings cover compute only (no decoding).
 */
export function buildScene(frame: Frame, options: SceneOptions = {}): Scene {
  const start = nowMs()
  validateFrameForScene(frame)
  const regions = options.regions ?? []
  validateRegions(regions, frame.intrinsics.width, frame.intrinsics.height)
  const depth = frame.depth!
  const timingsMs: Record<string, number> = {}
  const warnings: string[] = []

  const noise = timed(timingsMs, 'noise', () => estimateDepthNoise(depth))
  const relativeNoise = noise.typical
  const isKept = timed(timingsMs, 'filter', () => findKeptPixels(depth, noise))
  const cloud = timed(timingsMs, 'backproject', () => backproject(depth, frame.intrinsics, isKept))
  const voxelSizeM = options.voxelSizeM ?? 0.01
  const grid = timed(timingsMs, 'voxel', () =>
    buildVoxelGrid(
      cloud.pointsInCamera,
      voxelSizeM,
      pixelStridedPoints(cloud, depth.width, depth.height, frame.intrinsics.fx, voxelSizeM),
    ),
  )
  const supportPlane = timed(timingsMs, 'plane', () =>
    findSupportPlane(grid.centroids, {
      noise,
      seed: options.seed,
      proposeLocalTriple: createLocalTripleProposer(cloud, depth.width, depth.height),
    }),
  )
  const plane = supportPlane ? { normal: supportPlane.normal, offset: supportPlane.offset } : null
  const worldFromCamera = plane ? worldFromPlane(plane) : worldFromLevelCamera()

  const context = timed(timingsMs, 'segment', (): LiftContext => ({
    frame,
    depth,
    cloud,
    ...segmentByPlane(cloud, worldFromCamera, supportPlane, depth.width * depth.height),
    plane,
    worldFromCamera,
    relativeNoise,
    // Scales the top-of-object noise: the camera's height above the plane, or the typical depth.
    noiseDistanceM: plane ? plane.offset : noise.typicalZ,
  }))

  const candidates = timed(timingsMs, 'cluster', () => {
    if (regions.length === 0) return objectsFromClusters(context)
    const fromRegions = withoutDetectorDuplicates(
      objectsFromRegions(context, regions, warnings),
      cloud.count,
    )
    if (!options.includeUnmatchedClusters) return fromRegions
    return [
      ...fromRegions,
      ...unexplainedClusters(objectsFromClusters(context), fromRegions, cloud.count),
    ]
  })
  // Each object's world points, gathered once for its box and read again by the amodal stage.
  const pointsOf: Float32Array[] = []
  const objects = timed(timingsMs, 'boxes', () =>
    candidates.map((c, id) => finishObject(context, c, id, pointsOf)),
  )
  // The label check reads the amodal box (an occluded object is judged by its full size).
  timed(timingsMs, 'amodal', () => addAmodalBoxes(context, pointsOf, objects))
  timed(timingsMs, 'labels', () =>
    checkDetectorLabels(
      objects,
      candidates.map((c) => c.score),
      { width: depth.width, height: depth.height, fx: frame.intrinsics.fx },
    ),
  )
  timed(timingsMs, 'naming', () => nameObjects(objects))
  warnings.push(
    ...framePlausibilityWarnings({
      plane,
      objects,
      intrinsics: frame.intrinsics,
      depthSource: frame.depthSource,
      depthScale: frame.depthScale,
    }),
  )

  if (!plane) {
    warnings.push(
      "no support plane (floor or table) in view: using the camera frame, assuming a level camera; heights are measured from each object's lowest point",
    )
  }
  return {
    cameraId: frame.cameraId,
    timestampNs: frame.timestampNs,
    intrinsics: frame.intrinsics,
    plane,
    worldFromCamera,
    objects,
    provenance: {
      depthSource: frame.depthSource,
      intrinsics: frame.intrinsics,
      frameKind: plane ? 'support-plane' : 'camera-fallback',
      frameNote: plane
        ? undefined
        : 'no support plane in view; camera frame with a level-camera assumption',
      validPointCount: cloud.count,
      planeInlierCount: supportPlane?.inlierCount ?? 0,
      depthNoiseRel: relativeNoise,
      planeThresholdAt1m: supportPlane
        ? supportPlane.thresholdM / Math.max(1e-6, supportPlane.offset)
        : 0,
      sourceDescription: frame.sourceDescription,
      depthProvenance: frame.depthProvenance,
    },
    warnings,
    timingsMs,
    totalMs: nowMs() - start,
  }
}

/** The object of one candidate; its gathered world points go to `pointsOf[id]`. */
function finishObject(
  context: LiftContext,
  candidate: ObjectCandidate,
  id: number,
  pointsOf: Float32Array[],
): SceneObject {
  const points = (pointsOf[id] = gatherPoints(context.pointsInWorld, candidate.pointIndices))
  const box = fitBox(points, context.worldFromCamera, {
    topNoiseM: context.relativeNoise * context.noiseDistanceM,
    hasSupportPlane: context.plane !== null,
  })
  const pixelIndices = new Uint32Array(candidate.pointIndices.length)
  for (let k = 0; k < pixelIndices.length; k++)
    pixelIndices[k] = context.cloud.pixelOfPoint[candidate.pointIndices[k]]
  const colorRgb = meanColor(context.frame.rgb.data, pixelIndices)
  const object: SceneObject = {
    ...box,
    id,
    name: '',
    label: candidate.label,
    description: '',
    origin: candidate.origin,
    ...(candidate.origin === 'region' ? { regionSource: candidate.source ?? 'user' } : {}),
    pointCount: candidate.pointIndices.length,
    colorRgb,
    pixelIndices,
  }
  if (object.origin === 'cluster') object.label = describeCluster(object)
  object.description = describe(object)
  return object
}

function nameObjects(objects: SceneObject[]): void {
  const names = assignUniqueNames(objects)
  objects.forEach((object, index) => (object.name = names[index]))
}

function meanColor(rgb: Uint8Array, pixels: Uint32Array): Vec3 {
  let r = 0,
    g = 0,
    b = 0
  for (let k = 0; k < pixels.length; k++) {
    const i = pixels[k] * 3
    r += rgb[i]
    g += rgb[i + 1]
    b += rgb[i + 2]
  }
  const n = Math.max(1, pixels.length)
  return [Math.round(r / n), Math.round(g / n), Math.round(b / n)]
}
