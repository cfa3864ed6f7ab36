import { parentPort, workerData } from 'node:worker_threads'
import { shareNativeActivity } from '../inference/nativeActivity'
import { sceneTaskHandlers } from './sceneTaskHandlers'
import { createTaskDispatcher } from './taskDispatcher'

/**
 * Worker thread entry: scene computation, 2D detection and the perception models off the Electron
 * main thread and the server's event loop. Only wiring: the contract is contract/workerTasks, the
 * tasks sceneTaskHandlers, the validation and replies taskDispatcher.
 */

// The parent reads this thread's count of onnxruntime calls in flight before terminating it.
const nativeCalls: unknown = (workerData as { nativeCalls?: unknown } | null)?.nativeCalls
if (nativeCalls instanceof Int32Array) shareNativeActivity(nativeCalls)

const port = parentPort
if (!port)
  throw new Error('scene.worker must run as a worker thread (WorkerSceneExecutor starts it)')
const dispatch = createTaskDispatcher(sceneTaskHandlers, (message, transfer) =>
  port.postMessage(message, transfer),
)
port.on('message', (message: unknown) => void dispatch(message))
