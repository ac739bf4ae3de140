import factor from './factor/schema.json';
import session from './session/schema.json';
import throttle from './throttle/schema.json';
import token from './token/schema.json';

/**
 * The factor names its companion device, a type the push part supplies; without that type
 * (the push part not built in) the relation is left out so the plugin still loads.
 */
export function accountContentTypes(hasDevice: boolean) {
  const factorSchema = structuredClone(factor) as any;
  if (!hasDevice) delete factorSchema.attributes.device;

  return {
    factor: { schema: factorSchema },
    session: { schema: session },
    token: { schema: token },
    throttle: { schema: throttle },
  };
}
