/**
 * LangChain tools over ONE frame's image and a vision-language model: open visual questions the 3D
 * geometry cannot answer (colour, material, printed text, "which one is the red cup"). Thin wrappers:
 * the model answers, the scene only says where each object is in the image (its pixels' box).
 * Results are JSON strings naming the model; failures are "Error: …" strings, as the spatial tools'.
 */

import { tool, type StructuredToolInterface } from '@langchain/core/tools'
import { z } from 'zod'
import {
  isResizedCopyOf,
  objectImageRegion,
  scaleBox,
  type PixelBox,
} from '../engine/perception/imageCrop'
import { readYesNo } from '../engine/perception/vlmAnswers'
import type { RgbImage, Scene, SceneObject } from '../engine/types'
import type { VisionLanguageModel } from '../inference/models/smolVlm'
import { resolve, safeAsync, ToolFailure } from './toolSupport'

/** Names of the visual tools (present only with a vision-language model and the frame's image). */
export const VISUAL_TOOL_NAMES = [
  'ask_image',
  'describe_object',
  'find_object_by_description',
] as const

/** What a visual tool answers when no vision-language model is available: never a guess. */
export const NO_VLM_MESSAGE =
  'no vision-language model is available for this frame, so visual attributes (colour, material, printed text, ' +
  'which object matches a description) cannot be answered; say so instead of guessing. Install one with ' +
  '`npx spatial-lens models download smolvlm-256m-instruct`.'

/** Most objects find_object_by_description looks at (one model run each). */
export const MAX_CANDIDATES = 12

export interface VisualToolOptions {
  vlm: VisionLanguageModel
  /** The frame the scene was lifted from, at its size or resized (the 2D view's copy of a large frame). */
  image: RgbImage
  /** The run's signal: decoding stops between steps when it aborts. */
  signal?: AbortSignal
}

const CAVEAT = 'answer of a small vision-language model looking at the image; it can be wrong'

/** What the three tools share: the scene, the model, and where an object is in the image. */
interface VisualContext {
  scene: Scene
  vlm: VisionLanguageModel
  /** The object's box in the image; undefined when it has no pixels. @throws ToolFailure for an unrelated image. */
  regionOf(object: SceneObject): PixelBox | undefined
  /** As regionOf, and @throws ToolFailure when the object has no pixels. */
  requiredRegionOf(object: SceneObject): PixelBox
  ask(
    question: string,
    region?: PixelBox,
    maxNewTokens?: number,
  ): ReturnType<VisionLanguageModel['ask']>
}

/** Build ask_image, describe_object and find_object_by_description for one scene and its image. */
export function createVisualTools(
  scene: Scene,
  options: VisualToolOptions,
): StructuredToolInterface[] {
  const c = visualContext(scene, options)
  return [askImageTool(c), describeObjectTool(c), findObjectTool(c)]
}

function visualContext(scene: Scene, options: VisualToolOptions): VisualContext {
  const { vlm, image, signal } = options
  const frameSize = { width: scene.intrinsics.width, height: scene.intrinsics.height }
  const isFrameSize = image.width === frameSize.width && image.height === frameSize.height
  const isResized = !isFrameSize && isResizedCopyOf(image, frameSize)
  const regionOf = (object: SceneObject): PixelBox | undefined => {
    if (!isFrameSize && !isResized) {
      throw new ToolFailure(
        `the image is ${image.width}×${image.height} but the scene was built from a ${frameSize.width}×${frameSize.height} frame, so object regions are unknown`,
      )
    }
    // Object pixels index the frame; a resized copy gets the frame's region scaled to it.
    const region = objectImageRegion(object, frameSize.width, frameSize.height)
    return region && isResized ? scaleBox(region, frameSize, image) : region
  }
  const requiredRegionOf = (object: SceneObject): PixelBox => {
    const region = regionOf(object)
    if (!region)
      throw new ToolFailure(
        `"${object.name}" has no pixels in this frame, so its image region is unknown`,
      )
    return region
  }
  const ask = (question: string, region?: PixelBox, maxNewTokens?: number) =>
    vlm.ask(image, question, { region, signal, maxNewTokens })
  return { scene, vlm, regionOf, requiredRegionOf, ask }
}

