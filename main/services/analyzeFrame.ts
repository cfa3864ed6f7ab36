import type { Scene } from '../engine/types'
import type { FrameInput, RegionInput } from '../contract/channels'
import type { SceneCloud, SceneSummary } from '../contract/sceneSchema'
import { buildScene } from '../engine/scene/buildScene'
import { loadFrameInput, toRegionPrompts } from './frameLoader'
import { buildSceneCloud, summarizeScene } from './sceneSummary'

export interface AnalyzeRequest {
  frame: FrameInput
  regions: RegionInput[]
}

/** A computed scene: the engine scene (kept for questions), its JSON summary and the viewer cloud. */
export interface SceneComputation {
  scene: Scene
  summary: SceneSummary
  cloud: SceneCloud
}

/** Decode → scene → summary + cloud. The same code runs in a worker thread or inline. */
export async function analyzeFrame(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
  const frame = await loadFrameInput(request.frame)
  const scene = buildScene(frame, { regions: toRegionPrompts(request.regions) })
  return { scene, summary: summarizeScene(scene, sceneId), cloud: buildSceneCloud(frame, scene) }
}
