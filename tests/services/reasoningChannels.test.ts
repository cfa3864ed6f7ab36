import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor } from '../../main/workers/sceneExecutor'
import { SettingsStore } from '../../main/settings/SettingsStore'
import type { ReasoningStepJson } from '../../main/contract/reasoningSchema'
import { startFakeLlmServer, type FakeLlmServer } from '../reasoning/connectors/fakeLlmServer'
import { mugAndLaptopAnalyzeInput } from '../helpers/syntheticTabletop'
import { callService } from './serviceCall'

// qa:reason / qa:cancel / llm:test / settings:* through the service, with a real OpenAI-compatible
// server on 127.0.0.1 (scripted) and the synthetic tabletop lifted with a mug and a laptop region.

let llm: FakeLlmServer
let service: SpatialService
let sceneId: string
const steps: { requestId: string; step: ReasoningStepJson }[] = []

const call = <T>(channel: Parameters<SpatialService['handle']>[0], input: unknown) =>
  callService<T>(service, channel, input)
const reason = (question: string, requestId: string) =>
  call<any>('qa:reason', { sceneId, question, requestId })
const lastToolResult = (body: any): any =>
  JSON.parse(body.messages.filter((m: { role: string }) => m.role === 'tool').at(-1).content)

beforeAll(async () => {
  llm = await startFakeLlmServer()
  service = new SpatialService(new InlineSceneExecutor(), 'serve', {
    settings: new SettingsStore({ directory: mkdtempSync(join(tmpdir(), 'spatial-lens-home-')) }),
  })
  service.subscribe((event, payload) => {
    if (event === 'qa:step') steps.push(payload as (typeof steps)[number])
  })
  const analyzed = await call<any>('scene:analyze', mugAndLaptopAnalyzeInput())
  sceneId = analyzed.summary.sceneId
})
afterAll(async () => {
  await llm.close()
  await service.dispose()
})

describe('qa:reason without an LLM', () => {
  it('answers a template question with the engine answer (drawn in 3D) and no LLM', async () => {
    const result = await reason('how far is the mug from the laptop', 'no-llm-1')
    expect(result).toMatchObject({ stopReason: 'template', protocol: 'template', llm: null })
    const template = await call<any>('qa:ask', {
      sceneId,
      question: 'how far is the mug from the laptop',
    })
    expect(result.templateAnswer.value).toBe(template.value)
    expect(result.templateAnswer.geometry.kind).toBe('segment')
  })

  it('a multi-step question gets the orchestrator’s "configure an LLM" message, never a guess', async () => {
    const result = await reason(
      'if I push the mug 20 cm toward the laptop, do they touch?',
      'no-llm-2',
    )
    expect(result.stopReason).toBe('no_llm')
    expect(result.answer).toMatch(/no LLM is configured, so I will not guess/)
    expect(result.templateAnswer).toBeUndefined()
    expect(steps.filter((s) => s.requestId === 'no-llm-2').map((s) => s.step.kind)).toEqual([
      'error',
    ])
  })
})

