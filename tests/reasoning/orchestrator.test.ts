import { AIMessage, HumanMessage } from '@langchain/core/messages'
import { tool } from '@langchain/core/tools'
import { FakeListChatModel } from '@langchain/core/utils/testing'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { answerQuestion, gapBetween, matchObject } from '../../main/engine/answers'
import { moveToward } from '../../main/engine/reasoning'
import type { SceneObject } from '../../main/engine/types'
import { askWithReasoning } from '../../main/reasoning/orchestrator'
import type { ReasoningStep } from '../../main/reasoning/trace'
import { loadGroundTruth, sceneFromGroundTruth } from '../engine/answers/sceneFromGroundTruth'
import { callsTools, lastToolResult, scripted } from './fakeModels'

const scene = sceneFromGroundTruth(loadGroundTruth())
const obj = (n: string): SceneObject => (matchObject(scene, n) as { object: SceneObject }).object
const gapNow = gapBetween(scene, obj('mug'), obj('laptop')).value as number
const pushed = moveToward(scene, obj('mug'), obj('laptop'), 0.2)
const gapAfter = gapBetween(pushed.scene, pushed.moved, obj('laptop')).value as number
const cm = (m: number): string => `${(m * 100).toFixed(1)} cm`
const kinds = (steps: ReasoningStep[]): string[] => steps.map((s) => s.kind)
const QUESTION = 'If I push the mug 20 cm toward the laptop, how far apart are they?'

