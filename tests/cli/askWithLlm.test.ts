import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeLlmServer, type FakeLlmServer } from '../reasoning/connectors/fakeLlmServer'
import { ROOT, runCli, runCliAsync } from '../helpers/runCli'
import { mugAndLaptopFrameArgs } from '../helpers/syntheticTabletop'
import { runsLlamaTests } from '../helpers/llamaRuntime.js'
import { contract } from '../../main/contract/channels'

/**
 * `spatial-lens ask --llm openai:…` end to end: the built CLI, a real OpenAI-compatible server on
 * 127.0.0.1 (scripted), the real client library, the tools over the lifted scene. The CLI runs as
 * an asynchronous child so this process can serve its requests.
 */
const temp = mkdtempSync(join(tmpdir(), 'spatial-lens-llm-'))
const frame = mugAndLaptopFrameArgs(temp)

let server: FakeLlmServer
beforeAll(async () => {
  server = await startFakeLlmServer()
})
afterAll(() => server.close())

describe('spatial-lens ask --llm', () => {
  it('runs the chain of thought through the tools and prints the steps and a checked answer', async () => {
    // Without --llm, --json prints the `qa:ask` reply's shape.
    const template = contract['qa:ask'].output.parse(
      JSON.parse(runCli(['ask', ...frame, '--json', 'how far is the mug from the laptop']).stdout),
    )
    const cm = ((template.value as number) * 100).toFixed(1)
    server.script(
      { kind: 'tool', name: 'measure', args: { quantity: 'distance', a: 'mug', b: 'laptop' } },
      { kind: 'text', chunks: [`The mug is ${cm} cm `, 'from the laptop.'] },
    )
    const spec = `openai:${server.url}/v1#tiny`
    const run = await runCliAsync([
      'ask',
      ...frame,
      '--llm',
      spec,
      '--json',
      'how far apart are the mug and the laptop, centre to centre?',
    ])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    // The same shape as the `qa:reason` channel's reply, the LLM that ran included.
    const trace = contract['qa:reason'].output.parse(JSON.parse(run.stdout))
    expect(trace.llm).toBe(spec)
    expect(trace.protocol).toBe('native')
    expect(trace.stopReason).toBe('final')
    expect(trace.answer).toContain(`${cm} cm`)
    const kinds = trace.steps.map((s) => s.kind)
    expect(kinds).toContain('tool_call')
    expect(kinds).toContain('tool_result')
    expect(trace.checks.length).toBeGreaterThan(0)
    // The request carried the spatial tools' schemas to the server.
    const body = server.requests.find((r) => r.path.includes('chat/completions'))!.body
    expect(body.tools.map((t: { function: { name: string } }) => t.function.name)).toContain(
      'measure',
    )
  })

  it('without --llm, a multi-step question says how to configure an LLM instead of guessing', () => {
    const run = runCli([
      'ask',
      ...frame,
      'if I push the mug 20 cm toward the laptop, do they touch?',
    ])
    expect(run.status).toBe(3)
    expect(run.stdout).toMatch(/--llm ollama:/)
  })

  it('eval cot scores the chain of thought per question kind', async () => {
    // Two questions; the scripted model answers with plain text (no tools).
    server.script(
      { kind: 'text', chunks: ['About 0.3 m.'] },
      { kind: 'text', chunks: ['About 0.3 m.'] },
    )
    const run = await runCliAsync([
      'eval',
      'cot',
      '--llm',
      `openai:${server.url}/v1#tiny`,
      '--limit',
      '2',
    ])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/\[2\/2\]/)
    expect(run.stdout).toMatch(/overall\s+2 questions\s+0\.5×–2×: \d+ %\s+±10 %: \d+ %/)
  })

  it('a malformed LLM spec is one clear error line', () => {
    const run = runCli(['ask', ...frame, '--llm', 'gpt', 'how far is the mug from the laptop'])
    expect(run.status).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })

  it.runIf(runsLlamaTests)(
    'runs an embedded GGUF model in-process (llama:) and prints every step as it happens',
    async () => {
      // stories260K cannot reason (see its PROVENANCE.md): this checks the CLI path, not the answer.
      const gguf = join(ROOT, 'tests', 'fixtures', 'models', 'stories260k', 'stories260K.gguf')
      const run = await runCliAsync([
        'ask',
        ...frame,
        '--llm',
        `llama:${gguf}`,
        '--llm-threads',
        '1',
        'is the mug taller than the laptop?',
      ])
      expect(run.stderr).toBe('')
      expect([0, 3]).toContain(run.status)
      const lines = run.stdout.trim().split('\n')
      expect(lines.length).toBeGreaterThan(1)
      expect(run.stdout).not.toMatch(/not valid JSON/)
    },
  )

  it('names the install command when the embedded runtime is missing', () => {
    const run = runCli(
      ['ask', ...frame, '--llm', 'llama:model.gguf', 'how far is the mug from the laptop'],
      {
        ...process.env,
        SPATIAL_LENS_LLAMA_RUNTIME: temp,
      },
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/npm run setup:llm/)
  })
})
