import { AIMessage } from '@langchain/core/messages'
import { describe, expect, it } from 'vitest'
import { runTool } from '../../main/reasoning/guard'
import { askWithReasoning } from '../../main/reasoning/orchestrator'
import { createSpatialTools } from '../../main/reasoning/spatialTools'
import { loadGroundTruth, sceneFromGroundTruth } from '../engine/answers/sceneFromGroundTruth'
import { callsTools, lastToolResult, scripted } from './fakeModels'

// Ground truth (scene_640x480_gt.json, world x to the right): mug centre x −0.08 m, can x +0.42 m, both on the
// table; so "the mug is left of the can" holds and "the can is left of the mug" does not.
const scene = sceneFromGroundTruth(loadGroundTruth())
const tools = createSpatialTools(scene)
const call = async (statement: string): Promise<any> => {
  const s = await runTool(tools, 'verify_relation', { statement })
  return s.startsWith('Error:') ? s : JSON.parse(s)
}
const geometryVote = (result: any): string =>
  result.votes.find((v: any) => v.voter === 'geometry').vote

describe('verify_relation tool (SpatialEnsemble for the orchestrator)', () => {
  it('returns the verdict, its confidence and every vote with weight and reason', async () => {
    const r = await call('the mug is left of the can')
    expect(r.relation).toBe('left of')
    expect(r.negated).toBe(false)
    expect(['true', 'false']).toContain(r.verdict)
    expect(r.confidence).toBeGreaterThanOrEqual(0.5)
    expect(r.confidence).toBeLessThanOrEqual(1)
    expect(r.objects).toEqual(['mug', 'can'])
    expect(r.votes.map((v: any) => v.voter)).toEqual(['geometry', 'language-prior'])
    expect(geometryVote(r)).toBe('true')
    for (const v of r.votes) expect(v.reason.length).toBeGreaterThan(0)
    const voting = r.votes.filter((v: any) => v.vote !== 'abstain')
    expect(voting.reduce((sum: number, v: any) => sum + v.weight, 0)).toBeCloseTo(1, 3)
  })

  it('judges the swapped and the negated claim the other way (geometry)', async () => {
    expect(geometryVote(await call('the can is left of the mug'))).toBe('false')
    const negated = await call('the mug is not left of the can')
    expect(negated.negated).toBe(true)
    expect(geometryVote(negated)).toBe('false')
  })

  it('says how to write a statement it cannot read, as a tool error the model can recover from', async () => {
    expect(await call('mug can')).toMatch(/^Error: could not read a spatial statement in "mug can"/)
  })

  it('lets a chain of thought check its own claim before answering', async () => {
    const model = scripted(
      callsTools(
        [['verify_relation', { statement: 'the can is left of the mug' }]],
        'Let me check.',
      ),
      (messages) => {
        const r = lastToolResult(messages)
        const geometry = r.votes.find((v: any) => v.voter === 'geometry')
        return new AIMessage(
          geometry.vote === 'false'
            ? 'No: the can is to the right of the mug.'
            : 'Yes: the can is left of the mug.',
        )
      },
    )
    const r = await askWithReasoning(scene, 'Is the can to the left of the mug?', { model })
    expect(r.stopReason).toBe('final')
    const results = r.steps.filter((s) => s.kind === 'tool_result' && !s.byGuard)
    expect(results.map((s) => s.tool)).toEqual(['verify_relation'])
    expect((results[0].result as any).objects).toEqual(['can', 'mug'])
    expect(r.answer).toBe('No: the can is to the right of the mug.')
  })
})
