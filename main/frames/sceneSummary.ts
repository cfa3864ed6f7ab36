import type { Frame, Scene } from '../engine/types'
import type { SceneCloud, SceneSummary } from '../contract/sceneSchema'
import { backproject } from '../engine/scene/backproject'
import { transformPoints } from '../engine/geometry/rigidTransform'
import { pixelBounds } from './sceneImage'
import { calibrationToJson } from '../contract/depthCalibrationSchema'

/** The JSON part of a scene (what the CLI prints and the viewer lists); pixel lists stay behind. */
export function summarizeScene(scene: Scene, sceneId: string): SceneSummary {
  return {
    sceneId,
    cameraId: scene.cameraId,
    timestampNs: scene.timestampNs.toString(),
    intrinsics: scene.intrinsics,
    plane: scene.plane,
    worldFromCamera: Array.from(scene.worldFromCamera),
    objects: scene.objects.map((object) => ({
      id: object.id,
      name: object.name,
      label: object.label,
      description: object.description,
      origin: object.origin,
      regionSource: object.regionSource,
      centerInCamera: object.centerInCamera,
      centerInWorld: object.centerInWorld,
      sizeM: object.sizeM,
      yawRad: object.yawRad,
      pointCount: object.pointCount,
      colorRgb: object.colorRgb,
      boxInImagePx: pixelBounds(object.pixelIndices, scene.intrinsics.width),
      amodal: object.amodal,
      labelCheck: object.labelCheck,
    })),
    provenance: provenanceJson(scene.provenance),
    warnings: scene.warnings,
    timingsMs: scene.timingsMs,
    totalMs: scene.totalMs,
    ...(scene.robotFrames ? { robotFrames: scene.robotFrames } : {}),
  }
}

/** The provenance as JSON carries it: a calibration's unmeasurable (NaN) residuals become null. */
function provenanceJson(provenance: Scene['provenance']): SceneSummary['provenance'] {
  const depth = provenance.depthProvenance
  if (!depth?.calibration) return provenance
  return {
    ...provenance,
    depthProvenance: { ...depth, calibration: calibrationToJson(depth.calibration) },
  }
}

/**
 * The coloured cloud for the viewer: every valid depth pixel in the world frame, with its colour and
 * the id of the object it belongs to (−1 for none).
 */
export function buildSceneCloud(frame: Frame, scene: Scene): SceneCloud {
  const cloud = backproject(frame.depth!, frame.intrinsics)
  const positionsInWorld = transformPoints(scene.worldFromCamera, cloud.pointsInCamera)
  const colors = new Uint8Array(cloud.count * 3)
  const rgb = frame.rgb.data
  for (let i = 0; i < cloud.count; i++) {
    const pixel = cloud.pixelOfPoint[i] * 3
    colors[i * 3] = rgb[pixel]
    colors[i * 3 + 1] = rgb[pixel + 1]
    colors[i * 3 + 2] = rgb[pixel + 2]
  }
  const objectOfPoint = new Int16Array(cloud.count).fill(-1)
  for (const object of scene.objects) {
    for (const pixel of object.pixelIndices) {
      const point = cloud.pointOfPixel[pixel]
      if (point >= 0) objectOfPoint[point] = object.id
    }
  }
  return { positionsInWorld, colors, objectOfPoint }
}
