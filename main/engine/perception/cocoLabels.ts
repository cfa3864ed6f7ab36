/**
 * COCO class names as a person says them. Label files differ: Darknet's `coco.names` (shipped with
 * the NanoDet-m ONNX export) writes "tvmonitor", "diningtable", "sofa"; NanoDet's configs write
 * "dining_table", "potted_plant". Scene objects and answers use the COCO 2017 wording with spaces.
 */
const DARKNET_TO_COCO: Record<string, string> = {
  aeroplane: 'airplane',
  motorbike: 'motorcycle',
  sofa: 'couch',
  pottedplant: 'potted plant',
  diningtable: 'dining table',
  tvmonitor: 'tv',
}

/** One class name in COCO 2017 wording: underscores become spaces, Darknet spellings are mapped. */
export function readableCocoLabel(name: string): string {
  const spaced = name.trim().replace(/_/g, ' ')
  return DARKNET_TO_COCO[spaced] ?? spaced
}

/** Parses a label file (one name a line; blank lines dropped) into readable COCO names. */
export function parseLabelList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(readableCocoLabel)
}
