import { auditModule } from '@/features/audit/module'
import { broadbandModule } from '@/features/broadband/module'
import { authModule } from '@/features/auth/module'
import { checkinModule } from '@/features/checkin/module'
import { devicesModule } from '@/features/devices/module'
import { diagnosticsModule } from '@/features/diagnostics/module'
import { fieldModule } from '@/features/field/module'
import { homeModule } from '@/features/home/module'
import { membersModule } from '@/features/members/module'
import { memberSigninsModule } from '@/features/member-signins/module'
import { membershipSettingsModule } from '@/features/membership-settings/module'
import { noticesModule } from '@/features/notices/module'
import type { FeatureModule } from '@/features/module'
import { organisationSettingsModule } from '@/features/organisation-settings/module'
import { peopleModule } from '@/features/people/module'
import { receptionModules } from '@/features/reception/module'
import { serviceModules } from '@/features/service/module'
import { returnVisitsModule } from '@/features/return-visits/module'
import { serviceReportsModule } from '@/features/service-reports/module'
import { settingsModule } from '@/features/settings/module'
import { staffModule } from '@/features/staff/module'
import { manageModule } from '@/features/workspaces/module'

/** Every feature of the app. Adding a desk is one line here; everything else lives in its folder (docs/architecture.md "Adding a desk"). */
export const modules: readonly FeatureModule[] = [
  homeModule,
  noticesModule,
  authModule,
  checkinModule,
  ...receptionModules,
  membersModule,
  memberSigninsModule,
  membershipSettingsModule,
  organisationSettingsModule,
  peopleModule,
  staffModule,
  auditModule,
  devicesModule,
  settingsModule,
  diagnosticsModule,
  broadbandModule,
  ...serviceModules,
  returnVisitsModule,
  serviceReportsModule,
  fieldModule,
  manageModule,
]
