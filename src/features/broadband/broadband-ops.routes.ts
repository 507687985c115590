import type { FeatureRoute } from '@/features/module'

/** The desk's runs across accounts (bill run, dunning worklist, outages, notices, duplicates). */
export const broadbandOpsRoutes: readonly FeatureRoute[] = []
