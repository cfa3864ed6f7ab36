/**
 * NanoDet-m through our own inference path (InlineModelRunner → ortRuntime → NanoDetDetector) on each
 * execution provider: median session.run time over warm runs, and whether the detections agree with
 * the CPU provider's. Run on a GPU machine with bench/gpu/run-on-device.sh (README, Performance).
 *
 * Usage: node nanodetProviders.mjs <model.onnx> <coco.names> <frame.rgb> <width> <height> [runs]
 * The frame is raw interleaved RGB bytes (no image decoder needed on the device).
 */
import { readFileSync } from 'node:fs'
import { InlineModelRunner } from '../../main/inference/InlineModelRunner'
import { NanoDetDetector, type NanoDetResult } from '../../main/inference/models/nanodet'
import type { ExecutionProviderName } from '../../main/inference/types'

const [modelPath, labelsPath, framePath, widthText, heightText, runsText] = process.argv.slice(2)
const rgb = {
  width: Number(widthText),
  height: Number(heightText),
  data: new Uint8Array(readFileSync(framePath)),
}
const labels = readFileSync(labelsPath, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean)
const runs = Number(runsText ?? 50)

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function measure(
  provider: ExecutionProviderName,
): Promise<{ result: NanoDetResult; medianMs: number; firstMs: number } | { error: string }> {
  const runner = new InlineModelRunner({ log: () => undefined })
  const detector = new NanoDetDetector(runner, modelPath, labels)
  try {
    const t0 = performance.now()
    let result = await detector.detect(rgb, { providers: [provider] })
    const firstMs = performance.now() - t0
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      result = await detector.detect(rgb, { providers: [provider] })
      times.push(result.inferenceMs)
    }
    return { result, medianMs: median(times), firstMs }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  } finally {
    await runner.dispose()
  }
}

const report: Record<string, unknown> = { runs, frame: `${rgb.width}x${rgb.height}` }
const cpu = await measure('cpu')
const gpu = await measure('webgpu')
for (const [name, m] of [
  ['cpu', cpu],
  ['webgpu', gpu],
] as const) {
  report[name] =
    'error' in m
      ? m
      : {
          provider: m.result.provider,
          medianInferenceMs: Number(m.medianMs.toFixed(2)),
          firstCallMs: Number(m.firstMs.toFixed(1)),
          detections: m.result.detections.map((d) => `${d.label} ${d.score.toFixed(3)}`),
        }
}
if (!('error' in cpu) && !('error' in gpu)) {
  const a = cpu.result.detections
  const b = gpu.result.detections
  let boxPx = 0
  let score = 0
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    score = Math.max(score, Math.abs(a[i].score - b[i].score))
    for (let k = 0; k < 4; k++) boxPx = Math.max(boxPx, Math.abs(a[i].box[k] - b[i].box[k]))
  }
  report.agreement = {
    sameCount: a.length === b.length,
    sameLabels: a.every((d, i) => d.label === b[i]?.label),
    maxBoxDiffPx: boxPx,
    maxScoreDiff: score,
  }
}
console.log(JSON.stringify(report, null, 2))
