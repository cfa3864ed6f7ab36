import { UserError } from '../app/userError'

/** A task past its time limit: the user's frame (or settings) asked for too much. */
export class TaskTimeoutError extends UserError {}

/** The scene worker broke the contract (a reply of the wrong shape): a bug, never the user's input. */
export class WorkerProtocolError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WorkerProtocolError'
  }
}

/** "scene worker sent a malformed analyze reply at summary.totalMs: …" (the first issue names the field). */
export function protocolError(
  what: string,
  error: { issues: { path: PropertyKey[]; message: string }[] },
): WorkerProtocolError {
  const issue = error.issues[0]
  const at = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : ''
  return new WorkerProtocolError(
    `scene worker sent a malformed ${what}${at}: ${issue?.message ?? 'unreadable'}`,
  )
}
