import { z } from 'zod'

/** An execution provider's name as it crosses a boundary (settings, worker messages). */
export const executionProviderSchema = z.enum(['cuda', 'webgpu', 'cpu'])
export type ExecutionProviderNameJson = z.infer<typeof executionProviderSchema>
