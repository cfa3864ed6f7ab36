import { describe, expect, it } from 'vitest'
import { createTaskDispatcher } from '../../main/workers/taskDispatcher'
import type { TaskHandlers } from '../../main/workers/sceneTaskHandlers'
import type { ReplyMessage } from '../../main/workers/contract/workerTasks'
import { SourceError } from '../../main/sources/SourceError'

// The worker side of the contract without a thread: every task message gets exactly one reply,
// requests are validated against their task's schema first, and a cancel reaches the running task.

const notUsed = () => Promise.reject(new Error('not used in this test'))

function handlers(overrides: Partial<TaskHandlers>): TaskHandlers {
  return {
    analyze: notUsed,
    detect2d: notUsed,
    'vision:model': notUsed,
    'vision:ask': notUsed,
    'relation:classify': notUsed,
    'calibration:fit': notUsed,
    ...overrides,
  }
}

function recorder() {
  const sent: { message: ReplyMessage; transfer: ArrayBuffer[] }[] = []
  return {
    sent,
    post: (message: ReplyMessage, transfer: ArrayBuffer[]) => sent.push({ message, transfer }),
  }
}

const image = { width: 2, height: 1, data: new Uint8Array(6) }

describe('createTaskDispatcher', () => {
  it('runs a valid request with its defaults applied and posts its reply', async () => {
    const seen: unknown[] = []
    const { sent, post } = recorder()
    const dispatch = createTaskDispatcher(
      handlers({
        detect2d: async (request) => {
          seen.push(request)
          return { width: 4, height: 3, detections: [], step: null }
        },
      }),
      post,
    )
    await dispatch({ requestId: 7, task: 'detect2d', request: { image: new Uint8Array([1]) } })
    expect(seen).toEqual([{ image: new Uint8Array([1]), name: 'camera frame' }])
    expect(sent).toEqual([
      {
        message: {
          requestId: 7,
          ok: true,
          result: { width: 4, height: 3, detections: [], step: null },
        },
        transfer: [],
      },
    ])
  })

  it('refuses a request of the wrong shape without running it, naming the field', async () => {
    let isRun = false
    const { sent, post } = recorder()
    const dispatch = createTaskDispatcher(
      handlers({
        'relation:classify': async () => {
          isRun = true
          return 0.5
        },
      }),
      post,
    )
    const torn = { ...image, data: new Uint8Array(5) }
    await dispatch({
      requestId: 3,
      task: 'relation:classify',
      request: { image: torn, caption: 'x' },
    })
    expect(isRun).toBe(false)
    expect(sent.map((s) => s.message)).toEqual([
      {
        requestId: 3,
        ok: false,
        error: {
          kind: 'user',
          message: 'invalid image: the image data is not width × height × 3 bytes',
        },
      },
    ])
  })

  it('answers an unknown task with an internal error, and ignores a message with no request id', async () => {
    const { sent, post } = recorder()
    const dispatch = createTaskDispatcher(handlers({}), post)
    await dispatch({ requestId: 4, task: 'scene:delete', request: {} })
    await dispatch({ task: 'detect2d' })
    await dispatch(null)
    expect(sent).toHaveLength(1)
    expect(sent[0].message).toMatchObject({ requestId: 4, ok: false, error: { kind: 'internal' } })
    expect((sent[0].message as { error: { message: string } }).error.message).toMatch(
      /^malformed message: invalid task: /,
    )
  })

  it('sends a thrown user error as its class', async () => {
    const { sent, post } = recorder()
    const dispatch = createTaskDispatcher(
      handlers({ 'vision:model': () => Promise.reject(new SourceError('a.png is empty')) }),
      post,
    )
    await dispatch({ requestId: 1, task: 'vision:model', request: {} })
    expect(sent[0].message).toEqual({
      requestId: 1,
      ok: false,
      error: { kind: 'source', message: 'a.png is empty' },
    })
  })

  it('a cancel aborts the running request', async () => {
    const { sent, post } = recorder()
    const signals = new Map<string, AbortSignal>()
    const dispatch = createTaskDispatcher(
      handlers({
        'vision:ask': (request, { signal }) => {
          signals.set(request.question, signal)
          return new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(signal.reason as Error)),
          )
        },
        'vision:model': async () => 'smolvlm-256m-instruct',
      }),
      post,
    )
    const ask = { modelId: 'm', image, question: 'what is it?' }
    const running = dispatch({ requestId: 10, task: 'vision:ask', request: ask })
    await dispatch({ requestId: 11, task: 'vision:model', request: {} })
    await dispatch({ requestId: 12, task: 'cancel', target: 10 })
    await running
    expect(signals.get('what is it?')?.aborted).toBe(true)
    expect(sent.map((s) => s.message)).toEqual([
      { requestId: 11, ok: true, result: 'smolvlm-256m-instruct' },
      { requestId: 10, ok: false, error: { kind: 'internal', message: 'cancelled' } },
    ])
  })

  it('a reply that cannot be posted becomes an internal error reply', async () => {
    const sent: ReplyMessage[] = []
    const dispatch = createTaskDispatcher(
      handlers({ 'vision:model': async () => 'm' }),
      (message) => {
        if (message.ok) throw new DOMException('could not be cloned', 'DataCloneError')
        sent.push(message)
      },
    )
    await dispatch({ requestId: 2, task: 'vision:model', request: {} })
    expect(sent).toEqual([
      {
        requestId: 2,
        ok: false,
        error: { kind: 'internal', message: 'the reply could not be sent: could not be cloned' },
      },
    ])
  })
})
