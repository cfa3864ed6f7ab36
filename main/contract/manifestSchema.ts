import { z } from 'zod'

/**
 * The contract for `models/manifest.json`: what each model is, where its files come from, how to
 * feed it and what its outputs mean. The manifest is data; the model manager (ModelStore) and the
 * per-model inference files read it, nothing else hard-codes URLs, hashes or tensor names.
 */

/** A tensor dimension: a fixed size, or a symbolic name for a dynamic axis ("batch", "height"). */
export const dimSchema = z.union([z.number().int().nonnegative(), z.string().min(1)])

export const tensorDtypeSchema = z.enum(['float32', 'float16', 'int64', 'int32', 'uint8', 'bool'])

/** One input or output of an ONNX graph. Outputs must say what their values mean (`units`). */
export const tensorSpecSchema = z.object({
  name: z.string().min(1),
  dtype: tensorDtypeSchema,
  dims: z.array(dimSchema).min(1),
  /** For outputs: 'metres', 'relative inverse depth', 'logits', 'probability 0..1', … */
  units: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
})

/** I/O of one graph, and where that description was read (so a reader can judge it). */
export const signatureSchema = z
  .object({
    inputs: z.array(tensorSpecSchema).min(1),
    outputs: z.array(tensorSpecSchema).min(1),
    source: z.string().min(1),
  })
  .superRefine((signature, context) => {
    signature.outputs.forEach((output, index) => {
      if (!output.units)
        context.addIssue({
          code: 'custom',
          path: ['outputs', index, 'units'],
          message: `output "${output.name}" needs units`,
        })
    })
  })

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256')

/**
 * https, or http from this machine (127.0.0.1, ::1, localhost): a local mirror, which nobody on the
 * network can tamper with.
 */
export function isSecureDownloadUrl(url: string): boolean {
  if (url.startsWith('https://')) return true
  try {
    const { protocol, hostname } = new URL(url)
    return protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(hostname)
  } catch {
    return false
  }
}

/** Roles of a model's files; graph roles carry a signature. */
export const fileRoleSchema = z.enum([
  'model',
  'encoder',
  'decoder',
  'embeddings',
  'tokenizer',
  'config',
  /** A llama.cpp GGUF file (weights + tokenizer + chat template), run by node-llama-cpp. */
  'gguf',
  'external-data',
])
const GRAPH_ROLES = new Set(['model', 'encoder', 'decoder', 'embeddings'])

export const modelFileSchema = z
  .object({
    role: fileRoleSchema,
    /** File name inside the model's cache folder (`<cache>/<model id>/<path>`). */
    path: z
      .string()
      .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a relative path without ".." or spaces'),
    /** Mirrors tried in order; empty for built-in and manually installed files. */
    urls: z.array(z.url()),
    /** Published SHA-256, or null: then the first download is trusted and its hash is locked. */
    sha256: sha256Schema.nullable(),
    /** Exact size in bytes where published, else null. */
    bytes: z.number().int().positive().nullable(),
    /** Rough size from a file listing, for display only when `bytes` is null. */
    approxBytes: z.number().int().positive().optional(),
    /** Where the hash and size were read. */
    hashSource: z.string().min(1),
    /** Built-in files: path relative to the package root. */
    builtinPath: z.string().min(1).optional(),
    signature: signatureSchema.optional(),
  })
  .superRefine((file, context) => {
    if (GRAPH_ROLES.has(file.role) && !file.signature) {
      context.addIssue({
        code: 'custom',
        path: ['signature'],
        message: `a ${file.role} file needs its input/output signature`,
      })
    }
    if (file.urls.some((url) => !isSecureDownloadUrl(url))) {
      context.addIssue({
        code: 'custom',
        path: ['urls'],
        message: 'download URLs must be https (plain http only from this machine: a local mirror)',
      })
    }
  })

/** How an image becomes the model's pixel tensor. */
export const preprocessSchema = z.object({
  /** The graph input this feeds (in the file named by `file`). */
  input: z.string().min(1),
  file: z.string().min(1),
  resize: z.object({
    rule: z.enum([
      'stretch',
      'keep-aspect-multiple',
      'longest-edge-pad',
      'keep-aspect-pad',
      'pad-square-then-stretch',
      'tiles',
    ]),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    /** Sides rounded to a multiple of this (ViT patch size). */
    multipleOf: z.number().int().positive().optional(),
    description: z.string().min(1),
  }),
  colorOrder: z.enum(['RGB', 'BGR']),
  layout: z.enum(['NCHW', 'NNCHW']),
  /** Pixel values are multiplied by this before mean/std (1/255, or 1 for 0..255 statistics). */
  scale: z.number().positive(),
  mean: z.tuple([z.number(), z.number(), z.number()]),
  std: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
  padValue: z.string().min(1).optional(),
})

