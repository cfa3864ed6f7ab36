import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startFakeLlmServer, type FakeLlmServer } from '../reasoning/connectors/fakeLlmServer'
import { runCli, runCliAsync } from '../helpers/runCli'
import { mugAndLaptopFrameArgs } from '../helpers/syntheticTabletop'

/**
 * `spatial-lens verify` (the built CLI) on the synthetic tabletop with a mug and a laptop region: the verdict with
 * every vote, the exit code scripts branch on, and `--llm` adding the LLM scene voter (a scripted OpenAI-compatible
 * server on 127.0.0.1; the CLI runs as an asynchronous child so this process can serve it).
 */
const temp = mkdtempSync(join(tmpdir(), 'spatial-lens-verify-'))
const frame = mugAndLaptopFrameArgs(temp)
const EXIT = { true: 0, false: 1, abstain: 3 } as const

let server: FakeLlmServer
beforeAll(async () => {
  server = await startFakeLlmServer()
})
afterAll(() => server.close())

describe('spatial-lens verify', () => {
  it('prints the verdict and each vote as JSON; the exit code follows the verdict', () => {
    const run = runCli(['verify', ...frame, '--json', 'the mug is in front of the laptop'])
    const result = JSON.parse(run.stdout)
    expect(result.parsed).toMatchObject({
      subject: 'mug',
      relation: 'in front of',
      object: 'laptop',
    })
    expect(result.votes.map((v: { voterId: string }) => v.voterId)).toEqual([
      'geometry',
      'language-prior',
    ])
    // Ground truth: the mug (y 0.95 m) is nearer the camera than the laptop (y 1.42 m), so geometry says true.
    expect(result.votes[0].verdict).toBe('true')
    expect(result.geometry).toEqual({ kind: 'highlight', names: ['mug', 'laptop'], primary: 'mug' })
    expect(run.status).toBe(EXIT[result.verdict as keyof typeof EXIT])
  })

  it('--llm asks the LLM about the scene graph and prints its vote with the reason', async () => {
    server.script({ kind: 'text', chunks: ['Yes, the mug is in front.'] })
    const run = await runCliAsync([
      'verify',
      ...frame,
      '--llm',
      `openai:${server.url}/v1#tiny`,
      'the mug is in front of the laptop',
    ])
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(
      /^\s+llm\s+true\s+weight \d+ % \(accuracy \d+ %\): asked "Objects in a room/m,
    )
    expect(run.stdout).toContain('it replied "Yes, the mug is in front."')
    const body = server.requests.at(-1)!.body
    expect(JSON.stringify(body.messages)).toContain(
      'Is the mug in front of the laptop? Answer yes or no.',
    )
  })
})
