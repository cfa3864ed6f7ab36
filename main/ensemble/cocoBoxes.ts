/**
 * Ground-truth 2D boxes for VSR images, normalised to [0, 1] so they fit an image whatever size it was stored at
 * (many copies were squashed to 256×256). Reads either COCO instance annotations (`instances_*.json`: images,
 * annotations with bbox [x, y, w, h] in pixels, categories) or the `coco_boxes.json` form of
 * tests/fixtures/vsr-images (per image: coco_width/height and boxes with bbox_norm_cxcywh).
 */

import { readFileSync } from 'node:fs'
import { z } from 'zod'
import type { LabelledBox2d } from '../engine/ensemble/voter'
import { UserError } from '../app/userError'

const cocoInstancesSchema = z.object({
  images: z.array(
    z.object({
      id: z.number(),
      file_name: z.string(),
      width: z.number().positive(),
      height: z.number().positive(),
    }),
  ),
  annotations: z.array(
    z.object({
      image_id: z.number(),
      category_id: z.number(),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
    }),
  ),
  categories: z.array(z.object({ id: z.number(), name: z.string() })),
})

const cocoBoxesFileSchema = z.object({
  images: z.record(
    z.string(),
    z.object({
      boxes: z.array(
        z.object({
          category: z.string(),
          bbox_norm_cxcywh: z.tuple([z.number(), z.number(), z.number(), z.number()]),
        }),
      ),
    }),
  ),
})

/** Image file name → its labelled boxes (normalised [x0, y0, x1, y1], score 1). */
export type BoxesByImage = Map<string, LabelledBox2d[]>

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v))

function fromInstances(data: z.infer<typeof cocoInstancesSchema>): BoxesByImage {
  const names = new Map(data.categories.map((c) => [c.id, c.name]))
  const images = new Map(data.images.map((i) => [i.id, i]))
  const out: BoxesByImage = new Map()
  for (const a of data.annotations) {
    const image = images.get(a.image_id)
    const label = names.get(a.category_id)
    if (!image || !label) continue
    const [x, y, w, h] = a.bbox
    const box: LabelledBox2d = {
      label,
      box: [
        clamp01(x / image.width),
        clamp01(y / image.height),
        clamp01((x + w) / image.width),
        clamp01((y + h) / image.height),
      ],
      score: 1,
    }
    const list = out.get(image.file_name) ?? []
    list.push(box)
    out.set(image.file_name, list)
  }
  return out
}

function fromCocoBoxesFile(data: z.infer<typeof cocoBoxesFileSchema>): BoxesByImage {
  const out: BoxesByImage = new Map()
  for (const [file, entry] of Object.entries(data.images)) {
    out.set(
      file,
      entry.boxes.map(({ category, bbox_norm_cxcywh: [cx, cy, w, h] }) => ({
        label: category,
        box: [
          clamp01(cx - w / 2),
          clamp01(cy - h / 2),
          clamp01(cx + w / 2),
          clamp01(cy + h / 2),
        ] as [number, number, number, number],
        score: 1,
      })),
    )
  }
  return out
}

export function readGroundTruthBoxes(path: string): BoxesByImage {
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new UserError(`cannot read the boxes file ${path}: ${(error as Error).message}`)
  }
  const instances = cocoInstancesSchema.safeParse(raw)
  if (instances.success) return fromInstances(instances.data)
  const boxes = cocoBoxesFileSchema.safeParse(raw)
  if (boxes.success) return fromCocoBoxesFile(boxes.data)
  throw new UserError(
    `${path} is neither COCO instance annotations (images, annotations, categories) nor the coco_boxes.json form (images → boxes with bbox_norm_cxcywh)`,
  )
}