export const licenceSchema = z.object({
  /** SPDX id where one exists. */
  id: z.string().min(1),
  url: z.url(),
  isCommercialUseAllowed: z.boolean(),
  note: z.string().min(1).optional(),
})

export const provenanceSchema = z.object({
  upstream: z.url(),
  exportedBy: z.string().min(1),
  revision: z.string().min(1),
  note: z.string().min(1),
})

export const modelTaskSchema = z.enum([
  'metric-depth',
  'relative-depth',
  'detection',
  'open-vocabulary-detection',
  'segmentation',
  'vision-language',
  'relation-verification',
  /** A chat LLM run in-process by node-llama-cpp (GGUF); no image pre-processing. */
  'language-model',
])

/** The tasks of depth models: the ones a depth calibration fits (CLI and app). */
export const DEPTH_TASKS: ReadonlySet<string> = new Set<z.infer<typeof modelTaskSchema>>([
  'metric-depth',
  'relative-depth',
])

/** download: fetched by `models download`; builtin: ships in the package; manual: the user exports it. */
export const installKindSchema = z.enum(['download', 'builtin', 'manual'])

export const modelEntrySchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, 'kebab-case id (dots allowed, as in qwen2.5)'),
    name: z.string().min(1),
    task: modelTaskSchema,
    install: installKindSchema,
    isOptional: z.boolean(),
    files: z.array(modelFileSchema).min(1),
    /** How an image reaches the model; every task but 'language-model' needs it. */
    preprocess: preprocessSchema.optional(),
    licence: licenceSchema,
    provenance: provenanceSchema,
    /** For `manual` installs: how to make the files and where to put them. */
    installHint: z.string().min(1).optional(),
    notes: z.array(z.string().min(1)),
  })
  .superRefine((entry, context) => {
    const paths = new Set<string>()
    entry.files.forEach((file, index) => {
      if (paths.has(file.path))
        context.addIssue({
          code: 'custom',
          path: ['files', index, 'path'],
          message: `duplicate file ${file.path}`,
        })
      paths.add(file.path)
      if (entry.install === 'download' && file.urls.length === 0) {
        context.addIssue({
          code: 'custom',
          path: ['files', index, 'urls'],
          message: 'a downloaded file needs at least one URL',
        })
      }
      if (entry.install === 'builtin' && (!file.builtinPath || !file.sha256 || !file.bytes)) {
        context.addIssue({
          code: 'custom',
          path: ['files', index],
          message: 'a built-in file needs builtinPath, sha256 and bytes',
        })
      }
    })
    if (entry.install === 'manual' && !entry.installHint) {
      context.addIssue({
        code: 'custom',
        path: ['installHint'],
        message: 'a manual install needs an installHint',
      })
    }
    if (!entry.preprocess) {
      if (entry.task !== 'language-model')
        context.addIssue({
          code: 'custom',
          path: ['preprocess'],
          message: `a ${entry.task} model needs preprocess`,
        })
    } else if (!entry.files.some((file) => file.path === entry.preprocess?.file)) {
      context.addIssue({
        code: 'custom',
        path: ['preprocess', 'file'],
        message: `no file ${entry.preprocess.file} in this entry`,
      })
    }
  })

export const modelManifestSchema = z
  .object({
    schemaVersion: z.literal(1),
    models: z.array(modelEntrySchema),
  })
  .superRefine((manifest, context) => {
    const ids = new Set<string>()
    manifest.models.forEach((model, index) => {
      if (ids.has(model.id))
        context.addIssue({
          code: 'custom',
          path: ['models', index, 'id'],
          message: `duplicate model id ${model.id}`,
        })
      ids.add(model.id)
    })
  })

export type TensorSpec = z.infer<typeof tensorSpecSchema>
export type ModelSignatureSpec = z.infer<typeof signatureSchema>
export type ModelFile = z.infer<typeof modelFileSchema>
export type Preprocess = z.infer<typeof preprocessSchema>
export type ModelEntry = z.infer<typeof modelEntrySchema>
export type ModelManifest = z.infer<typeof modelManifestSchema>
export type ModelTask = z.infer<typeof modelTaskSchema>