describe('qa:reason with the LLM of the settings', () => {
  it('stores the LLM in the service settings; the key never comes back', async () => {
    const settings = await call<any>('settings:update', {
      llm: {
        spec: `openai:${llm.url}/v1#tiny`,
        apiKey: 'sk-local-0123456789wxyz',
        maxSteps: 6,
        timeLimitS: 60,
      },
    })
    expect(settings.llm).toEqual({
      spec: `openai:${llm.url}/v1#tiny`,
      apiKey: { source: 'settings', hint: '…wxyz' },
      maxSteps: 6,
      timeLimitS: 60,
    })
    expect(await call('settings:get', {})).toEqual(settings)
  })

  it('streams each step tagged with the request id, and answers with the tool’s number', async () => {
    llm.requests.length = 0
    llm.script(
      { kind: 'tool', name: 'list_objects', args: {} },
      {
        kind: 'tool',
        name: 'measure',
        args: { quantity: 'distance', a: 'mug', b: 'laptop' },
        id: 'call_2',
      },
      {
        kind: 'later',
        reply: (body) => ({
          kind: 'text',
          chunks: [`They are ${lastToolResult(body).value_m} m apart.`],
        }),
      },
    )
    const result = await reason(
      'how far apart are the mug and the laptop, centre to centre?',
      'llm-1',
    )
    const template = await call<any>('qa:ask', {
      sceneId,
      question: 'how far is the mug from the laptop',
    })
    expect(result).toMatchObject({
      stopReason: 'final',
      protocol: 'native',
      llm: `openai:${llm.url}/v1#tiny`,
    })
    expect(result.answer).toBe(`They are ${Number(template.value.toFixed(4))} m apart.`)
    const streamed = steps.filter((s) => s.requestId === 'llm-1').map((s) => s.step)
    expect(streamed).toEqual(result.steps)
    expect(streamed.slice(0, 4).map((s) => `${s.kind}:${s.tool}`)).toEqual([
      'tool_call:list_objects',
      'tool_result:list_objects',
      'tool_call:measure',
      'tool_result:measure',
    ])
    expect(streamed[3].result).toMatchObject({
      quantity: 'distance',
      value_m: Number(template.value.toFixed(4)),
    })
    expect(result.checks.map((c: { kind: string; ok: boolean }) => `${c.kind}:${c.ok}`)).toEqual([
      'numbers:true',
      'mirror:true',
    ])
    // The stored key went to the server; the spec's model too.
    expect(llm.requests[0].headers.authorization).toBe('Bearer sk-local-0123456789wxyz')
    expect(llm.requests[0].body.model).toBe('tiny')
  })

  it('qa:cancel stops a running request: "Cancelled", no answer', async () => {
    llm.requests.length = 0
    llm.script({ kind: 'hang' })
    const running = reason('what is the mug next to, and how far?', 'llm-2')
    await expect.poll(() => llm.requests.length).toBe(1)
    expect(await call('qa:cancel', { requestId: 'llm-2' })).toEqual({ isCancelled: true })
    const result = await running
    expect(result.stopReason).toBe('cancelled')
    expect(result.answer).toBe('Cancelled; no answer is given.')
    expect(await call('qa:cancel', { requestId: 'llm-2' })).toEqual({ isCancelled: false })
  })

  it('honours the step limit of the settings', async () => {
    await call('settings:update', { llm: { maxSteps: 1 } })
    llm.script({ kind: 'tool', name: 'list_objects', args: {} })
    const result = await reason('list what you see, then measure', 'llm-3')
    expect(result.stopReason).toBe('step_limit')
    await call('settings:update', { llm: { maxSteps: 6 } })
  })

  it('a server error is an answer naming the server and what to do', async () => {
    llm.script({
      kind: 'status',
      status: 404,
      body: '{"error":{"message":"model tiny not found"}}',
    })
    const result = await reason('what is between the mug and the laptop?', 'llm-4')
    expect(result.stopReason).toBe('model_error')
    expect(result.answer).toContain(`${llm.url}/v1`)
    expect(result.answer).toMatch(/HTTP 404/)
  })
})

describe('llm:test', () => {
  it('reports the model answering, with its time', async () => {
    llm.script({ kind: 'text', chunks: ['OK'] })
    const result = await call<any>('llm:test', {})
    expect(result).toMatchObject({ isOk: true, endpoint: `${llm.url}/v1` })
    // Whether it answered and how fast; never what it said (the caller may choose the URL).
    expect(result.message).toMatch(new RegExp(`^tiny at ${llm.url}/v1 answered in \\d+ ms$`))
  })

  it('tests the typed (unsaved) spec; failures say what to do', async () => {
    const unreachable = await call<any>('llm:test', {
      spec: 'ollama:http://127.0.0.1:9#qwen2.5:7b',
    })
    expect(unreachable.isOk).toBe(false)
    expect(unreachable.message).toMatch(
      /^Could not get an answer from Ollama at http:\/\/127\.0\.0\.1:9 within 60 s\. Check that the server is running/,
    )
    const malformed = await call<any>('llm:test', { spec: 'gpt4' })
    expect(malformed).toMatchObject({ isOk: false, endpoint: null })
    expect(malformed.message).toMatch(/Invalid LLM spec/)
    expect((await call<any>('llm:test', { spec: '' })).message).toMatch(/^No LLM is set/)
  })
})
