/**
 * A dataset sample as the 3D viewer's input: its stored scene (boxes, plane, intrinsics, pose; world frame, metres)
 * as a scene summary, the frame's object point clouds when the dataset has them (`--with-points`), and what to
 * highlight — the question's objects, with the measurement the engine draws for that question (a segment for a
 * distance, an arrow for a clock direction), found by asking the stored scene the sample's question again (the same
 * engine as `synth --show ID --ask`). Pure: unit-tested without a browser or WebGL.
 */

import type { SceneResult } from '../../../main/contract/channels'
import type { SceneSummary } from '../../../main/contract/sceneSchema'
import type { AnswerJson } from '../../../main/contract/answerSchema'
import {
  storedPlane,
  synthPointsSchema,
  type SynthPoints,
  type SynthSample,
} from '../../../main/contract/synthSchema'
import { sceneFromSample } from '../../../main/contract/sceneFromSample'
import { answerQuestion } from '../../../main/engine/answers/answerQuestion'

/** What the dataset's 3D view draws for one sample. */
export interface DatasetSceneView {
  scene: Pick<SceneResult, 'summary' | 'cloud'>
  answer: Pick<AnswerJson, 'objects' | 'geometry'>
}

/**
 * The viewer's input for `sample` (see the module comment). `points` is the sample's sidecar, or null when the
 * dataset has none: the view then shows the boxes alone. Object ids are the indices of the stored objects.
 */
export function datasetSceneView(
  sample: SynthSample,
  points: SynthPoints | null,
): DatasetSceneView {
  const stored = sample.scene
  const intrinsics = { ...stored.intrinsics }
  const summary: SceneSummary = {
    sceneId: sample.job_id,
    cameraId: 'dataset',
    timestampNs: '0',
    intrinsics,
    plane: storedPlane(stored),
    worldFromCamera: [...stored.world_from_camera],
    objects: stored.objects.map((object, id) => ({
      id,
      name: object.name,
      label: object.label,
      description: '',
      origin: object.origin,
      centerInCamera: [...object.center_camera_m],
      centerInWorld: [...object.center_world_m],
      sizeM: { ...object.size_m },
      yawRad: object.yaw_rad,
      pointCount: object.point_count,
      colorRgb: [...object.color_rgb],
      boxInImagePx: null,
    })),
    provenance: {
      depthSource: stored.depth_source,
      intrinsics,
      frameKind: stored.frame_kind,
      validPointCount: 0,
      planeInlierCount: 0,
      depthNoiseRel: 0,
      planeThresholdAt1m: 0,
      sourceDescription: `dataset sample ${sample.id} (${sample.frame})`,
    },
    warnings: [],
    timingsMs: {},
    totalMs: 0,
  }
  return { scene: { summary, cloud: objectCloud(sample, points) }, answer: shownAnswer(sample) }
}

/** The sidecar's points, each coloured like its object (the sidecar has no per-point colours). */
function objectCloud(sample: SynthSample, points: SynthPoints | null): SceneResult['cloud'] {
  const objects = points?.objects ?? []
  const total = objects.reduce((sum, object) => sum + object.points.length / 3, 0)
  const positionsInWorld = new Float32Array(total * 3)
  const colors = new Uint8Array(total * 3)
  const objectOfPoint = new Int16Array(total)
  let at = 0
  for (const object of objects) {
    const id = sample.scene.objects.findIndex((candidate) => candidate.name === object.name)
    const rgb = id >= 0 ? sample.scene.objects[id].color_rgb : [160, 160, 160]
    positionsInWorld.set(object.points, at * 3)
    for (let k = 0; k < object.points.length / 3; k++, at++) {
      colors.set(rgb, at * 3)
      objectOfPoint[at] = id
    }
  }
  return { positionsInWorld, colors, objectOfPoint }
}

/**
 * The question's objects and the engine's drawing for it. When the stored scene does not answer the question
 * again (it always should: the sample's answer came from the same engine), its objects are highlighted alone.
 */
function shownAnswer(sample: SynthSample): DatasetSceneView['answer'] {
  const question = sample.conversations[0].value.replace('<image>\n', '')
  const answer = answerQuestion(sceneFromSample(sample.scene), question)
  const named = new Set(sample.objects)
  const objects = sample.scene.objects
    .filter((object) => named.has(object.name))
    .map((object) => ({
      name: object.name,
      label: object.label,
      centerInWorld: object.center_world_m,
      centerInCamera: object.center_camera_m,
      sizeM: object.size_m,
      yawRad: object.yaw_rad,
      pointCount: object.point_count,
    }))
  const geometry = answer.value !== null && answer.geometry ? answer.geometry : undefined
  return {
    objects,
    geometry: geometry ?? { kind: 'highlight', names: [...named], primary: null },
  }
}

/**
 * Reads a points sidecar's text.
 * @throws Error naming the file when it is not the sidecar format (JSON, world frame, metres, xyz triples).
 */
export function parseSynthPoints(text: string, path: string): SynthPoints {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${path} is not JSON`)
  }
  const parsed = synthPointsSchema.safeParse(json)
  if (!parsed.success)
    throw new Error(`${path} is not a points file: ${parsed.error.issues[0]?.message}`)
  return parsed.data
}
