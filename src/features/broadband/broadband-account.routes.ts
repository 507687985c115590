import type { FeatureRoute } from '@/features/module'

/** The account side of the desk (BB-1, BB-2, BB-3, BB-7, BB-10, statements): search, open, one account, its statement. */
export const broadbandAccountRoutes: readonly FeatureRoute[] = []
