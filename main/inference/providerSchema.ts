import { z } from 'zod'
import type { ExecutionProviderName } from './types'

/** An execution provider's name as it crosses a boundary (settings, worker messages). */
export const executionProviderSchema = z.enum([
  'cuda',
  'webgpu',
  'cpu',
]) satisfies z.ZodType<ExecutionProviderName>
