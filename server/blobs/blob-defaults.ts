/** Blob settings when the environment says nothing (BORDEREAU_BLOB_QUOTA_MB, BORDEREAU_MAX_CONCURRENT_UPLOADS). */
export const BLOB_DEFAULTS = {
  /** 5 GiB per account: about 2,500 photos of 2 MB. */
  quotaBytes: 5 * 1024 * 1024 * 1024,
  /** Four 25 MiB uploads at once at most; more wait their turn. */
  maxConcurrentUploads: 4,
} as const;
