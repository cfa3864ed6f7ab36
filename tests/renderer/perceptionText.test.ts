import { describe, expect, it } from 'vitest'
import { perceptionChips } from '../../renderer/src/perceptionText'
import type { SceneSummary } from '../../main/contract/sceneSchema'
import type { PerceptionSettings } from '../../main/contract/perceptionSettings'

// The status bar's depth chip for monocular depth: which model, and how well its calibration fitted.

function monocularSummary(residualRel: number | null): SceneSummary {
  return {
    provenance: {
      depthSource: 'monocular',
      depthProvenance: {
        modelId: 'depth-anything-v2-small',
        output: 'relative-inverse',
        calibration: {
          space: 'inverse-depth',
          scale: 0.8,
          shift: 0.1,
          method: 'rgbd-frame',
          residualRmsM: residualRel === null ? null : 0.02,
          residualRel,
          pointCount: 100,
          inlierCount: 90,
        },
      },
    },
  } as unknown as SceneSummary
}

const settings = { detector: 'none', minScore: 0.3 } as unknown as PerceptionSettings

describe('perceptionChips: depth chip', () => {
  it("says a calibration's median residual in percent", () => {
    const [depth] = perceptionChips(monocularSummary(0.0234), settings)
    expect(depth).toEqual({
      key: 'depth',
      text: 'depth: monocular · depth-anything-v2-small',
      title: 'calibrated (rgbd-frame), residual 2.3 %',
    })
  })

  it('says a residual that could not be measured (null on the wire) is not measurable, not 0 %', () => {
    const [depth] = perceptionChips(monocularSummary(null), settings)
    expect(depth.title).toBe('calibrated (rgbd-frame), residual not measurable')
  })
})
