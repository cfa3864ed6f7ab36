/**
 * The embedded connector run for real: node-llama-cpp (installed by scripts/installLlamaRuntime.js,
 * which `.ci/run` runs first; skipped locally without it) with stories260K.gguf, a trained 1.2 MB llama model (see its
 * PROVENANCE.md). It cannot reason; it exercises loading, generation, the tool-call grammar,
 * the orchestrator loop and cancellation through the same code a real GGUF model uses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HumanMessage, type AIMessage } from '@langchain/core/messages'
import { afterAll, describe, expect, it } from 'vitest'
import { runsLlamaTests } from '../../helpers/llamaRuntime.js'
import { createChatModel } from '../../../main/reasoning/connectors/createChatModel.js'
import { describeLlmError } from '../../../main/reasoning/connectors/llmErrors.js'
import { ChatNodeLlamaCpp } from '../../../main/reasoning/connectors/llama/ChatNodeLlamaCpp.js'
import { findLlamaRuntime } from '../../../main/reasoning/connectors/llama/loadNodeLlamaCpp.js'
import { ModelStore } from '../../../main/models/ModelStore'
import { askWithReasoning } from '../../../main/reasoning/orchestrator'
import { createSpatialTools } from '../../../main/reasoning/spatialTools'
import { loadGroundTruth, sceneFromGroundTruth } from '../../engine/answers/sceneFromGroundTruth'

const STORIES = join(import.meta.dirname, '../../fixtures/models/stories260k/stories260K.gguf')
const scene = sceneFromGroundTruth(loadGroundTruth())
const allTools = createSpatialTools(scene)
// stories260K's context is 2048 tokens: the grammar over all 14 tool schemas no longer fits it, so these tests bind
// the first 9 (every argument type the tools use: names, numbers, enums, pixel pairs). Real models get them all.
const tools = allTools.slice(0, 9)
// One thread: on a 2-core machine that is much faster for a model this small (see PROVENANCE.md).
const connect = (spec = `llama:${STORIES}`) =>
  createChatModel(spec, { env: {}, threads: 1, gpu: 'off' })
/** stories260K's context is 2048 tokens of a 512-token vocabulary: keep each turn short for the loop. */
const tinyTurns = (temperature = 0) =>
  new ChatNodeLlamaCpp({ modelPath: STORIES, threads: 1, gpu: 'off', maxTokens: 160, temperature })
