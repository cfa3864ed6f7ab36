import { afterEach, describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { WorkerProtocolError, WorkerSceneExecutor } from '../../main/workers/WorkerSceneExecutor'
import { UserError, isUserError } from '../../main/app/userError'
import { SourceError } from '../../main/sources/SourceError'
import type { AnalyzeRequest } from '../../main/frames/analyzeFrame'

// A worker that breaks the contract (fixtures/fakeSceneWorker.mjs) must give the caller a clear
// internal error at once, never a hang and never a "your input was wrong"; errors it reports
// properly arrive as the classes it threw.

const fakeWorker = fileURLToPath(new URL('./fixtures/fakeSceneWorker.mjs', import.meta.url))
const sample: AnalyzeRequest = { frame: { kind: 'sample' }, regions: [] }
const detect = { image: new Uint8Array([1]), name: 'x.png' }

/** Long enough never to fire here: a failure must come from the reply, not from the time limit. */
const LIMIT_MS = 60_000

describe('WorkerSceneExecutor against a worker that breaks the contract', () => {
  let executor: WorkerSceneExecutor | undefined

  afterEach(async () => {
    await executor?.dispose(0)
    executor = undefined
  })

  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error as Error,
    )

  it('a reply of the wrong shape is an internal error naming the field', async () => {
    executor = new WorkerSceneExecutor(fakeWorker, 1, { taskTimeoutMs: LIMIT_MS })
    const failure = await failureOf(executor.analyze(sample, 'malformed-result'))
    expect(failure).toBeInstanceOf(WorkerProtocolError)
    expect(failure?.message).toMatch(/^scene worker sent a malformed analyze reply at scene: /)
    expect(isUserError(failure)).toBe(false)
  })

  it('an error reply of the wrong shape is an internal error too', async () => {
    executor = new WorkerSceneExecutor(fakeWorker, 1, { taskTimeoutMs: LIMIT_MS })
    const failure = await failureOf(executor.analyze(sample, 'malformed-error'))
    expect(failure).toBeInstanceOf(WorkerProtocolError)
    expect(failure?.message).toMatch(/^scene worker sent a malformed reply at error\./)
  })

  it('a message that names no request fails what the worker had and replaces it', async () => {
    executor = new WorkerSceneExecutor(fakeWorker, 1, { taskTimeoutMs: LIMIT_MS })
    const failure = await failureOf(executor.analyze(sample, 'garbage'))
    expect(failure).toBeInstanceOf(WorkerProtocolError)
    expect(failure?.message).toMatch(/^scene worker sent a malformed message: /)
    // The replacement answers.
    await expect(executor.detect2d(detect)).resolves.toMatchObject({ width: 1, height: 1 })
  })

  it('user errors arrive as the class the worker threw, with their code', async () => {
    executor = new WorkerSceneExecutor(fakeWorker, 1, { taskTimeoutMs: LIMIT_MS })
    const source = await failureOf(executor.analyze(sample, 'source-error'))
    expect(source).toBeInstanceOf(SourceError)
    expect(source?.message).toBe('shelf.png is not a PNG')
    const coded = await failureOf(executor.analyze(sample, 'coded-error'))
    expect(coded).toBeInstanceOf(UserError)
    expect((coded as UserError).code).toBe('DEPTH_MODEL_MISSING')
  })

  it('an internal error stays internal (shown as unexpected by the service)', async () => {
    executor = new WorkerSceneExecutor(fakeWorker, 1, { taskTimeoutMs: LIMIT_MS })
    const failure = await failureOf(executor.send('vision:model', {}))
    expect(failure?.message).toBe('fake worker: no vision:model')
    expect(isUserError(failure)).toBe(false)
  })

  it('an aborted send rejects with the signal reason, before or after it was posted', async () => {
    executor = new WorkerSceneExecutor(fakeWorker, 1, { taskTimeoutMs: LIMIT_MS })
    const reason = new Error('the user left')
    await expect(
      executor.send('detect2d', detect, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason)
    const controller = new AbortController()
    const sent = executor.send('detect2d', detect, { signal: controller.signal })
    controller.abort(reason)
    await expect(sent).rejects.toBe(reason)
  })
})
