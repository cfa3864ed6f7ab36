// Types for bench/lib.js (plain JS so `npm run bench` needs no build), used by tests/bench/lib.test.ts.

export type Vec3 = [number, number, number]

export interface StageMapping {
  stage: string
  ours: string[]
  open3d: string[]
}
export const STAGE_MAP: StageMapping[]

export interface BenchIntrinsics {
  width: number
  height: number
  fx: number
  fy: number
  cx: number
  cy: number
  depthScale: number
}
export function syntheticIntrinsics(width: number, height: number): BenchIntrinsics
export function parseResolution(text: string): { width: number; height: number }

export function parseJsonOutput(stdout: string, source: string): Record<string, unknown>
export function excerpt(text: string, maxLines?: number): string

export interface BenchObject {
  centerInCamera: Vec3
  [key: string]: unknown
}
export interface OursOutput {
  timingsMs: Record<string, number>
  totalMs: number
  objects: BenchObject[]
  plane?: { normal: Vec3; offset: number } | null
  [key: string]: unknown
}
export interface Open3dOutput {
  stagesMs: Record<string, number>
  totalMs: number
  objects: BenchObject[]
  planeNormal?: Vec3
  [key: string]: unknown
}
export function validateOurs(value: unknown): OursOutput
export function validateOpen3d(value: unknown): Open3dOutput

export function combineRounds<T extends OursOutput | Open3dOutput>(
  rounds: T[],
  stagesKey: 'timingsMs' | 'stagesMs',
): T

export function ratio(oursMs: number | null, open3dMs: number | null): number | null

export interface StageRow {
  stage: string
  oursStages: string[]
  open3dStages: string[]
  oursMs: number | null
  open3dMs: number | null
  ratio: number | null
}
export function compareStages(ours: OursOutput | null, open3d: Open3dOutput | null): StageRow[]

export const MAX_MATCH_M: number
export interface TruthObject {
  name: string
  centre_camera: Vec3
}
export interface Accuracy {
  objectCount: number
  truthCount: number
  matched: number
  missed: string[]
  extra: number
  meanErrorM: number | null
  maxErrorM: number | null
  matches: { name: string; object: number; errorM: number }[]
}
export function centreAccuracy(
  objects: BenchObject[],
  truth: TruthObject[],
  maxMatchM?: number,
): Accuracy
export function normalAngleDeg(a: unknown, b: unknown): number | null

export function formatStageTable(rows: StageRow[]): string
export function formatTable(
  header: string[],
  body: (string | number)[][],
  rightAlign?: boolean[],
): string
export function formatAccuracy(
  label: string,
  accuracy: Accuracy | null | undefined,
  planeAngleDeg?: number | null,
): string
