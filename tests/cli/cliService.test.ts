/**
 * The CLI as a host of the service (main/cli/cliService.ts): `scene`, `ask` and `verify` go through
 * SpatialService.handle like the app, so the service's behaviour shows in the CLI — the measurement log with
 * `--log`, the question limits of the contract, no LLM but the one `--llm` names — and a failure is the user's
 * (UserError, exit 2) or ours (exit 1) as the service decides.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli, runCliAsync } from '../helpers/runCli'
import { mugAndLaptopAnalyzeInput, mugAndLaptopFrameArgs } from '../helpers/syntheticTabletop'
import { startFakeLlmServer, type FakeLlmServer } from '../reasoning/connectors/fakeLlmServer'
import { contract } from '../../main/contract/channels'
import { SettingsStore } from '../../main/settings/SettingsStore'
import { SpatialService } from '../../main/services/SpatialService'
import { InlineSceneExecutor, type SceneExecutor } from '../../main/workers/sceneExecutor'
import { callService, openCliService } from '../../main/cli/cliService'
import { UserError } from '../../main/app/userError'
import { MeasurementLog } from '../../main/measurements/MeasurementLog'

const temp = mkdtempSync(join(tmpdir(), 'spatial-lens-cliservice-'))
const frame = mugAndLaptopFrameArgs(temp)

/** A fresh $SPATIAL_LENS_HOME (settings, log, models) for one CLI run. */
function home(name: string): NodeJS.ProcessEnv {
  return { ...process.env, SPATIAL_LENS_HOME: mkdtempSync(join(temp, `${name}-`)) }
}

function logRecords(env: NodeJS.ProcessEnv) {
  const run = runCli(['log', 'list', '--json'], env)
  expect(run.status).toBe(0)
  return contract['log:list'].output.parse(JSON.parse(run.stdout)).records
}

describe('spatial-lens ask/verify through the service', () => {
  it('ask --log puts the answer in the measurement log, as the app does; without --log the log stays empty', () => {
    const quiet = home('quiet')
    expect(runCli(['ask', ...frame, 'how far is the mug from the laptop'], quiet).status).toBe(0)
    expect(logRecords(quiet)).toEqual([])

    const logged = home('logged')
    const run = runCli(['ask', ...frame, '--log', 'how far is the mug from the laptop'], logged)
    expect(run.status).toBe(0)
    const records = logRecords(logged)
    expect(records).toHaveLength(1)
    expect(records[0].objects.sort()).toEqual(['laptop', 'mug'])
    // The logged value is the printed one (the answer's first line carries it in centimetres).
    const printedCm = Number(/([\d.]+) cm/.exec(run.stdout)![1])
    expect(records[0].value!.unit).toBe('m')
    expect(records[0].value!.number * 100).toBeCloseTo(printedCm, 0)
    expect(records[0].frame.name).toContain('scene_640x480_color.png')
  })

  it('verify --log logs the verdict', () => {
    const env = home('verify')
    const run = runCli(['verify', ...frame, '--log', 'the mug is in front of the laptop'], env)
    expect([0, 1, 3]).toContain(run.status)
    const records = logRecords(env)
    expect(records).toHaveLength(1)
    expect(records[0].text).toContain('the mug is in front of the laptop')
  })

  it("a question longer than the contract's 500 characters is the user's mistake, named as in the app", () => {
    const run = runCli([
      'ask',
      ...frame,
      `how far is the mug from the laptop ${'really '.repeat(80)}`,
    ])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/^error: qa:ask: invalid question: .*500/m)
  })
})

describe('the LLM of the CLI is the one --llm names, never the saved one', () => {
  let server: FakeLlmServer
  beforeAll(async () => {
    server = await startFakeLlmServer()
  })
  afterAll(() => server.close())

  it('verify without --llm does not ask the LLM saved in the settings; with --llm it does', async () => {
    const env = home('llm')
    const spec = `openai:${server.url}/v1#tiny`
    // The app's settings name the fake server as the LLM.
    const app = new SpatialService(new InlineSceneExecutor(), 'electron', {
      settings: new SettingsStore({ directory: env.SPATIAL_LENS_HOME }),
    })
    expect((await app.handle('settings:update', { llm: { spec } })).ok).toBe(true)
    await app.dispose()

    const statement = 'the mug is in front of the laptop'
    const without = await runCliAsync(['verify', ...frame, '--json', statement], env)
    expect(without.stderr).toBe('')
    expect(server.requests).toHaveLength(0)
    const votes = contract['qa:verify'].output.parse(JSON.parse(without.stdout)).votes
    expect(votes.map((v) => v.voterId)).not.toContain('llm')

    server.script({ kind: 'text', chunks: ['yes'] })
    const withLlm = await runCliAsync(['verify', ...frame, '--llm', spec, '--json', statement], env)
    expect(withLlm.stderr).toBe('')
    expect(server.requests).toHaveLength(1)
    const llmVote = contract['qa:verify'].output
      .parse(JSON.parse(withLlm.stdout))
      .votes.find((v) => v.voterId === 'llm')
    expect(llmVote?.verdict).toBe('true')
  })
})

describe('callService', () => {
  it("throws the request's fault as a UserError and ours as a plain Error", async () => {
    const service = openCliService({
      log: new MeasurementLog({ path: join(temp, 'unused.jsonl') }),
    })
    try {
      const invalid = callService(service, 'qa:ask', { sceneId: 'x', question: '' })
      await expect(invalid).rejects.toBeInstanceOf(UserError)
      await expect(invalid).rejects.toThrow(/^qa:ask: invalid question/)
      // A scene that was never analysed: the handler's own user error, with its message.
      await expect(
        callService(service, 'qa:ask', { sceneId: 'never-analysed', question: 'how big is it' }),
      ).rejects.toThrow(/scene never-analysed is not loaded any more/)
    } finally {
      await service.dispose()
    }

    // An executor whose reply breaks the contract: our bug, not the user's (exit 1, not 2).
    const inline = new InlineSceneExecutor()
    const broken: SceneExecutor = Object.assign(Object.create(inline), {
      analyze: async (...args: Parameters<SceneExecutor['analyze']>) => {
        const computed = await inline.analyze(...args)
        return { ...computed, summary: { ...computed.summary, totalMs: Number.NaN } }
      },
    })
    const buggy = openCliService({ executor: broken })
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const failure = await callService(buggy, 'scene:analyze', mugAndLaptopAnalyzeInput()).then(
        () => null,
        (error: Error) => error,
      )
      expect(failure).toBeInstanceOf(Error)
      expect(failure).not.toBeInstanceOf(UserError)
      expect(failure!.message).toMatch(/this is a bug in Spatial Lens/)
      // The CLI's user reads one `error:` line; the rejected reply's details wait for SPATIAL_LENS_DEBUG=1.
      expect(consoleError).not.toHaveBeenCalled()
    } finally {
      consoleError.mockRestore()
      await buggy.dispose()
    }
  })
})
