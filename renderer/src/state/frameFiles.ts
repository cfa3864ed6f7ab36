import type { z } from 'zod'
import { intrinsicsInputSchema, type ChannelInput } from '../../../main/contract/channels'

export type FrameInput = ChannelInput<'scene:analyze'>['frame']
export type IntrinsicsInput = z.output<typeof intrinsicsInputSchema>

/** The files picked in the "Open frame…" form. */
export interface RgbdFiles {
  color: File
  /** Null for a colour-only frame: the service predicts depth with the installed depth model. */
  depth: File | null
  intrinsics: File
  /** Depth PNG units per metre from the form (overrides the intrinsics file's), or null. */
  depthScale: number | null
  /** The camera, for depth calibrations (e.g. a sequence's folder); default the colour file's name. */
  cameraId?: string
}

const INTRINSICS_EXAMPLE =
  '{"width": 640, "height": 480, "fx": 525, "fy": 525, "cx": 319.5, "cy": 239.5, "depthScale": 1000}'

/** A file input's entry in FormData: a picked file, or null when the input was left empty. */
export function pickedFile(entry: FormDataEntryValue | null): File | null {
  return entry instanceof File && (entry.name !== '' || entry.size > 0) ? entry : null
}

export async function readFileBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer())
}

/**
 * Reads an intrinsics JSON file (pixels, 0-based principal point, optional depthScale); extra keys
 * are ignored. Throws an Error naming the file and the bad field, with an example of the format.
 */
export function parseIntrinsicsText(text: string, fileName: string): IntrinsicsInput {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    throw new Error(
      `${fileName} is not valid JSON. Expected intrinsics like ${INTRINSICS_EXAMPLE}.`,
    )
  }
  const parsed = intrinsicsInputSchema.safeParse(value)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = issue?.path.join('.') || 'the file'
    throw new Error(
      `${fileName}: ${field}: ${issue?.message ?? 'invalid'}. Expected intrinsics like ${INTRINSICS_EXAMPLE}.`,
    )
  }
  return parsed.data
}

/**
 * Builds the `scene:analyze` frame for an RGB-D upload, or a colour-only one without a depth file
 * (file bytes are decoded by the service).
 */
export async function rgbdFrameFromFiles(files: RgbdFiles): Promise<FrameInput> {
  const [colorFile, depthFile, intrinsicsText] = await Promise.all([
    readFileBytes(files.color),
    files.depth ? readFileBytes(files.depth) : null,
    files.intrinsics.text(),
  ])
  const intrinsics = parseIntrinsicsText(intrinsicsText, files.intrinsics.name)
  return {
    kind: 'rgbd',
    name: files.color.name,
    colorFile,
    ...(depthFile && files.depth ? { depthFile, depthName: files.depth.name } : {}),
    intrinsics,
    intrinsicsName: files.intrinsics.name,
    ...(files.depthScale !== null ? { depthScale: files.depthScale } : {}),
    ...(files.cameraId ? { cameraId: files.cameraId } : {}),
  }
}

/** Builds the `scene:analyze` frame for an organized PCD cloud. */
export async function pcdFrameFromFile(file: File): Promise<FrameInput> {
  return { kind: 'pcd', name: file.name, pcdFile: await readFileBytes(file) }
}
