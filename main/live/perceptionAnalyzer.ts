/**
 * The live analyzer on this thread: detection through the perception service (onnxruntime runs it on its own
 * native threads, so it overlaps geometry on the JS thread) and geometry with the scene engine inline.
 */

import { buildScene } from '../engine/scene/buildScene'
import {
  perceptionSettingsSchema,
  type PerceptionSettingsInput,
} from '../contract/perceptionSettings'
import { perceptionFor } from '../perception/defaultPerception'
import type { LiveAnalyzer } from './stagedAnalysis'

export function perceptionAnalyzer(settingsInput: PerceptionSettingsInput = {}): LiveAnalyzer {
  const settings = perceptionSettingsSchema.parse(settingsInput)
  const perception = perceptionFor(settings.provider)
  return {
    async detect(frame) {
      const perceived = await perception.perceive(frame, [], settings)
      return {
        frame: perceived.frame,
        regions: perceived.regions,
        includeUnmatchedClusters: perceived.includeUnmatchedClusters,
      }
    },
    async build(frame, detected) {
      // Model depth belongs to the frame it was estimated for: detections of another frame can be reused, its
      // depth cannot.
      const lifted = frame.depth ? frame : detected.frame
      if (lifted !== frame && lifted.timestampNs !== frame.timestampNs)
        throw new Error(
          'reusing detections across frames needs sensor depth (this stream has colour only): detect every frame',
        )
      return buildScene(lifted, {
        regions: detected.regions,
        includeUnmatchedClusters: detected.includeUnmatchedClusters,
      })
    },
  }
}
