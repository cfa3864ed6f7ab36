/**
 * A worker reply that an abort signal may cancel: the abort asks the worker to let go (`onAbort`), and the reply
 * settles only once the worker has (vision: at its next step), with the signal's reason, so a cancelled run frees
 * the worker before its caller goes on.
 */
export function abortableReply<T>(
  reply: Promise<T>,
  signal: AbortSignal,
  onAbort: () => void,
): Promise<T> {
  signal.addEventListener('abort', onAbort, { once: true })
  return reply
    .then(
      (value) => {
        if (signal.aborted) throw signal.reason
        return value
      },
      (error: unknown) => {
        throw signal.aborted ? signal.reason : error
      },
    )
    .finally(() => signal.removeEventListener('abort', onAbort))
}