const scratch = mkdtempSync(join(tmpdir(), 'llama-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe.runIf(runsLlamaTests)('embedded node-llama-cpp connector with stories260K', () => {
  it('finds the runtime that npm test installs', () => {
    expect(findLlamaRuntime({}), 'run `npm run setup:llm`').not.toBeNull()
  })

  it('loads the GGUF and generates text', async () => {
    const { model } = connect()
    const reply = await model.invoke([
      new HumanMessage('Once upon a time, there was a little girl named Lily.'),
    ])
    // The model writes children's stories: real words, deterministically at temperature 0.
    expect(reply.text.length).toBeGreaterThan(10)
    expect(reply.text).toMatch(/[a-z]{3,}/)
    const again = await model.invoke([
      new HumanMessage('Once upon a time, there was a little girl named Lily.'),
    ])
    expect(again.text).toBe(reply.text)
  })

  it('returns grammar-constrained tool calls whose arguments match the tool schema', async () => {
    const bound = tinyTurns().bindTools(tools)
    const names = new Set(tools.map((t) => t.name))
    const ai = (await bound.invoke([
      new HumanMessage('How far is the mug from the laptop?'),
    ])) as AIMessage
    const calls = ai.tool_calls ?? []
    expect(ai.invalid_tool_calls ?? []).toEqual([])
    if (calls.length === 0) {
      // The grammar's other alternative: a final answer, which is plain text.
      expect(ai.text.length).toBeGreaterThan(0)
    }
    for (const call of calls) {
      expect(names.has(call.name)).toBe(true)
      const schema = tools.find((t) => t.name === call.name)!.schema as {
        safeParse(v: unknown): { success: boolean }
      }
      expect(schema.safeParse(call.args).success, JSON.stringify(call)).toBe(true)
    }
  })

  it('every turn of a sampled run is a valid call or answer', async () => {
    // Temperature 1 samples different paths; the grammar must hold on every one of them.
    const { model } = createChatModel(`llama:${STORIES}`, {
      env: {},
      threads: 1,
      gpu: 'off',
      temperature: 1,
    })
    const bound = (model as ChatNodeLlamaCpp).bindTools(tools.slice(0, 4))
    for (let i = 0; i < 4; i++) {
      const ai = (await bound.invoke([
        new HumanMessage(`Question ${i}: which object is tallest?`),
      ])) as AIMessage
      expect(ai.invalid_tool_calls ?? []).toEqual([])
      for (const call of ai.tool_calls ?? [])
        expect(tools.slice(0, 4).map((t) => t.name)).toContain(call.name)
    }
  })

  it('runs the orchestrator loop end to end and records every step', async () => {
    // Three tools with short results keep the whole loop inside the tiny model's 2048-token context.
    const few = tools.filter((t) => ['measure', 'object_size', 'convert_units'].includes(t.name))
    const result = await askWithReasoning(
      scene,
      'How many mugs fit between the laptop and the bottle?',
      {
        model: tinyTurns(),
        tools: few,
        maxSteps: 3,
      },
    )
    // It cannot reason, so it may not finish; but it must never crash or emit malformed calls.
    expect(['final', 'step_limit'], result.answer).toContain(result.stopReason)
    expect(result.protocol).toBe('native')
    const toolSteps = result.steps.filter((s) => s.kind === 'tool_call')
    for (const step of toolSteps) expect(few.map((t) => t.name)).toContain(step.tool)
    expect(result.steps.some((s) => /not valid JSON/.test(s.text))).toBe(false)
  })

  it('stops generating when cancelled, and the next call still works', async () => {
    const { model } = connect()
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('user cancelled')), 100)
    const long = model.invoke([new HumanMessage('Once upon a time')], { signal: controller.signal })
    // A generation left to run would resolve; only the cancel rejects it, with the caller's reason or an abort.
    await expect(long).rejects.toThrow(/user cancelled|abort/i)
    const next = await model.invoke([new HumanMessage('Once upon a time')])
    expect(next.text.length).toBeGreaterThan(0)
  })

  it('a cancelled run of the orchestrator ends as cancelled', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const result = await askWithReasoning(scene, 'How far is the mug from the laptop?', {
      model: tinyTurns(),
      tools,
      signal: controller.signal,
      maxSteps: 50,
    })
    expect(result.stopReason).toBe('cancelled')
  })

  it('explains a missing runtime, a missing file and a corrupt GGUF', async () => {
    expect(() =>
      createChatModel(`llama:${STORIES}`, { env: { SPATIAL_LENS_LLAMA_RUNTIME: scratch } }),
    ).toThrow(/npm run setup:llm/)
    expect(() => createChatModel('llama:nowhere/model.gguf', { env: {} }).model).not.toThrow()
    const missing = createChatModel('llama:nowhere/model.gguf', { env: {}, gpu: 'off' })
    const missingError = await missing.model.invoke('hi').catch((e: unknown) => e)
    expect(describeLlmError(missingError, missing).message).toMatch(/does not exist/)

    const corrupt = join(scratch, 'corrupt.gguf')
    writeFileSync(corrupt, Buffer.from('GGUF this is not a model'))
    const bad = createChatModel(`llama:${corrupt}`, { env: {}, gpu: 'off' })
    const badError = await bad.model.invoke('hi').catch((e: unknown) => e)
    expect(describeLlmError(badError, bad).message).toMatch(
      /corrupt\.gguf has GGUF version \d+, which llama\.cpp cannot read/,
    )

    // A real header with the tensors cut off: llama.cpp itself refuses it.
    const truncated = join(scratch, 'truncated.gguf')
    writeFileSync(truncated, readFileSync(STORIES).subarray(0, 100_000))
    const cut = createChatModel(`llama:${truncated}`, { env: {}, gpu: 'off' })
    const cutError = await cut.model.invoke('hi').catch((e: unknown) => e)
    expect(describeLlmError(cutError, cut).message).toMatch(
      /Cannot load the GGUF model .*truncated\.gguf/,
    )

    const text = join(scratch, 'notes.gguf')
    writeFileSync(text, 'just some text')
    const notGguf = createChatModel(`llama:${text}`, { env: {}, gpu: 'off' })
    const notGgufError = await notGguf.model.invoke('hi').catch((e: unknown) => e)
    expect(describeLlmError(notGgufError, notGguf).message).toMatch(/is not a GGUF model file/)
  })

  it('resolves model-manager ids and rejects the wrong kind of model', () => {
    expect(() => createChatModel('llama:nanodet-m', { env: {} })).toThrow(
      /detection model, not a language model/,
    )
    expect(() =>
      createChatModel('llama:qwen2.5-1.5b-instruct-q4km', {
        env: {},
        modelStore: new ModelStore({ cacheDirectory: scratch }),
      }),
    ).toThrow(/models download qwen2\.5-1\.5b-instruct-q4km/)
  })
})
