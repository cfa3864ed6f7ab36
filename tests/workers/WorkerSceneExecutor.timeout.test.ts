import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TaskTimeoutError, WorkerSceneExecutor } from '../../main/workers/WorkerSceneExecutor'
import type { AnalyzeRequest } from '../../main/frames/analyzeFrame'

// The executor's time limit and its second worker, against a stand-in worker that hangs on demand
// (fixtures/fakeSceneWorker.mjs): a frame that never finishes must fail with a clear message
// while the other worker keeps answering, and its thread must not be killed inside onnxruntime.

const fakeWorker = fileURLToPath(new URL('./fixtures/fakeSceneWorker.mjs', import.meta.url))
const sample: AnalyzeRequest = { frame: { kind: 'sample' }, regions: [] }
const detect = { image: new Uint8Array([1]), name: 'x.png' }

/** Time limit of these tests: long enough for a thread to start on a busy machine, short enough to wait for. */
const LIMIT_MS = 1500

/** An executor whose workers have each answered once (started), so the limit only measures the task. */
async function startedExecutor(size: number): Promise<WorkerSceneExecutor> {
  const started = new WorkerSceneExecutor(fakeWorker, size, { taskTimeoutMs: LIMIT_MS })
  await Promise.all(Array.from({ length: size }, () => started.detect2d(detect)))
  return started
}

describe('WorkerSceneExecutor time limit', () => {
  let executor: WorkerSceneExecutor | undefined
  const directory = mkdtempSync(join(tmpdir(), 'spatial-lens-timeout-'))

  let release: string | undefined

  afterEach(async () => {
    if (release) writeFileSync(release, '') // lets a native-hang worker be terminated
    await executor?.dispose(0)
    executor = undefined
  })

  afterAll(() => rmSync(directory, { recursive: true, force: true }))

  it('fails a hanging analysis with a clear error while the other worker answers', async () => {
    executor = await startedExecutor(2)
    const hanging = executor.analyze(sample, 'hang').then(
      () => null,
      (error: unknown) => error,
    )
    // The second request goes to the other (idle) worker and answers while the first one spins.
    await expect(executor.detect2d(detect)).resolves.toEqual({
      width: 1,
      height: 1,
      detections: [],
      step: null,
    })
    const failure = await hanging
    expect(failure).toBeInstanceOf(TaskTimeoutError)
    expect((failure as Error).message).toMatch(
      /the analysis took longer than its limit of 1\.5 s and was stopped/,
    )
    // The stuck worker was replaced: both workers answer again.
    const replies = await Promise.all([executor.detect2d(detect), executor.detect2d(detect)])
    expect(replies.map((reply) => reply.width)).toEqual([1, 1])
    await vi.waitFor(() => expect(executor!.stoppingWorkerCount).toBe(0))
  })

  it('moves requests queued behind the stuck analysis to the replacement worker', async () => {
    executor = await startedExecutor(1)
    const hanging = executor.analyze(sample, 'hang').catch((error: Error) => error)
    const queued = executor.detect2d(detect)
    expect(await hanging).toBeInstanceOf(TaskTimeoutError)
    await expect(queued).resolves.toMatchObject({ width: 1 })
  })

  it('terminates a stuck worker only once no onnxruntime call runs on it', async () => {
    executor = await startedExecutor(2)
    release = join(directory, 'native-release')
    const failure = await executor
      .analyze(sample, `native-hang:${release}`)
      .catch((error: Error) => error)
    expect(failure).toBeInstanceOf(TaskTimeoutError)
    expect(existsSync(`${release}.entered`)).toBe(true) // it timed out inside its "native call"
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(executor.stoppingWorkerCount).toBe(1) // so it is not terminated yet
    writeFileSync(release, '')
    await vi.waitFor(() => expect(executor!.stoppingWorkerCount).toBe(0), { timeout: 5000 })
  })

  it('replaces a worker that died mid-request and says so', async () => {
    executor = await startedExecutor(2)
    await expect(executor.analyze(sample, 'crash')).rejects.toThrow(
      /the scene worker stopped unexpectedly while working on this request; it was restarted: try again/,
    )
    const replies = await Promise.all([executor.detect2d(detect), executor.detect2d(detect)])
    expect(replies.map((reply) => reply.width)).toEqual([1, 1])
  })
})
