/** What the job-photo bench's page side (photo-seed.ts) answers the runner (job-photo.bench.ts). */

export interface PhotoMade {
  bytes: number
  width: number
  height: number
  ms: number
}

export type PhotoTimed =
  | { ok: true; bytes: number; width: number; height: number; quality: number; ms: number; longTasks: number[] }
  | { ok: false; problem: string; ms: number; longTasks: number[] }
