import { describe, expect, it } from 'vitest'
import { perceptionAnalyzer } from '../../main/live/perceptionAnalyzer'
import { loadSyntheticFrame, MUG_AND_LAPTOP } from '../helpers/syntheticTabletop'

describe('perceptionAnalyzer', () => {
  it('lifts a later frame with detections made on an earlier one (sensor depth): the regions become its objects', async () => {
    const analyzer = perceptionAnalyzer({ detector: 'none' })
    const earlier = loadSyntheticFrame('640x480')
    const later = { ...loadSyntheticFrame('640x480'), timestampNs: 33_333_333n }
    const scene = await analyzer.build(later, {
      frame: earlier,
      regions: MUG_AND_LAPTOP.regions,
      includeUnmatchedClusters: false,
    })
    expect(scene.timestampNs).toBe(33_333_333n)
    expect(scene.objects.map((o) => o.label).sort()).toEqual(['laptop', 'mug'])
  })

  it('refuses to reuse another frame’s model depth for a colour-only frame, saying what to do', async () => {
    const analyzer = perceptionAnalyzer({ detector: 'none' })
    const withDepth = loadSyntheticFrame('320x240')
    const colourOnly = { ...withDepth, depth: undefined, timestampNs: 1n }
    await expect(
      analyzer.build(colourOnly, {
        frame: withDepth,
        regions: [],
        includeUnmatchedClusters: true,
      }),
    ).rejects.toThrow(/needs sensor depth.*detect every frame/)
  })
})
