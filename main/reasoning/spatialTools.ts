/**
 * LangChain tools over ONE scene (a frame's tools see only that frame's scene). Thin wrappers: every number comes
 * from an engine function (main/engine/answers, main/engine/reasoning); no geometry here.
 * Results are JSON strings; lengths are metres in keys ending `_m` (volumes `_m3`, angles `_deg`).
 * Failures (unknown/ambiguous object, no depth, …) are returned as strings starting with "Error:" so the model can
 * read them and recover.
 * One file per group: objectTools, pairwiseTools, whatIfTool, frameTools, grammarTools, verifyTool, visualTools;
 * this file only assembles them, in the order the prompt and the tests know.
 */

import type { StructuredToolInterface } from '@langchain/core/tools'
import type { DepthImage, RgbImage, Scene } from '../engine/types'
import type { VisionLanguageModel } from '../inference/models/smolVlm'
import { createListObjectsTool, createObjectSizeTool } from './objectTools'
import {
  createDirectionTool,
  createFitsBetweenTool,
  createMeasureTool,
  createRelationTool,
} from './pairwiseTools'
import { createWhatIfTool } from './whatIfTool'
import { createConvertUnitsTool, createPointAtPixelTool } from './frameTools'
import { createVisualTools } from './visualTools'
import { createGrammarTools } from './grammarTools'
import { createVerifyTool } from './verifyTool'

export {
  MEASURE_QUANTITIES,
  RELATIONS,
  TOOL_ERROR_PREFIX,
  type MeasureQuantity,
} from './toolSupport'
export type { WhatIfInput } from './whatIfTool'
export { NO_VLM_MESSAGE, VISUAL_TOOL_NAMES } from './visualTools'

/** Options of {@link createSpatialTools}. */
export interface SpatialToolOptions {
  /** The frame's depth in metres, for point_at_pixel (intrinsics and worldFromCamera come from the scene). */
  depth?: DepthImage
  /** A vision-language model; with `image`, adds the visual tools (ask_image, describe_object, …). */
  vlm?: VisionLanguageModel
  /** The frame's colour image the scene was lifted from, for the visual tools. */
  image?: RgbImage
  /** Aborts the visual tools' decoding between steps. */
  signal?: AbortSignal
}

/** Whether these options give the visual tools (a vision-language model and the frame's image). */
export function hasVisualTools(options: SpatialToolOptions): boolean {
  return options.vlm !== undefined && options.image !== undefined
}

/**
 * Build the spatial tools for one scene.
 * @returns list_objects, measure, object_size, relation, direction, fits_between, what_if_move, point_at_pixel,
 *   convert_units, and the grammar's distance_from_camera, elevation, count_objects, rank_objects, then verify_relation
 *   (SpatialEnsemble); with a vision-language model and the image also ask_image, describe_object,
 *   find_object_by_description (see visualTools).
 */
export function createSpatialTools(
  scene: Scene,
  options: SpatialToolOptions = {},
): StructuredToolInterface[] {
  const spatial = [
    createListObjectsTool(scene),
    createMeasureTool(scene),
    createObjectSizeTool(scene),
    createRelationTool(scene),
    createDirectionTool(scene),
    createFitsBetweenTool(scene),
    createWhatIfTool(scene),
    createPointAtPixelTool(scene, options.depth),
    createConvertUnitsTool(),
    ...createGrammarTools(scene),
    createVerifyTool(scene, { vlm: options.vlm, image: options.image, signal: options.signal }),
  ] as StructuredToolInterface[]
  if (!hasVisualTools(options)) return spatial
  return [
    ...spatial,
    ...createVisualTools(scene, {
      vlm: options.vlm!,
      image: options.image!,
      signal: options.signal,
    }),
  ]
}
