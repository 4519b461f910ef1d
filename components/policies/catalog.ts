import { s3AbortIncompleteUploads } from "./rules/s3-abort-incomplete-uploads";
import { s3AccessLogging } from "./rules/s3-access-logging";
import { s3AccessPointBlockPublic } from "./rules/s3-access-point-block-public";
import { s3AclsDisabled } from "./rules/s3-acls-disabled";
import { s3BlockPublicAccess } from "./rules/s3-block-public-access";
import { s3BucketKey } from "./rules/s3-bucket-key";
import { s3CrossAccountRestricted } from "./rules/s3-cross-account-restricted";
import { s3DenyOutsideOrganization } from "./rules/s3-deny-outside-organization";
import { s3EventNotifications } from "./rules/s3-event-notifications";
import { s3KmsEncryption } from "./rules/s3-kms-encryption";
import { s3Lifecycle } from "./rules/s3-lifecycle";
import { s3MfaDelete } from "./rules/s3-mfa-delete";
import { s3ObjectLock } from "./rules/s3-object-lock";
import { s3PolicyNotPublic } from "./rules/s3-policy-not-public";
import { s3TlsOnly } from "./rules/s3-tls-only";
import { s3Versioning } from "./rules/s3-versioning";
import { cloudtrailEncrypted } from "./rules/cloudtrail-encrypted";
import { cloudtrailLogFileValidation } from "./rules/cloudtrail-log-file-validation";
import { cloudtrailMultiRegion } from "./rules/cloudtrail-multi-region";
import { cloudtrailPlatformTrail } from "./rules/cloudtrail-platform-trail";
import { cloudtrailS3ReadEvents } from "./rules/cloudtrail-s3-read-events";
import { cloudtrailS3WriteEvents } from "./rules/cloudtrail-s3-write-events";
import { kmsDecryptNotOnAllKeys } from "./rules/kms-decrypt-not-on-all-keys";
import { kmsKeyDeletionWindow } from "./rules/kms-key-deletion-window";
import { kmsKeyNotPublic } from "./rules/kms-key-not-public";
import { kmsKeyRotation } from "./rules/kms-key-rotation";
import { iamIrsaTrustScoped } from "./rules/iam-irsa-trust-scoped";
import { iamNoAdminAccess } from "./rules/iam-no-admin-access";
import { iamNoAwsManagedPolicies } from "./rules/iam-no-aws-managed-policies";
import { iamNoUserPolicies } from "./rules/iam-no-user-policies";
import { iamNoWildcardActions } from "./rules/iam-no-wildcard-actions";
import { iamNoWildcardResources } from "./rules/iam-no-wildcard-resources";
import { iamPermissionsBoundary } from "./rules/iam-permissions-boundary";
import { iamServiceTrustScoped } from "./rules/iam-service-trust-scoped";
import { snsTopicEncrypted } from "./rules/sns-topic-encrypted";
import { snsTopicNotPublic } from "./rules/sns-topic-not-public";
import { snsTopicTlsOnly } from "./rules/sns-topic-tls-only";
import { cloudwatchAlarmActions } from "./rules/cloudwatch-alarm-actions";
import { cloudwatchLogGroupEncrypted } from "./rules/cloudwatch-log-group-encrypted";
import { cloudwatchLogGroupRetention } from "./rules/cloudwatch-log-group-retention";
import { athenaEnforceConfiguration } from "./rules/athena-enforce-configuration";
import { athenaMetricsEnabled } from "./rules/athena-metrics-enabled";
import { athenaResultsEncrypted } from "./rules/athena-results-encrypted";
import { athenaScanCutoff } from "./rules/athena-scan-cutoff";
import { glueCatalogEncryption } from "./rules/glue-catalog-encryption";
import { glueLakeFormationOnly } from "./rules/glue-lake-formation-only";
import { glueTableLfTags } from "./rules/glue-table-lf-tags";
import { lakeformationGrantsLeastPrivilege } from "./rules/lakeformation-grants-least-privilege";
import { k8sDropAllCapabilities } from "./rules/k8s-drop-all-capabilities";
import { k8sImageDigest } from "./rules/k8s-image-digest";
import { k8sImageTagPinned } from "./rules/k8s-image-tag-pinned";
import { k8sNamespaceDefaultDeny } from "./rules/k8s-namespace-default-deny";
import { k8sNamespacePodSecurity } from "./rules/k8s-namespace-pod-security";
import { k8sNamespaceQuotaAndLimits } from "./rules/k8s-namespace-quota-and-limits";
import { k8sNoDefaultNamespace } from "./rules/k8s-no-default-namespace";
import { k8sNoDefaultServiceAccount } from "./rules/k8s-no-default-service-account";
import { k8sNoHostAccess } from "./rules/k8s-no-host-access";
import { k8sNoPrivilegeEscalation } from "./rules/k8s-no-privilege-escalation";
import { k8sRbacNoSecrets } from "./rules/k8s-rbac-no-secrets";
import { k8sRbacNoWildcards } from "./rules/k8s-rbac-no-wildcards";
import { k8sReadOnlyRootFilesystem } from "./rules/k8s-read-only-root-filesystem";
import { k8sResourceRequestsLimits } from "./rules/k8s-resource-requests-limits";
import { k8sRestrictedVolumeTypes } from "./rules/k8s-restricted-volume-types";
import { k8sRunAsNonRoot } from "./rules/k8s-run-as-non-root";
import { k8sSeccompProfile } from "./rules/k8s-seccomp-profile";
import { k8sServiceAccountTokenOff } from "./rules/k8s-service-account-token-off";
import { hipaaAuditLogging } from "./rules/hipaa-audit-logging";
import { hipaaCustomerManagedKeys } from "./rules/hipaa-customer-managed-keys";
import { hipaaPhiAccessApproved } from "./rules/hipaa-phi-access-approved";
import { hipaaPhiDeidentification } from "./rules/hipaa-phi-deidentification";
import { hipaaPhiInHipaaDomain } from "./rules/hipaa-phi-in-hipaa-domain";
import { hipaaPhiMinimumNecessary } from "./rules/hipaa-phi-minimum-necessary";
import { hipaaPhiObjectLock } from "./rules/hipaa-phi-object-lock";
import { meshClassificationNotLowered } from "./rules/mesh-classification-not-lowered";
import { meshDataResidency } from "./rules/mesh-data-residency";
import { meshFreshnessAlarm } from "./rules/mesh-freshness-alarm";
import { meshGrantsDeclaredConsumers } from "./rules/mesh-grants-declared-consumers";
import { meshPolicySizeWithinQuota } from "./rules/mesh-policy-size-within-quota";
import { meshProductClassification } from "./rules/mesh-product-classification";
import { meshProductContractVersion } from "./rules/mesh-product-contract-version";
import { meshProductFreshnessSla } from "./rules/mesh-product-freshness-sla";
import { meshProductOwners } from "./rules/mesh-product-owners";
import { meshRequiredTags } from "./rules/mesh-required-tags";
import { meshRestrictedAccessApproved } from "./rules/mesh-restricted-access-approved";
import { meshSensitiveDataPerimeter } from "./rules/mesh-sensitive-data-perimeter";
import { meshStatefulProtected } from "./rules/mesh-stateful-protected";
import type { Rule } from "./types";

