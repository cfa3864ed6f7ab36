import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, type CliRun } from '../helpers/runCli'
import { generatedBytes, startTestServer, type TestServer } from '../models/localServer'
import { testManifest } from '../models/testManifest'

// Ctrl+C on the built CLI during `models download`: a real SIGINT becomes models:cancel, the command
// ends with 130 and keeps the part already downloaded for the next download to resume.

const bodies = {
  model: generatedBytes(400_000),
  tokenizer: Buffer.from('{}'),
  builtin: generatedBytes(64, 3),
}
const scratch = mkdtempSync(join(tmpdir(), 'spatial-lens-cli-interrupt-'))
const cache = join(scratch, 'models')
const stalled: ServerResponse[] = []
let server: TestServer

beforeAll(async () => {
  server = await startTestServer({
    // The first 1000 bytes, then nothing until the test ends.
    '/stall': (_request, response) => {
      response.writeHead(200, { 'content-length': bodies.model.length })
      response.write(bodies.model.subarray(0, 1000))
      stalled.push(response)
    },
  })
  const manifest = testManifest(server.url, bodies)
  manifest.models.find((model) => model.id === 'flaky')!.files[0].urls = [server.url('/stall')]
  writeFileSync(join(scratch, 'manifest.json'), JSON.stringify(manifest))
})
afterAll(async () => {
  for (const response of stalled) response.destroy()
  await server.close()
  rmSync(scratch, { recursive: true, force: true })
})

describe('models download on the built CLI', () => {
  it('Ctrl+C cancels through the service: exit 130, the part is kept', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'spatial-lens.js'), 'models', 'download', 'flaky'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          SPATIAL_LENS_MANIFEST: join(scratch, 'manifest.json'),
          SPATIAL_LENS_MODELS: cache,
          SPATIAL_LENS_HOME: join(scratch, 'home'),
        },
      },
    )
    const run = new Promise<CliRun>((resolve) => {
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (data) => (stdout += data))
      child.stderr.on('data', (data) => (stderr += data))
      child.on('close', (status) => resolve({ status, stdout, stderr }))
    })
    const part = join(cache, 'flaky', 'model.onnx.part')
    await vi.waitFor(() => expect(existsSync(part) && statSync(part).size).toBe(1000), {
      timeout: 30_000,
      interval: 50,
    })
    child.kill('SIGINT')
    const result = await run
    expect(result.status, result.stderr).toBe(130)
    expect(result.stdout).toBe(
      'flaky: download cancelled; the part already downloaded is kept: `npx spatial-lens models download flaky` resumes from there\n',
    )
    expect(statSync(part).size).toBe(1000)
  }, 60_000)
})
