/** The push part's own content types. */
export const DEVICE_UID = 'plugin::accounts.device';
export const ATTEMPT_UID = 'plugin::accounts.push-attempt';
export const AREA_UID = 'plugin::accounts.approved-area';

/** The low-level query API for a content type, untyped like the rest of the plugin's. */
export const query = (strapi: any, uid: string) => strapi.db.query(uid as never) as any;
