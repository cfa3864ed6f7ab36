import type { Frame, RegionPrompt, Scene } from '../engine/types'
import { buildScene, type SceneOptions } from '../engine/scene/buildScene'
import {
  perceptionSettingsSchema,
  type PerceptionReport,
  type PerceptionSettingsInput,
} from '../contract/perceptionSettings'
import { perceptionFor } from '../perception/defaultPerception'

export interface PerceivedScene {
  scene: Scene
  /** The frame the scene was built from (with model depth when the input had none). */
  frame: Frame
  perception: PerceptionReport
  /** The regions and options the scene was built with (to rebuild it, e.g. for timing runs). */
  sceneOptions: SceneOptions
}

/**
 * Perception (model depth for colour-only frames, detector regions, SAM masks), lifting, then (with
 * `vlmNames`) names from the vision-language model for geometry-only objects.
 * With `detector: 'none'`, a frame with depth and no model settings this is plain buildScene.
 */
export async function perceiveAndBuild(
  frame: Frame,
  userRegions: RegionPrompt[],
  settingsInput: PerceptionSettingsInput = {},
): Promise<PerceivedScene> {
  const settings = perceptionSettingsSchema.parse(settingsInput)
  const perception = perceptionFor(settings.provider)
  const perceived = await perception.perceive(frame, userRegions, settings)
  const sceneOptions: SceneOptions = {
    regions: perceived.regions,
    includeUnmatchedClusters: perceived.includeUnmatchedClusters,
  }
  const lifted = buildScene(perceived.frame, sceneOptions)
  const scene = await perception.nameObjects(lifted, perceived.frame, settings, perceived.report)
  return { scene, frame: perceived.frame, perception: perceived.report, sceneOptions }
}
