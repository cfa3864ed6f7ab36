import { z } from 'zod'

/**
 * App settings kept by the service (`settings:get`, `settings:update`, `llm:test`): the LLM for
 * multi-step questions and the display units. The API key goes in, never comes back out in full.
 */

/** How lengths are shown. Values stay in metres everywhere else; only the display converts. */
export const unitSystemSchema = z.enum(['metric', 'imperial'])
export type UnitSystem = z.infer<typeof unitSystemSchema>

export const LLM_STEP_LIMITS = { min: 1, max: 30, default: 8 } as const
export const LLM_TIME_LIMITS_S = { min: 5, max: 3600, default: 120 } as const

export const maxStepsSchema = z.number().int().min(LLM_STEP_LIMITS.min).max(LLM_STEP_LIMITS.max)
export const timeLimitSSchema = z
  .number()
  .int()
  .min(LLM_TIME_LIMITS_S.min)
  .max(LLM_TIME_LIMITS_S.max)

export const appSettingsSchema = z.object({
  llm: z.object({
    /** "ollama:qwen2.5:7b", "openai:http://host:port/v1#model", …; '' = no LLM. */
    spec: z.string(),
    apiKey: z.object({
      /** Where the key the LLM gets comes from: these settings, the environment, or nowhere. */
      source: z.enum(['settings', 'environment', 'none']),
      /** The key's last characters ("…f3a9"), or the variable's name; never the key. */
      hint: z.string().nullable(),
    }),
    maxSteps: maxStepsSchema,
    timeLimitS: timeLimitSSchema,
  }),
  units: unitSystemSchema,
  /** Where the settings are stored. */
  path: z.string(),
  /** The stored file could not be read (defaults are in use); saving replaces it, the old one is kept aside. */
  problem: z.string().nullable(),
})
export type AppSettings = z.infer<typeof appSettingsSchema>

export const settingsUpdateSchema = z
  .object({
    llm: z
      .object({
        spec: z.string().trim().max(500).optional(),
        /** A new key; null or '' removes the stored one. */
        apiKey: z.string().trim().max(1000).nullable().optional(),
        maxSteps: maxStepsSchema.optional(),
        timeLimitS: timeLimitSSchema.optional(),
      })
      .strict()
      .optional(),
    units: unitSystemSchema.optional(),
  })
  .strict()
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>

/** Test an LLM: the given spec and key (the fields not saved yet), else the stored ones. */
export const llmTestInputSchema = z
  .object({
    spec: z.string().trim().max(500).optional(),
    apiKey: z.string().trim().max(1000).optional(),
  })
  .strict()

export const llmTestResultSchema = z.object({
  isOk: z.boolean(),
  /** "ollama qwen2.5:7b at http://127.0.0.1:11434 answered in 230 ms: OK", or what failed and what to do. */
  message: z.string(),
  endpoint: z.string().nullable(),
  ms: z.number().nonnegative().nullable(),
})
export type LlmTestResult = z.infer<typeof llmTestResultSchema>
