import type { RgbImage, Scene } from '../engine/types'
import { objectImageRegion } from '../engine/perception/imageCrop'
import { objectNoun } from '../engine/perception/vlmAnswers'
import { relabelObjects } from '../engine/scene/relabel'
import type { VisionLanguageModel } from '../inference/models/smolVlm'

/** The question asked about each unnamed object's crop; short answers decode in a few steps. */
export const NAME_QUESTION = 'What is the main object in this image? Answer with one or two words.'
/** A name is a few words: stop decoding early. */
const NAME_MAX_TOKENS = 8

export interface ObjectNaming {
  /** The scene with the new labels and recomputed unique names (the input scene is not changed). */
  scene: Scene
  /** Per geometry object asked: the model's raw answer and the label taken from it, if any. */
  answers: Array<{ objectId: number; before: string; answer: string; label?: string }>
  provider?: string
  ms: number
}

/**
 * Names the geometry-only objects (clusters with descriptive labels such as "red object") with a
 * short noun from the vision-language model looking at each object's crop. Objects from regions or
 * detectors keep their labels; an answer that is not a clear noun ("an object", a sentence) keeps
 * the descriptive label. `image` must be the frame the scene was lifted from.
 */
export async function nameGeometryObjects(
  scene: Scene,
  image: RgbImage,
  vlm: VisionLanguageModel,
  options: { signal?: AbortSignal } = {},
): Promise<ObjectNaming> {
  const start = performance.now()
  if (image.width !== scene.intrinsics.width || image.height !== scene.intrinsics.height) {
    throw new RangeError(
      `nameGeometryObjects: image is ${image.width}×${image.height} but the scene is ${scene.intrinsics.width}×${scene.intrinsics.height}`,
    )
  }
  const labels = new Map<number, string>()
  const answers: ObjectNaming['answers'] = []
  let provider: string | undefined
  for (const object of scene.objects) {
    if (object.origin !== 'cluster') continue
    const region = objectImageRegion(object, image.width, image.height)
    if (!region) continue
    const reply = await vlm.ask(image, NAME_QUESTION, {
      region,
      maxNewTokens: NAME_MAX_TOKENS,
      signal: options.signal,
    })
    provider = reply.provider
    const label = objectNoun(reply.text)
    if (label) labels.set(object.id, label)
    answers.push({ objectId: object.id, before: object.label, answer: reply.text, label })
  }
  const named = labels.size > 0 ? relabelObjects(scene, labels) : scene
  return { scene: named, answers, provider, ms: performance.now() - start }
}
