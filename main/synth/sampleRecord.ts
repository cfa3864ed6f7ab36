/**
 * One synthesised sample as stored: the template's question and answer texts filled with the objects and the
 * human-style value, the engine's answer, and the scene it is about (see synthSchema). Pure.
 */
import type { Answer } from '../engine/answers/types'
import type { Scene, SceneObject } from '../engine/types'
import type { SynthSample, SynthScene } from '../contract/synthSchema'
import type { QaTemplate } from './templates'
import type { SampleContext } from './generateSamples'
import { humanLength, humanVolume } from './humanText'

const phrase = (object: SceneObject) => `the ${object.name}`

/** The template text with {A}, {B}, {C} as object phrases and {V}, {X}, {N} from `extra`; capitalised. */
export function fill(
  text: string,
  objects: SceneObject[],
  extra: Record<string, string> = {},
): string {
  const filled = text
    .replaceAll('{A}', objects[0] ? phrase(objects[0]) : '')
    .replaceAll('{B}', objects[1] ? phrase(objects[1]) : '')
    .replaceAll('{C}', objects[2] ? phrase(objects[2]) : '')
    .replace(/\{([VXN])\}/g, (_, key: string) => extra[key] ?? '')
  return filled.charAt(0).toUpperCase() + filled.slice(1)
}

/** "the mug, the laptop and the can" from a names answer ("mug, laptop, can"). */
function namesText(answer: Answer): string {
  if (answer.unit !== 'names') return ''
  const names = String(answer.value)
    .split(', ')
    .map((name) => `the ${name}`)
  return names.length === 1
    ? names[0]
    : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

function humanValue(answer: Answer): string {
  switch (answer.unit) {
    case 'm':
      return humanLength(answer.value as number)
    case 'm3':
      return humanVolume(answer.value as number)
    case 'name':
      return `the ${String(answer.value)}`
    case 'names':
      return namesText(answer)
    default:
      return String(answer.value)
  }
}

/** The sample record of one asked question and its engine answer (answer text picked with `pick`). */
export function toSample(
  id: string,
  template: QaTemplate,
  objects: SceneObject[],
  question: string,
  answer: Answer,
  pick: <T>(items: readonly T[]) => T,
  scene: SynthScene,
  context: SampleContext,
): SynthSample {
  const value = humanValue(answer)
  const unit = answer.unit ?? 'name'
  const gptText =
    unit === 'bool'
      ? fill(pick(answer.value ? template.yes! : template.no!), objects)
      : fill(pick(template.answers!), objects, { V: value, X: value, N: namesText(answer) })
  return {
    id,
    image: context.image,
    conversations: [
      { from: 'human', value: `<image>\n${question}` },
      { from: 'gpt', value: gptText },
    ],
    question_type: template.type,
    category: template.category,
    answer: {
      number: typeof answer.value === 'number' ? answer.value : null,
      bool: typeof answer.value === 'boolean' ? answer.value : null,
      name: typeof answer.value === 'string' ? answer.value : null,
      unit: unit as SynthSample['answer']['unit'],
      human: unit === 'bool' ? (answer.value ? 'yes' : 'no') : value,
      engine_text: answer.text,
    },
    objects: objects.map((object) => object.name),
    mirror_id: '',
    job_id: context.jobId,
    frame: context.frame,
    points: context.points,
    scene,
  }
}

/** The scene as stored on every sample: boxes, plane, intrinsics, depth source, metric scale. */
export function toSynthScene(scene: Scene): SynthScene {
  const { width, height, fx, fy, cx, cy } = scene.intrinsics
  return {
    metric_scale: 'metre',
    depth_source: scene.provenance.depthSource,
    frame_kind: scene.provenance.frameKind,
    intrinsics: { width, height, fx, fy, cx, cy },
    plane: scene.plane
      ? { found: true, normal: [...scene.plane.normal], offset: scene.plane.offset }
      : { found: false, normal: [0, 0, 0], offset: 0 },
    world_from_camera: Array.from(scene.worldFromCamera),
    objects: scene.objects.map((object) => ({
      name: object.name,
      label: object.label,
      center_world_m: [...object.centerInWorld],
      center_camera_m: [...object.centerInCamera],
      size_m: { ...object.sizeM },
      yaw_rad: object.yawRad,
      point_count: object.pointCount,
      color_rgb: [...object.colorRgb],
      origin: object.origin,
    })),
  }
}
