// Bundled by bench/prompts.js: NanoDet-m (the built-in model, CPU) on a frame's colour image → region prompts.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { InlineModelRunner } from '../../main/inference/InlineModelRunner'
import { NanoDetDetector } from '../../main/inference/models/nanodet'
import { detectionsToRegions } from '../../main/engine/scene/objectsFromDetections'
import type { Frame, RegionPrompt } from '../../main/engine/types'

/** Detector regions for the frame (NanoDet's default threshold), and the detector's wall time in ms. */
export async function nanodetRegions(
  root: string,
  frame: Frame,
): Promise<{ regions: RegionPrompt[]; detectMs: number }> {
  const modelDir = join(root, 'models', 'builtin', 'nanodet-m')
  const labels = readFileSync(join(modelDir, 'coco.names'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim())
  const runner = new InlineModelRunner()
  try {
    const detector = new NanoDetDetector(runner, join(modelDir, 'nanodet_m.onnx'), labels)
    await detector.detect(frame.rgb, { providers: ['cpu'] }) // session creation and warm-up
    const start = performance.now()
    const { detections } = await detector.detect(frame.rgb, { providers: ['cpu'] })
    const detectMs = performance.now() - start
    return { regions: detectionsToRegions(detections, []), detectMs }
  } finally {
    runner.dispose()
  }
}
