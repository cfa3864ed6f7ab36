import type { SpatialService } from '../../main/services/SpatialService'

/**
 * One channel through the service, as a UI calls it: the reply's value, or the service's
 * user-facing error line thrown as an Error.
 */
export async function callService<T>(
  service: SpatialService,
  channel: Parameters<SpatialService['handle']>[0],
  input: unknown,
): Promise<T> {
  const result = await service.handle(channel, input)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}
