export {
  BUNDLE_FILES,
  BUNDLE_FORMAT_VERSION,
  EXPORT_SECTIONS,
  bundleVerdict,
  publicKeyFingerprint,
  verifyBundle,
  type BundleCrypto,
  type BundleFile,
  type BundleVerification,
  type BundleVerificationOptions,
  type ExportManifest,
  type ExportSection,
} from './bundle';