describe('askWithReasoning, native tool calling', () => {
  it('solves a multi-step question through ≥ 3 tool calls with the right number, streaming every step', async () => {
    const model = scripted(
      callsTools([['list_objects', {}]], 'I need the objects first.'),
      callsTools([['measure', { quantity: 'gap', a: 'mug', b: 'laptop' }]]),
      callsTools([['what_if_move', { object: 'mug', toward: 'laptop', distance_m: 0.2 }]]),
      (messages) => {
        const r = lastToolResult(messages)
        return new AIMessage(
          `Now the gap is ${cm(r.before_m)}; after the push it would be ${cm(r.after_m)}.`,
        )
      },
    )
    const streamed: ReasoningStep[] = []
    const r = await askWithReasoning(scene, QUESTION, { model, onStep: (s) => streamed.push(s) })
    expect(r.stopReason).toBe('final')
    expect(r.protocol).toBe('native')
    expect(r.answer).toContain(cm(gapAfter))
    expect(r.answer).toContain(cm(gapNow))
    expect(gapNow - gapAfter).toBeGreaterThan(0.1)
    const results = r.steps.filter((s) => s.kind === 'tool_result' && !s.byGuard)
    expect(results.map((s) => s.tool)).toEqual(['list_objects', 'measure', 'what_if_move'])
    expect((results[2].result as any).after_m).toBeCloseTo(gapAfter, 4)
    expect(r.steps[0]).toMatchObject({ kind: 'thought', text: 'I need the objects first.' })
    expect(r.checks.find((c) => c.kind === 'numbers')?.ok).toBe(true)
    expect(r.checks.find((c) => c.kind === 'mirror')?.ok).toBe(true)
    expect(streamed).toEqual(r.steps)
    expect(r.steps.map((s) => s.index)).toEqual(r.steps.map((_, i) => i))
    expect(r.steps.at(-1)?.kind).toBe('final')
    expect(JSON.parse(JSON.stringify(r)).steps.length).toBe(r.steps.length)
  })

  it('feeds a tool error back and recovers', async () => {
    const model = scripted(
      callsTools([['measure', { quantity: 'distance', a: 'cup', b: 'laptop' }]]),
      (messages) => {
        expect(messages.at(-1)?.text).toMatch(/unknown object "cup"\. Known objects: .*"mug"/)
        return callsTools([['measure', { quantity: 'distance', a: 'mug', b: 'laptop' }]])
      },
      (messages) =>
        new AIMessage(`The mug is ${lastToolResult(messages).value_m} m from the laptop.`),
    )
    const r = await askWithReasoning(scene, 'how far is the cup from the laptop?', { model })
    expect(kinds(r.steps).slice(0, 4)).toEqual(['tool_call', 'error', 'tool_call', 'tool_result'])
    expect(r.steps[1].text).toMatch(/Known objects/)
    expect(r.stopReason).toBe('final')
    expect(r.checks.every((c) => c.ok)).toBe(true)
  })

  it('catches a hallucinated number and repairs it once', async () => {
    const model = scripted(
      callsTools([['measure', { quantity: 'gap', a: 'mug', b: 'laptop' }]]),
      new AIMessage('The gap is 42 cm.'),
      (messages) => {
        expect(messages.at(-1)?.text).toMatch(/quoted 42 cm, which no tool returned/)
        return new AIMessage(`The gap is ${cm(gapNow)}.`)
      },
    )
    const r = await askWithReasoning(scene, 'what is the gap between the mug and the laptop?', {
      model,
    })
    const numberChecks = r.checks.filter((c) => c.kind === 'numbers')
    expect(numberChecks.map((c) => c.ok)).toEqual([false, true])
    expect(r.answer).toBe(`The gap is ${cm(gapNow)}.`)
    expect(r.steps.filter((s) => s.kind === 'check' && s.ok === false)[0].text).toMatch(/42 cm/)
  })

  it('appends a clear note when the repair still quotes an unmeasured number', async () => {
    const model = scripted(
      callsTools([['measure', { quantity: 'gap', a: 'mug', b: 'laptop' }]]),
      new AIMessage('The gap is 42 cm.'),
      new AIMessage('Sorry, it is 0.9 m.'),
    )
    const r = await askWithReasoning(scene, 'what is the gap between the mug and the laptop?', {
      model,
    })
    expect(r.answer).toMatch(
      /^Sorry, it is 0\.9 m\.\n\nNote: 0\.9 m did not come from any spatial measurement/,
    )
    expect(r.checks.filter((c) => c.kind === 'numbers').every((c) => !c.ok)).toBe(true)
  })

  it('asks the mirrored question and checks agreement (and flags a disagreement)', async () => {
    const model = scripted(
      callsTools([
        ['relation', { relation: 'left', a: 'mug', b: 'can' }],
        ['direction', { from: 'mug', to: 'can' }],
      ]),
      new AIMessage('Yes, the mug is left of the can.'),
    )
    const r = await askWithReasoning(scene, 'is the mug left of the can?', { model })
    const mirrored = r.steps.filter((s) => s.byGuard && s.kind === 'tool_call')
    expect(mirrored.map((s) => s.args)).toEqual([
      { relation: 'right', a: 'can', b: 'mug' },
      { from: 'can', to: 'mug' },
    ])
    expect(r.checks.filter((c) => c.kind === 'mirror').map((c) => c.ok)).toEqual([true, true])

    // A broken (asymmetric) measuring tool: the guard must say so.
    const lopsided = tool(
      async ({ a }: { quantity: string; a: string; b: string }) =>
        JSON.stringify({ quantity: 'gap', a, value_m: a === 'mug' ? 0.3 : 0.5 }),
      {
        name: 'measure',
        description: 'broken measure',
        schema: z.object({ quantity: z.string(), a: z.string(), b: z.string() }),
      },
    )
    const model2 = scripted(
      callsTools([['measure', { quantity: 'gap', a: 'mug', b: 'laptop' }]]),
      new AIMessage('The gap is 0.3 m.'),
    )
    const r2 = await askWithReasoning(scene, 'gap between the mug and the laptop?', {
      model: model2,
      tools: [lopsided],
    })
    expect(r2.checks.find((c) => c.kind === 'mirror')?.ok).toBe(false)
    expect(r2.answer).toMatch(/Note: the mirrored check disagreed/)
  })

  it('stops at the step limit without an answer', async () => {
    const loop = Array.from({ length: 5 }, () => callsTools([['list_objects', {}]]))
    const r = await askWithReasoning(scene, QUESTION, { model: scripted(...loop), maxSteps: 3 })
    expect(r.stopReason).toBe('step_limit')
    expect(r.steps.filter((s) => s.kind === 'tool_call')).toHaveLength(3)
    expect(r.answer).toMatch(/step limit/)
  })

  it('is cancelled through an AbortSignal, mid-run and before it starts', async () => {
    const ctl = new AbortController()
    const model = scripted(callsTools([['list_objects', {}]]), () => {
      ctl.abort()
      return callsTools([['list_objects', {}]])
    })
    const r = await askWithReasoning(scene, QUESTION, { model, signal: ctl.signal })
    expect(r.stopReason).toBe('cancelled')
    expect(r.steps.filter((s) => s.kind === 'tool_call')).toHaveLength(1)
    expect(r.steps.at(-1)).toMatchObject({ kind: 'error', text: 'Cancelled; no answer is given.' })
    const pre = await askWithReasoning(scene, QUESTION, {
      model: scripted(),
      signal: AbortSignal.abort(),
    })
    expect(pre.stopReason).toBe('cancelled')
  })

  it('stops at the time limit while the model is still thinking', async () => {
    const slow = new FakeListChatModel({ responses: ['Final Answer: too late'], sleep: 5_000 })
    const r = await askWithReasoning(scene, QUESTION, {
      model: slow,
      protocol: 'react',
      timeoutMs: 50,
    })
    expect(r.stopReason).toBe('timeout')
    // The model's reply never arrived: the run did not wait for it.
    expect(r.answer).not.toContain('too late')
    expect(r.steps.some((step) => step.text.includes('too late'))).toBe(false)
  })

  it('recovers from malformed tool-call JSON and schema errors', async () => {
    const broken = new AIMessage({
      content: '',
      invalid_tool_calls: [
        {
          name: 'measure',
          args: '{"quantity": "gap", "a": "mug", ',
          id: 'bad_1',
          error: 'Unexpected end of JSON input',
          type: 'invalid_tool_call',
        },
      ],
    })
    const model = scripted(
      broken,
      (messages) => {
        expect(messages.at(-1)?.text).toMatch(/not valid JSON/)
        return callsTools([['measure', { quantity: 'closeness', a: 'mug', b: 'laptop' }]])
      },
      (messages) => {
        expect(messages.at(-1)?.text).toMatch(/do not match its schema/)
        return callsTools([['measure', { quantity: 'gap', a: 'mug', b: 'laptop' }]])
      },
      (messages) => new AIMessage(`${lastToolResult(messages).value_m} m`),
    )
    const r = await askWithReasoning(scene, 'gap between the mug and the laptop?', { model })
    expect(kinds(r.steps).filter((k) => k === 'error')).toHaveLength(2)
    expect(r.stopReason).toBe('final')
    expect(r.answer).toBe(`${Math.round(gapNow * 1e4) / 1e4} m`)
  })

  it('reports a failing model as model_error, never throwing', async () => {
    const r = await askWithReasoning(scene, QUESTION, {
      model: scripted(new Error('connection refused') as never),
    })
    expect(r.stopReason).toBe('model_error')
    expect(r.answer).toMatch(/connection refused/)
  })
})