/** Every governance rule, in the order reports list them: AWS services, Kubernetes, the HIPAA profile, mesh rules. */
export const RULES: readonly Rule[] = [
  s3AbortIncompleteUploads,
  s3AccessLogging,
  s3AccessPointBlockPublic,
  s3AclsDisabled,
  s3BlockPublicAccess,
  s3BucketKey,
  s3CrossAccountRestricted,
  s3DenyOutsideOrganization,
  s3EventNotifications,
  s3KmsEncryption,
  s3Lifecycle,
  s3MfaDelete,
  s3ObjectLock,
  s3PolicyNotPublic,
  s3TlsOnly,
  s3Versioning,
  cloudtrailEncrypted,
  cloudtrailLogFileValidation,
  cloudtrailMultiRegion,
  cloudtrailPlatformTrail,
  cloudtrailS3ReadEvents,
  cloudtrailS3WriteEvents,
  kmsDecryptNotOnAllKeys,
  kmsKeyDeletionWindow,
  kmsKeyNotPublic,
  kmsKeyRotation,
  iamIrsaTrustScoped,
  iamNoAdminAccess,
  iamNoAwsManagedPolicies,
  iamNoUserPolicies,
  iamNoWildcardActions,
  iamNoWildcardResources,
  iamPermissionsBoundary,
  iamServiceTrustScoped,
  snsTopicEncrypted,
  snsTopicNotPublic,
  snsTopicTlsOnly,
  cloudwatchAlarmActions,
  cloudwatchLogGroupEncrypted,
  cloudwatchLogGroupRetention,
  athenaEnforceConfiguration,
  athenaMetricsEnabled,
  athenaResultsEncrypted,
  athenaScanCutoff,
  glueCatalogEncryption,
  glueLakeFormationOnly,
  glueTableLfTags,
  lakeformationGrantsLeastPrivilege,
  k8sDropAllCapabilities,
  k8sImageDigest,
  k8sImageTagPinned,
  k8sNamespaceDefaultDeny,
  k8sNamespacePodSecurity,
  k8sNamespaceQuotaAndLimits,
  k8sNoDefaultNamespace,
  k8sNoDefaultServiceAccount,
  k8sNoHostAccess,
  k8sNoPrivilegeEscalation,
  k8sRbacNoSecrets,
  k8sRbacNoWildcards,
  k8sReadOnlyRootFilesystem,
  k8sResourceRequestsLimits,
  k8sRestrictedVolumeTypes,
  k8sRunAsNonRoot,
  k8sSeccompProfile,
  k8sServiceAccountTokenOff,
  hipaaAuditLogging,
  hipaaCustomerManagedKeys,
  hipaaPhiAccessApproved,
  hipaaPhiDeidentification,
  hipaaPhiInHipaaDomain,
  hipaaPhiMinimumNecessary,
  hipaaPhiObjectLock,
  meshClassificationNotLowered,
  meshDataResidency,
  meshFreshnessAlarm,
  meshGrantsDeclaredConsumers,
  meshPolicySizeWithinQuota,
  meshProductClassification,
  meshProductContractVersion,
  meshProductFreshnessSla,
  meshProductOwners,
  meshRequiredTags,
  meshRestrictedAccessApproved,
  meshSensitiveDataPerimeter,
  meshStatefulProtected,
];
