import type { DepthImage, Scene } from '../engine/types'
import type { FrameInput, RegionInput } from '../contract/channels'
import type { SceneCloud, SceneSummary } from '../contract/sceneSchema'
import { perceiveAndBuild } from './perceiveAndBuild'
import type { PerceptionSettingsInput } from '../perception/perceptionSettings'
import { loadFrameInput, toRegionPrompts } from './frameLoader'
import { buildSceneCloud, summarizeScene } from './sceneSummary'

export interface AnalyzeRequest {
  frame: FrameInput
  regions: RegionInput[]
  perception?: PerceptionSettingsInput
}

/** A computed scene: the engine scene (kept for questions), its JSON summary and the viewer cloud. */
export interface SceneComputation {
  scene: Scene
  summary: SceneSummary
  cloud: SceneCloud
  /** The frame's depth in metres (sensor or model), kept for pixel queries in the reasoning tools. */
  depth?: DepthImage
}

/** Decode → scene → summary + cloud. The same code runs in a worker thread or inline. */
export async function analyzeFrame(request: AnalyzeRequest, sceneId: string): Promise<SceneComputation> {
  const loaded = await loadFrameInput(request.frame)
  const { scene, frame, perception } = await perceiveAndBuild(loaded, toRegionPrompts(request.regions), request.perception)
  return {
    scene,
    summary: { ...summarizeScene(scene, sceneId), perception },
    cloud: buildSceneCloud(frame, scene),
    depth: frame.depth,
  }
}