/** ask_image: an open visual question about the whole image or one object's region. */
function askImageTool(c: VisualContext): StructuredToolInterface {
  return tool(
    safeAsync(async (i: { question: string; object?: string }) => {
      const object = i.object ? resolve(c.scene, i.object) : undefined
      const region = object ? c.requiredRegionOf(object) : undefined
      const reply = await c.ask(i.question, region)
      return {
        question: i.question,
        object: object?.name ?? null,
        region_px: region ?? null,
        answer: reply.text,
        is_complete: reply.stopReason === 'end_of_turn',
        model: c.vlm.modelId,
        note: CAVEAT,
      }
    }),
    {
      name: 'ask_image',
      description:
        'Ask a vision-language model an open visual question about the whole image, or about one object (its image region) when `object` is given: colour, material, printed text, state. Not for distances or sizes.',
      schema: z.object({
        question: z.string().min(1).describe('the visual question, e.g. "what colour is it?"'),
        object: z
          .string()
          .optional()
          .describe('object name as listed by list_objects (omit for the whole image)'),
      }),
    },
  )
}

/** describe_object: a one-sentence caption of one object's region. */
function describeObjectTool(c: VisualContext): StructuredToolInterface {
  return tool(
    safeAsync(async (i: { object: string }) => {
      const object = resolve(c.scene, i.object)
      const region = c.requiredRegionOf(object)
      const reply = await c.ask(
        'Describe this object in one short sentence: what it is, its colour and material.',
        region,
      )
      return {
        object: object.name,
        region_px: region,
        description: reply.text,
        model: c.vlm.modelId,
        note: CAVEAT,
      }
    }),
    {
      name: 'describe_object',
      description:
        "A one-sentence caption of one object's image region (what it is, colour, material) by a vision-language model.",
      schema: z.object({ object: z.string().describe('object name as listed by list_objects') }),
    },
  )
}

/** find_object_by_description: a yes/no per object's region (at most MAX_CANDIDATES). */
function findObjectTool(c: VisualContext): StructuredToolInterface {
  return tool(
    safeAsync(async (i: { description: string; candidates?: string[] }) => {
      const pool = i.candidates?.length
        ? i.candidates.map((name) => resolve(c.scene, name))
        : c.scene.objects
      if (pool.length === 0) throw new ToolFailure('the scene has no objects')
      const looked = pool.slice(0, MAX_CANDIDATES)
      const answers = []
      for (const object of looked) {
        const region = c.regionOf(object)
        if (!region) {
          answers.push({ object: object.name, answer: null, reading: 'no image region' })
          continue
        }
        const reply = await c.ask(`Is this ${i.description}? Answer yes or no.`, region, 8)
        answers.push({
          object: object.name,
          answer: reply.text,
          reading: readYesNo(reply.text) ?? 'unclear',
        })
      }
      return {
        description: i.description,
        matches: answers.filter((a) => a.reading === 'yes').map((a) => a.object),
        answers,
        ...(pool.length > looked.length
          ? {
              skipped: pool.slice(looked.length).map((o) => o.name),
              skipped_reason: `only the first ${MAX_CANDIDATES} objects are checked; pass candidates`,
            }
          : {}),
        model: c.vlm.modelId,
        note: CAVEAT,
      }
    }),
    {
      name: 'find_object_by_description',
      description:
        'Which objects match a visual description ("the red cup", "the bottle with a blue label"): a vision-language model answers yes/no for each object\'s image region. Returns the matching names and every answer.',
      schema: z.object({
        description: z.string().min(1).describe('what to look for, e.g. "a red cup"'),
        candidates: z
          .array(z.string())
          .optional()
          .describe('object names to check (default: every object)'),
      }),
    },
  )
}
