import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { SettingsStore } from '../../main/settings/SettingsStore'
import { startFakeLlmServer, type FakeLlmServer } from '../reasoning/connectors/fakeLlmServer'
import { mugAndLaptopAnalyzeInput } from '../helpers/syntheticTabletop'
import { callService } from './serviceCall'

// qa:verify with the LLM of the settings as one more voter (LlmSceneVoter): a scripted OpenAI-compatible server
// on 127.0.0.1 answers the yes/no question about the scene graph; the synthetic tabletop is lifted with a mug and
// a laptop region.

let llm: FakeLlmServer
let service: SpatialService
let sceneId: string
const call = <T>(channel: Parameters<SpatialService['handle']>[0], input: unknown) =>
  callService<T>(service, channel, input)
const verify = (statement: string) => call<any>('qa:verify', { sceneId, statement })
const llmVote = (result: any) => result.votes.find((v: any) => v.voterId === 'llm')
const setLlm = (timeLimitS: number) =>
  call('settings:update', {
    llm: { spec: `openai:${llm.url}/v1#tiny`, apiKey: 'sk-local-0123456789wxyz', timeLimitS },
  })

beforeAll(async () => {
  llm = await startFakeLlmServer()
  service = new SpatialService(new InlineSceneExecutor(), 'serve', {
    settings: new SettingsStore({ directory: mkdtempSync(join(tmpdir(), 'spatial-lens-home-')) }),
  })
  const analyzed = await call<any>('scene:analyze', mugAndLaptopAnalyzeInput())
  sceneId = analyzed.summary.sceneId
})
afterAll(async () => {
  await llm.close()
  await service.dispose()
})

describe('qa:verify and the LLM of the settings', () => {
  it('without an LLM, votes are geometry and the language prior only', async () => {
    const result = await verify('the mug is left of the laptop')
    expect(result.votes.map((v: any) => v.voterId)).toEqual(['geometry', 'language-prior'])
    expect(llm.requests).toHaveLength(0)
  })

  it('with an LLM, asks it about the scene graph and counts its vote with its reason', async () => {
    await setLlm(60)
    llm.requests.length = 0
    llm.script({ kind: 'text', chunks: ['No', ', it is not.'] })
    const result = await verify('the mug is left of the laptop')
    const vote = llmVote(result)
    expect(vote).toMatchObject({ verdict: 'false', confidence: 0.6 })
    expect(vote.reason).toContain('it replied "No, it is not."')
    expect(vote.weight).toBeGreaterThan(0)
    expect(llm.requests).toHaveLength(1)
    const asked = JSON.stringify(llm.requests[0].body.messages)
    expect(asked).toContain('Is the mug left of the laptop? Answer yes or no.')
    expect(asked).toMatch(/mug \(mug\): centre x -?\d+ cm/)
    expect(asked).toMatch(/laptop \(laptop\): centre x/)
    // The log keeps the LLM's vote with the verdict.
    const log = await call<any>('log:list', {})
    const record = log.records.at(-1)
    expect(record.kind).toBe('verdict')
    expect(record.verdict.votes.map((v: any) => v.voterId)).toContain('llm')
  })

  it('a negated statement turns the LLM’s "yes" into a vote for false', async () => {
    llm.script({ kind: 'text', chunks: ['Yes.'] })
    const vote = llmVote(await verify('the mug is not left of the laptop'))
    expect(vote.verdict).toBe('false')
  })

  it('an LLM that fails or hangs costs its vote (an abstention with the reason), not the verification', async () => {
    llm.script({ kind: 'status', status: 500, body: 'boom' })
    const failed = llmVote(await verify('the mug is left of the laptop'))
    expect(failed).toMatchObject({ verdict: 'abstain', weight: 0 })
    expect(failed.reason).toMatch(/^no reply: /)

    await setLlm(5)
    llm.script({ kind: 'hang' })
    const result = await verify('the mug is left of the laptop')
    expect(llmVote(result).verdict).toBe('abstain')
    expect(llmVote(result).reason).toMatch(/did not answer within 5 s|no reply/)
    expect(['true', 'false']).toContain(result.verdict)
  }, 40_000)
})