describe('askWithReasoning, ReAct text protocol', () => {
  it('parses Thought/Action/Action Input, repairs malformed JSON and answers', async () => {
    const responses = [
      'Thought: which objects are there?\nAction: list_objects\nAction Input: {}',
      'Thought: push the mug\nAction: what_if_move\nAction Input: {"object": "mug", "toward": "laptop", "distance_m": 0.2',
      "Thought: fix the JSON\nAction: what_if_move\nAction Input: ```json\n{object: 'mug', toward: 'laptop', distance_m: 0.2,}\n```\nObservation: (invented)",
      'I think it is close.',
      `Thought: I know the answer\nFinal Answer: They would be ${cm(gapAfter)} apart.`,
    ]
    const model = new FakeListChatModel({ responses })
    const r = await askWithReasoning(scene, QUESTION, { model, protocol: 'react' })
    expect(r.protocol).toBe('react')
    expect(r.stopReason).toBe('final')
    expect(r.answer).toBe(`They would be ${cm(gapAfter)} apart.`)
    const errors = r.steps.filter((s) => s.kind === 'error')
    expect(errors[0].text).toMatch(/not valid JSON/)
    expect(errors[1].text).toMatch(/No action or final answer/)
    const whatIf = r.steps.find((s) => s.kind === 'tool_result' && s.tool === 'what_if_move')
    expect((whatIf?.result as any).after_m).toBeCloseTo(gapAfter, 4)
    expect(r.checks.find((c) => c.kind === 'numbers')?.ok).toBe(true)
  })

  it('uses the text protocol automatically for a model without bindTools', async () => {
    const model = new FakeListChatModel({
      responses: [
        'Thought: measure\nAction: measure\nAction Input: {"quantity": "gap", "a": "mug", "b": "laptop"}',
        `Final Answer: ${cm(gapNow)}`,
      ],
    })
    Object.defineProperty(model, 'bindTools', { value: undefined })
    const r = await askWithReasoning(scene, 'gap between the mug and the laptop?', { model })
    expect(r.protocol).toBe('react')
    expect(r.answer).toBe(cm(gapNow))
  })
})

describe('askWithReasoning without an LLM', () => {
  it('answers template questions with the deterministic engine', async () => {
    const q = 'how far is the mug from the laptop?'
    const r = await askWithReasoning(scene, q)
    expect(r.stopReason).toBe('template')
    expect(r.answer).toBe(answerQuestion(scene, q).text)
    expect(r.templateAnswer?.kind).toBe('distance')
  })

  it('gives a clear configuration message for a multi-step question, never a guess', async () => {
    const r = await askWithReasoning(scene, QUESTION)
    expect(r.stopReason).toBe('no_llm')
    expect(r.answer).toMatch(/--llm ollama:<model>/)
    expect(r.answer).toMatch(/--llm openai:http:\/\/host:port\/v1#model/)
    expect(r.answer).not.toMatch(/\d+(\.\d+)? ?(cm|m)\b/)
    expect(r.steps).toHaveLength(1)
    expect(new HumanMessage('x').text).toBe('x')
  })
})

describe('askWithReasoning, protocol fallback', () => {
  it('falls back to the text protocol when the server rejects tools (auto)', async () => {
    const model = scripted(
      new Error('registry.ollama.ai/library/tiny does not support tools') as never,
      new AIMessage(
        'Thought: measure\nAction: measure\nAction Input: {"quantity": "gap", "a": "mug", "b": "laptop"}',
      ),
      new AIMessage(`Final Answer: ${cm(gapNow)}`),
    )
    const r = await askWithReasoning(scene, 'gap between the mug and the laptop?', { model })
    expect(r.protocol).toBe('react')
    expect(r.answer).toBe(cm(gapNow))
    expect(r.steps[0].text).toMatch(/using the text \(ReAct\) protocol/)
    const forced = await askWithReasoning(scene, 'x', {
      model: scripted(new Error('does not support tools') as never),
      protocol: 'native',
    })
    expect(forced.stopReason).toBe('model_error')
  })
})
