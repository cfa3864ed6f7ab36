/**
 * Published VSR results we print beside ours. Only numbers stated in the sources are here; a cell the source does
 * not give is absent (printed "—"), never estimated.
 * - Spatial-ViLT (Islam et al., arXiv 2510.03441, 2025): SpatialEnsemble 72.62 % accuracy / 72.64 % F1; per
 *   meta-category, the best of its two models as the abstract and summary state them (SpatialViLT: Proximity
 *   77.08, Orientation 61.02, Unallocated 72.73; MaskedSpatialViLT: Topological 75.90, Directional 68.52).
 * - Baselines as the Spatial-ViLT paper quotes them: LXMERT 70.1 %, ViLT 69.3 %, human 95.4 %.
 */

import type { MetaCategory } from '../engine/ensemble/vsrRelations'

export interface PaperRow {
  name: string
  accuracy?: number
  f1?: number
  byMeta?: Partial<Record<MetaCategory, number>>
  note: string
}

export const PAPER_ROWS: readonly PaperRow[] = [
  {
    name: 'SpatialEnsemble (paper)',
    accuracy: 0.7262,
    f1: 0.7264,
    note: 'Spatial-ViLT, arXiv 2510.03441',
  },
  {
    name: 'SpatialViLT / Masked (paper)',
    byMeta: {
      Proximity: 0.7708,
      Orientation: 0.6102,
      Unallocated: 0.7273,
      Topological: 0.759,
      Directional: 0.6852,
    },
    note: 'best of the two per meta-category, as the paper states them',
  },
  { name: 'LXMERT (paper)', accuracy: 0.701, note: 'as quoted by Spatial-ViLT' },
  { name: 'ViLT (paper)', accuracy: 0.693, note: 'as quoted by Spatial-ViLT' },
  { name: 'Human (paper)', accuracy: 0.954, note: 'as quoted by Spatial-ViLT' },
]
