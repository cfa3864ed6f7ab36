import type { DepthImage, Scene } from '../engine/types'
import type { FrameInput, RegionInput } from '../contract/channels'
import type { SceneCloud, SceneImage, SceneSummary } from '../contract/sceneSchema'
import { perceiveAndBuild } from './perceiveAndBuild'
import type { PerceptionSettingsInput } from '../contract/perceptionSettings'
import { loadFrameInput, toRegionPrompts } from './frameLoader'
import { buildSceneCloud, summarizeScene } from './sceneSummary'
import { buildSceneImage } from './sceneImage'
import { placeRobotFrames } from '../engine/tf/robotFrames'

export interface AnalyzeRequest {
  frame: FrameInput
  regions: RegionInput[]
  perception?: PerceptionSettingsInput
}

/**
 * A computed scene: the engine scene and its depth (kept for questions and point queries), its JSON
 * summary, the viewer cloud and the 2D view's image.
 */
export interface SceneComputation {
  scene: Scene
  /** The depth the scene was lifted from (metres; model depth for colour-only frames). */
  depth: DepthImage
  summary: SceneSummary
  cloud: SceneCloud
  image: SceneImage
}

/** Decode → scene → summary + cloud + image. The same code runs in a worker thread or inline. */
export async function analyzeFrame(
  request: AnalyzeRequest,
  sceneId: string,
): Promise<SceneComputation> {
  const loaded = await loadFrameInput(request.frame)
  const built = await perceiveAndBuild(loaded, toRegionPrompts(request.regions), request.perception)
  const { frame, perception } = built
  // TF frames the host located in the camera frame go where the scene's world frame puts them.
  const robotFrames = request.frame.kind === 'raw' ? request.frame.robotFrames : undefined
  const scene = robotFrames ? placeRobotFrames(built.scene, robotFrames) : built.scene
  return {
    scene,
    depth: frame.depth!,
    summary: { ...summarizeScene(scene, sceneId), perception },
    cloud: buildSceneCloud(frame, scene),
    image: buildSceneImage(frame, scene),
  }
}
